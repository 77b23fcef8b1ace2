import Plot
import VoronkaCore

extension DealPage {
    static func addActivityForm(_ model: Model, _ t: Localizer) -> Markup {
        func info(_ field: String, _ label: StringKey) -> FieldInfo {
            FieldInfo(id: "activity-" + field, label: t[label], error: problem(field, model.activityProblems, t))
        }
        let summary = model.activityProblems.map { (fieldID: "activity-" + $0.field, message: t.pick($0.message)) }
        return .section(.class("panel"), .attr("aria-labelledby", "deal-add-activity"),
            .h2(.id("deal-add-activity"), .plain(t[.addActivity])),
            .errorSummary(t[.formErrors], summary),
            .postForm(model.addActivityURL, csrf: model.shell.csrfToken, class: "stack",
                .selectField(info("kind", .activityKind), name: "kind",
                             options: ActivityKind.allCases.map { ($0.rawValue, t.name($0)) }, selected: ActivityKind.call.rawValue),
                .inputField(info("subject", .subject), name: "subject", extra: [.attr("maxlength", "500")]),
                .textAreaField(info("body", .body), name: "body", rows: 4),
                .inputField(info("due_at", .dueAt), name: "due_at", type: "datetime-local"),
                .checkboxField(info("done", .done), name: "done", checked: false),
                .submit(t[.add], class: "button button-primary")))
    }

    static func editForm(_ model: Model, _ t: Localizer) -> Markup {
        let deal = model.deal
        func info(_ field: String, _ label: StringKey) -> FieldInfo {
            FieldInfo(id: "deal-edit-" + field, label: t[label], error: problem(field, model.editProblems, t))
        }
        let money: [Attribute<HTML.InputContext>] = [.attr("inputmode", "decimal"), .attr("autocomplete", "off")]
        let summary = model.editProblems.map { (fieldID: "deal-edit-" + $0.field, message: t.pick($0.message)) }
        let owners = [("", t[.unassigned])] + model.owners.map { (String($0.id), $0.name) }
        let need = [("", t[.unknown]), ("true", t[.yes]), ("false", t[.no])]
        let needValue = deal.needDescribed.map { $0 ? "true" : "false" } ?? ""
        let exceptions = [("", t[.noException])] + EconomicsException.Kind.allCases.map { ($0.rawValue, t.name($0)) }
        return .details(.class("panel edit-deal"), .if(!model.editProblems.isEmpty, .attr("open", "")),
            .summary(.h2(.class("summary-heading"), .plain(t[.editDeal]))),
            .errorSummary(t[.formErrors], summary),
            .postForm(model.editURL, csrf: model.shell.csrfToken, class: "grid-form",
                .inputField(info("title", .title), name: "title", value: deal.title, required: true, extra: [.attr("maxlength", "300")]),
                .inputField(info("amount", .amount), name: "amount", value: Display.moneyInput(deal.amount, currency: deal.currency), required: true, extra: money),
                .selectField(info("currency", .currency), name: "currency", options: Money.currencies.map { ($0, $0) }, selected: deal.currency),
                .inputField(info("expected_profit", .expectedProfit), name: "expected_profit", value: Display.moneyInput(deal.expectedProfit, currency: deal.currency), extra: money),
                .inputField(info("expected_close", .expectedClose), name: "expected_close", type: "date", value: deal.expectedClose.map(Format.iso) ?? ""),
                .selectField(info("owner_id", .owner), name: "owner_id", options: owners, selected: deal.ownerID.map { String($0) } ?? ""),
                .selectField(info("budget_status", .budgetStatus), name: "budget_status",
                             options: BudgetStatus.allCases.map { ($0.rawValue, t.name($0)) }, selected: deal.budgetStatus.rawValue),
                .inputField(info("budget_amount", .budgetAmount), name: "budget_amount", value: Display.moneyInput(deal.budgetAmount), extra: money),
                .inputField(info("deadline", .deadline), name: "deadline", type: "date", value: deal.deadline.map(Format.iso) ?? ""),
                .selectField(info("need_described", .needDescribed), name: "need_described", options: need, selected: needValue),
                .textAreaField(info("need_text", .needText), name: "need_text", value: deal.needText ?? "", rows: 3),
                .inputField(info("probability_override", .probabilityOverride), name: "probability_override", type: "number",
                            value: deal.probabilityOverride.map { String($0) } ?? "",
                            extra: [.attr("min", "0"), .attr("max", "100"), .attr("step", "1")]),
                .inputField(info("probability_reason", .probabilityReason), name: "probability_reason", value: deal.probabilityReason ?? ""),
                .selectField(info("economics_exception", .economicsExceptionKind), name: "economics_exception", options: exceptions,
                             selected: deal.economicsException?.rawValue ?? ""),
                .inputField(info("economics_exception_reason", .economicsExceptionReason), name: "economics_exception_reason",
                            value: deal.economicsExceptionReason ?? ""),
                .div(.class("form-actions"), .submit(t[.save], class: "button button-primary"))))
    }

    static func problem(_ field: String, _ problems: [FieldProblem], _ t: Localizer) -> String? {
        problems.first { $0.field == field }.map { t.pick($0.message) }
    }
}
