import Plot
import VoronkaCore

extension DashboardPage {
    /// Rescued leads per owner and quarter, and referrals per owner.
    static func growth(_ model: Model, _ t: Localizer) -> Markup {
        let g = model.growth
        let f = t.format
        let rescueColumns: [(title: String, numeric: Bool)] = [(t[.owner], false), (t[.dashQuarterColumn], false), (t[.dashReactivated], true),
                                                                (t[.dashRescued], true), (t[.dashWon], true), (t[.dashWonAmount], true)]
        let rescueRows: [[Markup]] = g.rescues.map { r in
            [owner(r.ownerName, t), .plain(r.quarter), .plain(f.number(r.reactivated)), .plain(f.number(r.rescued)), .plain(f.number(r.won)),
             .plain(money(r.wonAmount, model, t))]
        }
        let referralColumns: [(title: String, numeric: Bool)] = [(t[.owner], false), (t[.dashLeads], true), (t[.dashQualified], true),
                                                                  (t[.dashWon], true), (t[.dashConversionPercent], true), (t[.dashWonAmount], true)]
        let referralRows: [[Markup]] = g.referrals.map { r in
            [owner(r.ownerName, t), .plain(f.number(r.leads)), .plain(f.number(r.qualified)), .plain(f.number(r.won)),
             .plain(percent(r.conversion, t)), .plain(money(r.wonAmount, model, t))]
        }
        let total = g.referralTotal
        return .group(
            part(t, "growth-rescued", t[.dashRescuedLeads],
                 .p(.class("hint"), .plain(t[.dashRescuedHint])),
                 rescueRows.isEmpty ? noData(t) : .group(
                    figures([(t[.dashRescued], f.number(g.rescued)), (t[.dashWon], f.number(g.rescuedWon)),
                             (t[.dashWonAmount], money(g.rescuedWonAmount, model, t))], metric: "rescued-leads", t),
                    table(t[.dashRescuedLeads], rescueColumns, rescueRows, metric: "rescued-leads", t))),
            part(t, "growth-referrals", t[.dashReferrals],
                 referralRows.isEmpty ? noData(t) : .group(
                    figures([(t[.dashLeads], f.number(total.leads)), (t[.dashWon], f.number(total.won)),
                             (t[.dashConversionPercent], percent(total.conversion, t)), (t[.dashWonAmount], money(total.wonAmount, model, t))], metric: "referrals", t),
                    table(t[.dashReferrals], referralColumns, referralRows, metric: "referrals", t))))
    }

    /// CRM completeness and qualification health.
    static func quality(_ model: Model, _ t: Localizer) -> Markup {
        .group(part(t, "quality-completeness", t[.dashCompleteness], completeness(model, t)),
               part(t, "quality-qualification", t[.dashQualification], qualification(model, t)),
               part(t, "quality-data", t.pick(contradictions), dataQuality(model, t)))
    }

    static let contradictions = BilingualText(en: "Dates that contradict each other", ru: "Противоречащие даты")
    static let contradictionKinds: [String: BilingualText] = [
        "won_before_received": BilingualText(en: "Won before the lead arrived", ru: "Выиграна раньше, чем поступил лид"),
        "closed_before_created": BilingualText(en: "Closed before it was created", ru: "Закрыта раньше, чем создана"),
        "answered_before_received": BilingualText(en: "Answered before it arrived", ru: "Ответ раньше поступления"),
    ]
    static let recordColumn = BilingualText(en: "Record", ru: "Запись")
    static let problemColumn = BilingualText(en: "What contradicts", ru: "Что не сходится")
    static let daysEarlyColumn = BilingualText(en: "Days early", ru: "На сколько дней раньше")
    static let noContradictions = BilingualText(en: "No dates contradict each other.", ru: "Противоречащих дат нет.")

    /// The records whose dates contradict each other: kept as the data says, counted as taking no time by the metrics.
    static func dataQuality(_ model: Model, _ t: Localizer) -> Markup {
        let q = model.dataQuality
        let f = t.format
        let kinds = ["won_before_received", "closed_before_created", "answered_before_received"]
        let counts = [q.wonBeforeReceived, q.closedBeforeCreated, q.answeredBeforeReceived]
        guard counts.contains(where: { $0 > 0 }) else { return .p(.class("empty"), .plain(t.pick(noContradictions))) }
        return .group(
            figures(zip(kinds, counts).map { (t.pick(contradictionKinds[$0.0] ?? BilingualText(en: $0.0, ru: $0.0)), f.number($0.1)) },
                    metric: "data-quality", t),
            table(t.pick(contradictions), [(t.pick(recordColumn), false), (t.pick(problemColumn), false), (t.pick(daysEarlyColumn), true)],
                  q.rows.map { r in
                      [.unwrap(r.url, { .a(.attr("href", $0), .plain(r.record)) }, else: .plain(r.record)),
                       .plain(t.pick(contradictionKinds[r.kind] ?? BilingualText(en: r.kind, ru: r.kind))), .plain(days(r.daysEarly, t))]
                  }, metric: "data-quality", t))
    }

