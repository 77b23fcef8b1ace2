import Plot
import VoronkaCore

extension DealPage {
    static func timeline(_ model: Model, _ t: Localizer) -> Markup {
        .section(.attr("aria-labelledby", "deal-timeline"),
            .h2(.id("deal-timeline"), .plain(t[.timeline])),
            model.timeline.isEmpty
                ? .p(.class("muted"), .plain(t[.timelineEmpty]))
                : .ol(.class("timeline"), .each(model.timeline) { entry($0, currency: model.deal.currency, owners: model.owners, names: model.idNames, t) }))
    }

    static func entry(_ entry: TimelineEntry, currency: String, owners: [Choice], names: [String: [Int64: String]] = [:], _ t: Localizer) -> Node<HTML.ListContext> {
        let f = t.format
        let (className, kind, content): (String, String, Markup) = switch entry.kind {
        case .stageChange(let from, let to):
            ("event-stage", t[.stage], .p(.plain(from.map { t(.timelineStage, ["from": $0, "to": to]) } ?? t(.timelineCreatedIn, ["to": to]))))
        case .fieldChange(let field, let old, let new):
            ("event-field", t[.timelineChange], .p(.plain(fieldLabel(field, t) + ": " + value(old, field: field, currency: currency, owners: owners, names: names, t)
                + " → " + value(new, field: field, currency: currency, owners: owners, names: names, t))))
        case .activity(let activity, let subject, let body, let due, let done):
            ("event-activity event-" + activity.rawValue, t.name(activity), .group(
                .unwrap(subject) { .p(.strong(.plain($0))) },
                .unwrap(body) { .div(.class("prose"), .plain($0)) },
                .if(due != nil || done != nil, .p(.class("muted"), .plain([
                    due.map { t(.dueOn, ["date": f.dateTime($0)]) }, done.map { t(.doneOn, ["date": f.dateTime($0)]) },
                ].compactMap { $0 }.joined(separator: " · "))))))
        case .meetingProtocol(let subject, let body):
            ("event-protocol", t[.timelineProtocol], .group(.unwrap(subject) { .p(.strong(.plain($0))) }, .div(.class("prose"), .plain(body))))
        }
        return .li(.class("event " + className),
                   .p(.class("event-head"), .span(.class("event-kind"), .plain(kind)), .plain(" · "),
                      .instant(entry.at, f.dateTime(entry.at)), .plain(" · " + (entry.actorName ?? t[.systemActor])),
                      .unwrap(entry.editURL) { .group(.plain(" · "), .a(.attr("href", $0), .plain(t[.actionEdit]))) }),
                   content)
    }

    /// A changed value as people read it: money with its currency, codes by their labels, records by name (never an id
    /// when the name is known).
    static func value(_ v: FieldValue, field: String, currency: String, owners: [Choice], names: [String: [Int64: String]] = [:], _ t: Localizer) -> String {
        if case .int(let id) = v, let name = names[field]?[id] { return name }
        if field == "owner_id", case .int(let id) = v, let owner = owners.first(where: { $0.id == id }) { return owner.name }
        if let known = names[field], case .json(.array(let items)) = v {
            let ids = items.compactMap { if case .number(let n) = $0 { Int64(exactly: n) } else { nil } }
            return ids.isEmpty ? Format.dash : ids.map { known[$0] ?? "#\($0)" }.joined(separator: ", ")
        }
        if field == "grade", case .text(let s) = v, let grade = DealGrade(rawValue: s) { return t.name(grade) }
        if field == "budget_status", case .text(let s) = v, let status = BudgetStatus(rawValue: s) { return t.name(status) }
        if field == "economics_exception", case .text(let s) = v, let kind = EconomicsException.Kind(rawValue: s) { return t.name(kind) }
        let type = Deal.fields.first { $0.name == field }?.type ?? .text
        return Display.value(v, type: type, currency: currency, t)
    }

    /// The label of a deal's stored field; an unknown field shows its name.
    static func fieldLabel(_ field: String, _ t: Localizer) -> String {
        let keys: [String: StringKey] = [
            "title": .title, "amount": .amount, "currency": .currency, "owner_id": .owner, "company_id": .company,
            "stage_id": .stage, "pipeline_id": .pipeline, "expected_profit": .expectedProfit, "expected_close": .expectedClose,
            "probability_override": .probability, "probability_reason": .probabilityReason, "lost_reason": .lostReason,
            "postponed_until": .postponedUntil, "tender": .tender, "tender_cost": .tenderCost, "referral": .referral,
            "tags": .tags, "custom": .attributes, "need_described": .needDescribed, "need_text": .needText,
            "budget_status": .budgetStatus, "budget_amount": .budgetAmount, "deadline": .deadline, "grade": .grade,
            "contact_ids": .contacts, "economics_exception": .economicsExceptionKind,
            "economics_exception_reason": .economicsExceptionReason, "closed_at": .closedAt, "stage_entered_at": .stageEnteredAt,
        ]
        return keys[field].map { t[$0] } ?? field.replacingOccurrences(of: "_", with: " ")
    }
}
