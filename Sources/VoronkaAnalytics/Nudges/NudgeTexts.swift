import VoronkaCore

/// Why a nudge is due, in both languages: stored with the nudge, so that the API, the pages and the mail say the same.
enum NudgeTexts {
    static func stalled(days: Int, limit: Int, basis: String, sinceContact: Bool, level: Int) -> BilingualText {
        let norm = basis == "p80"
            ? BilingualText(en: "the 80th percentile of this stage's past visits", ru: "80-й процентиль прошлых визитов этапа")
            : BilingualText(en: "the stage's expected duration", ru: "ожидаемая длительность этапа")
        let clock = sinceContact
            ? BilingualText(en: "\(days) days since the last call, meeting or e-mail", ru: "\(days) дн. с последнего звонка, встречи или письма")
            : BilingualText(en: "\(days) days in its stage with no call, meeting or e-mail", ru: "\(days) дн. в этапе без звонка, встречи или письма")
        return escalated(BilingualText(en: "\(clock.en); the limit is \(limit) days (\(norm.en)).",
                                       ru: "\(clock.ru); предел — \(limit) дн. (\(norm.ru))."), level: level)
    }

    static func postponed(untilDay: Int?, days: Int) -> BilingualText {
        if let untilDay {
            let day = Day(daysSinceEpoch: untilDay)
            return BilingualText(en: "Postponed until \(date(day, .en)): time to check in with the client (postponed \(days) days ago).",
                                 ru: "Отложена до \(date(day, .ru)): пора связаться с клиентом (отложена \(days) дн. назад).")
        }
        return BilingualText(en: "Postponed \(days) days ago with no date to return: check in with the client.",
                             ru: "Отложена \(days) дн. назад без даты возврата: свяжитесь с клиентом.")
    }

    static func stale(days: Int, limit: Int) -> BilingualText {
        BilingualText(en: "Nobody has touched this deal for \(days) days (the limit is \(limit)).",
                      ru: "Сделку не трогали \(days) дн. (предел — \(limit)).")
    }

    static func leadResponse(hours: Int, target: Int, owned: Bool, level: Int) -> BilingualText {
        let base = BilingualText(en: "No answer for \(hours) hours; the target is \(target).",
                                 ru: "Нет ответа \(hours) ч.; цель — \(target) ч.")
        let text = owned ? base : BilingualText(en: base.en + " Nobody owns the lead: the first to take it owns it.",
                                                ru: base.ru + " У заявки нет ответственного: кто первым возьмёт, тот и ведёт.")
        return escalated(text, level: level)
    }

    static func yearlyBuyer(month: Int, years: [Int], next: Day) -> BilingualText {
        let list = years.map(String.init).joined(separator: ", ")
        return BilingualText(en: "Buys every year around \(monthsEN[(month - 1) % 12]) (\(list)): call before \(date(next, .en)).",
                             ru: "Покупает каждый год около \(monthsRUGenitive[(month - 1) % 12]) (\(list)): позвоните до \(date(next, .ru)).")
    }

    static func qualification(_ flags: QualificationFlags) -> BilingualText {
        var en: [String] = [], ru: [String] = []
        if flags.contains(.unqualified) {
            en.append("past the first meeting without qualification: confirm the need, budget and urgency, and reach the decision maker")
            ru.append("после первой встречи без квалификации: подтвердите потребность, бюджет и срочность и выйдите на лицо, принимающее решение")
        }
        if flags.contains(.belowMinimum) {
            en.append("the expected profit is below the minimum of a deal and no exception is claimed")
            ru.append("ожидаемая прибыль ниже минимума сделки, исключение не заявлено")
        }
        if flags.contains(.uncontrolled) {
            en.append("past the control stage with the budget or the need unknown")
            ru.append("после контрольного этапа, а бюджет или потребность не известны")
        }
        func sentence(_ parts: [String]) -> String {
            guard let first = parts.first else { return "" }
            return (first.prefix(1).uppercased() + first.dropFirst()) + (parts.count > 1 ? "; " + parts.dropFirst().joined(separator: "; ") : "") + "."
        }
        return BilingualText(en: sentence(en), ru: sentence(ru))
    }

    static func escalated(_ text: BilingualText, level: Int) -> BilingualText {
        switch level {
        case 1: BilingualText(en: "Escalated to you as the owner's manager. " + text.en, ru: "Эскалация вам как руководителю ответственного. " + text.ru)
        case 2: BilingualText(en: "Escalated to the head of sales. " + text.en, ru: "Эскалация руководителю отдела продаж. " + text.ru)
        default: text
        }
    }

    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                           "November", "December"]
    static let monthsRUGenitive = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                                   "ноября", "декабря"]

    static func date(_ day: Day, _ language: Language) -> String {
        let i = max(0, min(11, day.month - 1))
        return language == .ru ? "\(day.day) \(monthsRUGenitive[i]) \(day.year)" : "\(day.day) \(monthsEN[i]) \(day.year)"
    }
}