    /// The name of a required deal field.
    static func fieldName(_ key: String, _ t: Localizer) -> String {
        switch key {
        case "amount": t[.amount]
        case "expected_close": t[.expectedClose]
        case "contact": t[.contact]
        case "need_described": t[.needDescribed]
        case "budget_status": t[.budgetStatus]
        case "deadline": t[.deadline]
        default: key
        }
    }

    static func completeness(_ model: Model, _ t: Localizer) -> Markup {
        let c = model.completeness
        guard c.overall.deals > 0 || !c.owners.isEmpty else { return noData(t) }
        let f = t.format
        let untouched = t(.dashUntouchedAfter, ["days": t.count(c.untouchedDays, .day)])
        let ownerColumns: [(title: String, numeric: Bool)] = [(t[.owner], false), (t[.deals], true), (t[.dashFilledShare], true),
                                                               (t[.dashComplete], true), (untouched, true)]
        let ownerRows: [[Markup]] = c.owners.map { o in
            [owner(o.ownerName, t), .plain(f.number(o.deals)), .plain(percent(o.meanShare, t, digits: 0)), .plain(f.number(o.complete)),
             o.untouched > 0 ? .span(.class("warning"), .plain(f.number(o.untouched))) : .plain("0")]
        }
        let fieldColumns: [(title: String, numeric: Bool)] = [(t[.dashField], false), (t[.dashFilledShare], true)]
        let fieldRows: [[Markup]] = c.fields.map { [.plain(fieldName($0.field, t)), .plain(percent($0.share, t, digits: 0))] }
        let dealColumns: [(title: String, numeric: Bool)] = [(t[.title], false), (t[.owner], false), (t[.dashFilledShare], true),
                                                              (t[.dashMissing], false), (t[.dashSinceUpdate], true)]
        let dealRows: [[Markup]] = c.worst.map { d in
            [dealLink(d.deal), owner(d.deal.ownerName, t), .plain(percent(d.share, t, digits: 0)),
             .plain(d.missing.map { fieldName($0, t) }.joined(separator: ", ")),
             .span(.if(d.daysSinceUpdate > c.untouchedDays, .class("warning")), .plain(t.count(d.daysSinceUpdate, .day)))]
        }
        return .group(
            figures([(t[.dashFilledShare], percent(c.overall.meanShare, t, digits: 0)), (t[.dashComplete], f.number(c.overall.complete)),
                     (untouched, f.number(c.overall.untouched))], metric: "completeness", t),
            .h4(.plain(t[.dashByOwner])), table(t[.dashByOwner], ownerColumns, ownerRows, metric: "completeness", t),
            .h4(.plain(t[.dashByField])), table(t[.dashByField], fieldColumns, fieldRows, metric: "completeness", t),
            .h4(.plain(t[.dashLeastComplete])),
            dealRows.isEmpty ? .p(.class("empty"), .plain(t[.dashAllComplete])) : table(t[.dashLeastComplete], dealColumns, dealRows, metric: "completeness", t))
    }

    static func qualification(_ model: Model, _ t: Localizer) -> Markup {
        let q = model.qualification
        let groups: [(id: String, title: String, hint: String, count: Int, deals: [DealRef])] = [
            ("unqualified", t[.dashUnqualified], t[.dashUnqualifiedHint], q.unqualifiedCount, q.unqualifiedPastFirstMeeting),
            ("uncontrolled", t[.dashUncontrolled], t[.dashUncontrolledHint], q.uncontrolledCount, q.uncontrolled),
            ("under-minimum", t[.dashUnderMinimum], t[.dashUnderMinimumHint], q.underMinimumCount, q.underMinimumEconomics),
        ]
        let f = t.format
        return .group(
            figures(groups.map { ($0.title, f.number($0.count)) }, metric: "qualification", t),
            .each(groups) { g in
                .group(.h4(.id("qualification-" + g.id), .plain(g.title + " · " + t.count(g.count, .deal))),
                       .p(.class("hint"), .plain(g.hint)),
                       g.deals.isEmpty ? .p(.class("empty"), .plain(t[.dashNoViolations])) :
                        table(g.title, [(t[.title], false), (t[.owner], false), (t[.amount], true)], g.deals.map { d in
                            [dealLink(d), owner(d.ownerName, t), .plain(money(d.amount, model, t))]
                        }, metric: "qualification", t))
            })
    }
}
