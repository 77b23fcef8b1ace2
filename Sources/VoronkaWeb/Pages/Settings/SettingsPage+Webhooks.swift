import Foundation
import Plot
import VoronkaCore

extension SettingsPage {
    /// An endpoint as the settings list it, with its latest deliveries.
    public struct WebhookEntry: Sendable, Hashable {
        public var endpoint: WebhookEndpoint
        public var deliveries: [WebhookDelivery]
        public var pending: Int
        public init(endpoint: WebhookEndpoint, deliveries: [WebhookDelivery], pending: Int) {
            self.endpoint = endpoint; self.deliveries = deliveries; self.pending = pending
        }
    }

    static let webhookTexts = (
        title: BilingualText(en: "Webhooks", ru: "Вебхуки"),
        hint: BilingualText(en: "Voronka sends signed events (Standard Webhooks) to these addresses: deals created, moved, won and lost, leads created and triaged, nudges. A failed delivery is tried again for about three days; an address answering 410, or failing for a day, is switched off and its owner told.",
                            ru: "Voronka отправляет подписанные события (Standard Webhooks) на эти адреса: сделка создана, перемещена, выиграна или проиграна, заявка создана или разобрана, напоминание. Неудачная доставка повторяется около трёх дней; адрес, ответивший 410 или не отвечающий сутки, отключается, а его владелец получает напоминание."),
        none: BilingualText(en: "No endpoints yet.", ru: "Адресов пока нет."),
        add: BilingualText(en: "Add an endpoint", ru: "Добавить адрес"),
        url: BilingualText(en: "Address (https://…)", ru: "Адрес (https://…)"),
        description: BilingualText(en: "What it is for", ru: "Для чего"),
        events: BilingualText(en: "Events (none ticked: every event)", ru: "События (ничего не отмечено — все события)"),
        allowPrivate: BilingualText(en: "Allow a loopback or private address (an on-premises system)", ru: "Разрешить локальный или внутренний адрес (система в своей сети)"),
        enabled: BilingualText(en: "Switched on", ru: "Включён"),
        off: BilingualText(en: "Switched off", ru: "Отключён"),
        failing: BilingualText(en: "Failing since {time}", ru: "Сбои с {time}"),
        pending: BilingualText(en: "Waiting to be sent: {count}", ru: "Ожидают отправки: {count}"),
        secretCreated: BilingualText(en: "The endpoint's signing secret, shown this once: keep it in the receiving system to check the webhook-signature header.",
                                     ru: "Секрет подписи адреса показан один раз: сохраните его в принимающей системе для проверки заголовка webhook-signature."),
        deliveries: BilingualText(en: "Latest deliveries", ru: "Последние доставки"),
        noDeliveries: BilingualText(en: "Nothing sent yet.", ru: "Ещё ничего не отправлено."),
        sendAgain: BilingualText(en: "Send again", ru: "Отправить снова"),
        delete: BilingualText(en: "Delete the endpoint", ru: "Удалить адрес"),
        form: BilingualText(en: "Endpoint {url}", ru: "Адрес {url}"),
        event: BilingualText(en: "Event", ru: "Событие"),
        state: BilingualText(en: "State", ru: "Состояние"),
        attempts: BilingualText(en: "Attempts", ru: "Попыток"),
        answer: BilingualText(en: "Last answer", ru: "Последний ответ")
    )

    static func stateName(_ s: WebhookDelivery.State, _ t: Localizer) -> String {
        switch s {
        case .pending: t.pick(BilingualText(en: "waiting", ru: "ожидает"))
        case .delivered: t.pick(BilingualText(en: "delivered", ru: "доставлено"))
        case .failed: t.pick(BilingualText(en: "given up", ru: "не доставлено"))
        }
    }

    static func webhookValues(_ e: WebhookEndpoint) -> [String: String] {
        var v: [String: String] = ["url": e.url, "description": e.description ?? "", "enabled": e.enabled ? "true" : "",
                                   "allow_private": e.allowPrivate ? "true" : ""]
        for type in e.events { v["event_" + type.rawValue] = "true" }
        return v
    }

