import Foundation
import Plot
import VoronkaCore

extension SettingsPage {
    static let nudgeTexts = (
        title: BilingualText(en: "Nudges", ru: "Напоминания"),
        hint: BilingualText(en: "The rules are checked every minute against the funnel as it is: a changed threshold applies to old deals at once. Leave an escalation empty to switch it off.",
                            ru: "Правила проверяются каждую минуту по текущему состоянию воронки: новый порог сразу применяется и к старым сделкам. Оставьте эскалацию пустой, чтобы отключить её."),
        on: BilingualText(en: "On", ru: "Включено"),
        managerDays: BilingualText(en: "Tell the owner's manager after (days past the limit)", ru: "Руководителю ответственного через (дней после предела)"),
        headDays: BilingualText(en: "Tell the heads of sales after (days past the limit)", ru: "Руководителям отдела продаж через (дней после предела)"),
        everyDays: BilingualText(en: "Check in every (days)", ru: "Проверять каждые (дней)"),
        daysBefore: BilingualText(en: "Days before the purchase month", ru: "За сколько дней до месяца покупки"),
        targetHours: BilingualText(en: "Response target (hours)", ru: "Срок ответа (часов)"),
        managerHours: BilingualText(en: "Tell the owner's manager after (further hours)", ru: "Руководителю ответственного через (ещё часов)"),
        staleDays: BilingualText(en: "Untouched for (days)", ru: "Без изменений (дней)"),
        save: BilingualText(en: "Save the rules", ru: "Сохранить правила")
    )

    /// The rules' form fields: `<rule>_<key>` for each JSON key of `NudgeSettings`.
    public static func nudgeFormValues(_ s: NudgeSettings) -> [String: String] {
        func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
        func flag(_ b: Bool) -> String { b ? "true" : "" }
        return ["stalled_enabled": flag(s.stalled.enabled), "stalled_manager_after_days": n(s.stalled.managerAfterDays),
                "stalled_head_after_days": n(s.stalled.headAfterDays), "postponed_enabled": flag(s.postponed.enabled),
                "postponed_every_days": n(s.postponed.everyDays), "yearly_buyer_enabled": flag(s.yearlyBuyer.enabled),
                "yearly_buyer_days_before": n(s.yearlyBuyer.daysBefore), "lead_response_enabled": flag(s.leadResponse.enabled),
                "lead_response_target_hours": n(s.leadResponse.targetHours), "lead_response_manager_after_hours": n(s.leadResponse.managerAfterHours),
                "stale_enabled": flag(s.stale.enabled), "stale_days": n(s.stale.days), "qualification_enabled": flag(s.qualification.enabled)]
    }

    static func nudges(_ model: Model, _ settings: NudgeSettings, _ t: Localizer) -> Markup {
        let x = nudgeTexts
        let s = FormState("nudges", model.submission, stored: nudgeFormValues(settings))
        func rule(_ r: NudgeRule, _ fields: Node<HTML.FormContext>...) -> Node<HTML.FormContext> {
            .fieldset(.class("rule-fieldset"), .el("legend", .plain(t.pick(r.title))),
                      checkbox(s, r.rawValue + "_enabled", t.pick(x.on)), .group(fields))
        }
        let order = Array(nudgeFormValues(settings).keys).sorted()
        return .group(
            .p(.class("hint"), .plain(t.pick(x.hint))),
            form(model, s, action: model.paths.section(.nudges), label: t.pick(x.title), order: order, submit: t.pick(x.save),
                 rule(.stalled, number(s, "stalled_manager_after_days", t.pick(x.managerDays), min: 0, max: 3650),
                      number(s, "stalled_head_after_days", t.pick(x.headDays), min: 0, max: 3650)),
                 rule(.postponed, number(s, "postponed_every_days", t.pick(x.everyDays), min: 1, max: 3650, required: true)),
                 rule(.yearlyBuyer, number(s, "yearly_buyer_days_before", t.pick(x.daysBefore), min: 0, max: 180, required: true)),
                 rule(.leadResponse, number(s, "lead_response_target_hours", t.pick(x.targetHours), min: 1, max: 720, required: true),
                      number(s, "lead_response_manager_after_hours", t.pick(x.managerHours), min: 0, max: 720)),
                 rule(.stale, number(s, "stale_days", t.pick(x.staleDays), min: 1, max: 3650, required: true)),
                 rule(.qualification)))
    }
}
