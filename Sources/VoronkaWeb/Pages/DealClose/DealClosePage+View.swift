import Plot
import VoronkaCore

extension DealClosePage {
    static let lostTitle = BilingualText(en: "Why was “{deal}” lost?", ru: "Почему сделка «{deal}» проиграна?")
    static let postponeTitle = BilingualText(en: "Until when is “{deal}” postponed?", ru: "До какого дня отложить сделку «{deal}»?")
    static let intro = BilingualText(en: "The deal moves to “{stage}” once you answer.", ru: "Сделка перейдёт на этап «{stage}», как только вы ответите.")
    static let reasonLegend = BilingualText(en: "Reason", ru: "Причина")
    static let otherReason = BilingualText(en: "Another reason (write it below)", ru: "Другая причина (напишите ниже)")
    static let noteLabel = BilingualText(en: "Details", ru: "Подробности")
    static let noteHint = BilingualText(en: "Optional with a reason above; the reason itself with “Another reason”.",
                                        ru: "Необязательно, если причина выбрана выше; с «Другой причиной» — сама причина.")
    static let dateLegend = BilingualText(en: "Re-check the deal", ru: "Вернуться к сделке")
    static let inMonths = BilingualText(en: "In {n} month(s), {date}", ru: "Через {n} мес., {date}")
    static let onDate = BilingualText(en: "On another date", ru: "В другой день")
    static let markLost = BilingualText(en: "Mark as lost", ru: "Отметить проигранной")
    static let postpone = BilingualText(en: "Postpone", ru: "Отложить")
    static let cancel = BilingualText(en: "Cancel", ru: "Отмена")

    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let isLost: Bool = if case .reason = model.need { true } else { false }
        let title = t.pick(isLost ? lostTitle : postponeTitle).replacingOccurrences(of: "{deal}", with: model.dealTitle)
        let summary = model.problem.map { [(fieldID: fieldID($0.field), message: t.pick($0.message))] } ?? []
        return Layout.page(model.shell, title: title,
            .h1(.plain(title)),
            .p(.plain(t.pick(intro).replacingOccurrences(of: "{stage}", with: model.stageName))),
            .errorSummary(t[.formErrors], summary),
            .postForm(model.action, csrf: model.shell.csrfToken, class: "stack close-form",
                .hidden(FormField.stageID, String(model.stageID)),
                .hidden(FormField.returnTo, model.returnTo),
                .hidden(Field.closing, "1"),
                answer(model, t),
                .div(.class("form-actions"),
                     .submit(t.pick(isLost ? markLost : postpone), class: "button button-primary"),
                     .a(.class("button button-quiet"), .attr("href", model.returnTo), .plain(t.pick(cancel))))))
    }

    static func fieldID(_ field: String) -> String {
        field == "postponed_until" ? "close-date" : "close-reason-0"
    }

    static func answer(_ model: Model, _ t: Localizer) -> Node<HTML.FormContext> {
        let error = model.problem.map { t.pick($0.message) }
        switch model.need {
        case .reason(let reasons):
            let chosen = model.typed[Field.reasonChoice] ?? ""
            let options = reasons.map { ($0, $0) } + [(Field.other, t.pick(otherReason))]
            return .group(
                .fieldset(.class(error == nil ? "choices" : "choices has-error"),
                    .el("legend", .plain(t.pick(reasonLegend))),
                    .unwrap(error) { .p(.class("field-error"), .id("close-reason-error"), .plain($0)) },
                    .group(options.enumerated().map { i, option in
                        .div(.class("choice"),
                             .input(.attr("type", "radio"), .attr("id", "close-reason-\(i)"), .attr("name", Field.reasonChoice),
                                    .attr("value", option.0), .flag("checked", option.0 == chosen)),
                             .label(.attr("for", "close-reason-\(i)"), .plain(option.1)))
                    })),
                .textAreaField(FieldInfo(id: "close-note", label: t.pick(noteLabel), hint: t.pick(noteHint)), name: Field.reasonNote,
                               value: model.typed[Field.reasonNote] ?? "", rows: 3))
        case .date(let picks):
            let chosen = model.typed[Field.postponeMonths] ?? ""
            return .fieldset(.class(error == nil ? "choices" : "choices has-error"),
                .el("legend", .plain(t.pick(dateLegend))),
                .unwrap(error) { .p(.class("field-error"), .id("close-date-error"), .plain($0)) },
                .group(picks.map { pick in
                    .div(.class("choice"),
                         .input(.attr("type", "radio"), .attr("id", "close-months-\(pick.months)"), .attr("name", Field.postponeMonths),
                                .attr("value", String(pick.months)), .flag("checked", chosen == String(pick.months))),
                         .label(.attr("for", "close-months-\(pick.months)"),
                                .plain(t.pick(inMonths).replacingOccurrences(of: "{n}", with: String(pick.months))
                                    .replacingOccurrences(of: "{date}", with: t.format.date(pick.day)))))
                }),
                .div(.class("choice"),
                     .input(.attr("type", "radio"), .attr("id", "close-months-date"), .attr("name", Field.postponeMonths),
                            .attr("value", "date"), .flag("checked", chosen == "date")),
                     .label(.attr("for", "close-months-date"), .plain(t.pick(onDate)))),
                .inputField(FieldInfo(id: "close-date", label: t[.postponedUntil]), name: Field.postponedUntil, type: "date",
                            value: model.typed[Field.postponedUntil] ?? ""))
        }
    }
}