    static func webhooks(_ model: Model, _ entries: [WebhookEntry], _ secret: String?, _ t: Localizer) -> Markup {
        let x = webhookTexts
        let f = t.format
        let new = FormState("new-webhook", model.submission, stored: [:])
        return .group(
            .unwrap(secret) { secret in
                .div(.class("banner token-once"), .attr("role", "status"), .p(.strong(.plain(t.pick(x.secretCreated)))),
                     .inputField(FieldInfo(id: "new-webhook-secret", label: "whsec_…"), name: "secret", value: secret,
                                 extra: [.flag("readonly"), .attr("autocomplete", "off"), .attr("spellcheck", "false")]))
            },
            .p(.class("hint"), .plain(t.pick(x.hint))),
            .if(entries.isEmpty, .p(.class("empty"), .plain(t.pick(x.none)))),
            .each(entries) { entry in
                let e = entry.endpoint
                let state = FormState("webhook-\(e.id)", model.submission, stored: webhookValues(e))
                var notes = [t.pick(e.enabled ? x.enabled : x.off) + (e.disabledReason.map { " (\($0))" } ?? "")]
                if let since = e.failingSince { notes.append(t.pick(x.failing).replacingOccurrences(of: "{time}", with: f.dateTime(since))) }
                if entry.pending > 0 { notes.append(t.pick(x.pending).replacingOccurrences(of: "{count}", with: f.number(entry.pending))) }
                return .details(.class("panel"), .attr("id", "webhook-\(e.id)"), .flag("open", state.refused || !e.enabled || e.failingSince != nil),
                    .summary(.h3(.class("summary-heading"), .plain(e.url), .span(.class("muted"), .plain(" · " + notes.joined(separator: " · "))))),
                    .embed(webhookForm(model, state, action: model.paths.webhook(e.id), label: t.pick(x.form).replacingOccurrences(of: "{url}", with: e.url),
                                       submit: t[.save], existing: true, t)),
                    .embed(deliveryLog(model, e, entry.deliveries, t)),
                    .embed(.postForm(model.paths.deleteWebhook(e.id), csrf: model.shell.csrfToken, class: "inline-form",
                                     .submit(t.pick(x.delete), class: "button button-quiet button-small"))))
            },
            addPanel(t.pick(x.add), open: new.refused || entries.isEmpty,
                     webhookForm(model, new, action: model.paths.section(.webhooks), label: t.pick(x.add), submit: t[.add], existing: false, t)))
    }

    static func webhookForm(_ model: Model, _ s: FormState, action: String, label: String, submit: String, existing: Bool, _ t: Localizer) -> Markup {
        let x = webhookTexts
        let events: [Node<HTML.FormContext>] = WebhookEventType.allCases.map { checkbox(s, "event_" + $0.rawValue, $0.rawValue + " — " + t.pick($0.title)) }
        return form(model, s, action: action, label: label, order: ["url", "description", "events", "enabled", "allow_private"], submit: submit,
                    text(s, "url", t.pick(x.url), type: "url", required: true, extra: [.attr("maxlength", "2000"), .attr("inputmode", "url")]),
                    text(s, "description", t.pick(x.description), extra: [.attr("maxlength", "500")]),
                    .fieldset(.class("rule-fieldset"), .el("legend", .plain(t.pick(x.events))), .group(events)),
                    existing ? checkbox(s, "enabled", t.pick(x.enabled)) : .empty,
                    model.shell.user?.isAdmin == true ? checkbox(s, "allow_private", t.pick(x.allowPrivate)) : .empty)
    }

    static func deliveryLog(_ model: Model, _ e: WebhookEndpoint, _ deliveries: [WebhookDelivery], _ t: Localizer) -> Markup {
        let x = webhookTexts
        let f = t.format
        guard !deliveries.isEmpty else { return .p(.class("empty"), .plain(t.pick(x.noDeliveries))) }
        return .group(
            .h4(.plain(t.pick(x.deliveries))),
            .div(.class("table-scroll"), .table(.class("list"),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t.pick(x.event))), .th(.attr("scope", "col"), .plain(t[.createdAt])),
                           .th(.attr("scope", "col"), .plain(t.pick(x.state))), .th(.attr("scope", "col"), .plain(t.pick(x.attempts))),
                           .th(.attr("scope", "col"), .plain(t.pick(x.answer))), .th(.attr("scope", "col"), .plain("")))),
                .tbody(.each(deliveries) { d in
                    .tr(.attr("id", "delivery-\(d.id)"),
                        .th(.attr("scope", "row"), .code(.plain(d.eventType.rawValue))), .td(.instant(d.createdAt, f.dateTime(d.createdAt))),
                        .td(.plain(stateName(d.state, t))), .td(.class("num"), .plain(f.number(d.attempts))),
                        .td(.plain((d.lastStatus.map(String.init) ?? "—") + (d.lastError.map { " · " + String($0.prefix(120)) } ?? ""))),
                        .td(.postForm(model.paths.retryWebhook(e.id, d.id), csrf: model.shell.csrfToken, class: "inline-form",
                                      .submit(t.pick(x.sendAgain), class: "button button-small"))))
                }))))
    }
}
