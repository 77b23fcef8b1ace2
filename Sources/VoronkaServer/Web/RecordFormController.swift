import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// New and edited companies, contacts, leads and deals from the web, through the API's services (the same checks and
/// journal). A deal may name its company by name (found among the viewer's companies, or made with the deal, in one
/// transaction); a contact made from a deal's buying centre joins the deal in the same transaction.
enum RecordFormController {
    static let creatable: [EntityKind] = [.company, .contact, .lead, .deal]
    static let editable: [EntityKind] = [.company, .contact, .lead, .activity]

    static let texts: [EntityKind: (new: BilingualText, edit: BilingualText)] = [
        .company: (BilingualText(en: "New company", ru: "Новая компания"), BilingualText(en: "Edit company", ru: "Изменить компанию")),
        .contact: (BilingualText(en: "New contact", ru: "Новый контакт"), BilingualText(en: "Edit contact", ru: "Изменить контакт")),
        .lead: (BilingualText(en: "New lead", ru: "Новый лид"), BilingualText(en: "Edit lead", ru: "Изменить лид")),
        .deal: (BilingualText(en: "New deal", ru: "Новая сделка"), BilingualText(en: "Edit deal", ru: "Изменить сделку")),
        .activity: (BilingualText(en: "New activity", ru: "Новое действие"), BilingualText(en: "Edit activity", ru: "Изменить действие")),
    ]
    static let create = BilingualText(en: "Create", ru: "Создать")
    static let channelLabel = BilingualText(en: "Channel", ru: "Канал")
    static let channelBySource = BilingualText(en: "The source's channel", ru: "Канал по источнику")
    static let companyNameHint = BilingualText(en: "An existing company of yours by its exact name, or a new one made with the deal.",
                                               ru: "Ваша компания с точно таким названием или новая, созданная вместе со сделкой.")
    static let joinsDeal = BilingualText(en: "Joins the buying centre of “{deal}”.", ru: "Войдёт в закупочный центр сделки «{deal}».")
    static let atCompany = BilingualText(en: "At {company}.", ru: "В компании «{company}».")

    static func kind(_ req: Request, among kinds: [EntityKind]) throws -> EntityKind {
        guard let kind = req.parameters.get("kind").flatMap(EntityKind.init(rawValue:)), kinds.contains(kind) else { throw WebError.notFound }
        return kind
    }

    /// The query parameters a new record's form starts from and keeps (a company, a deal, a stage, where to return).
    static let carried = ["company_id", "deal_id", "stage_id", "pipeline_id", FormField.returnTo]

    // MARK: New

    static func showNew(_ req: Request, _ web: WebContext) async throws -> Response {
        let kind = try kind(req, among: creatable)
        var given: [String: String] = [:]
        for name in carried { if let v = req.query[String.self, at: name], !v.isEmpty { given[name] = v } }
        return web.page(req, RecordFormPage.view(try await model(req, web, kind: kind, record: nil, values: given)))
    }

    static func submitNew(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let kind = try kind(req, among: creatable)
        let raw = req.form
        let fields = try await fields(req, web, kind: kind, record: nil, values: raw)
        var posted = ticked(raw, fields)
        // What the form derives itself (a contact's company from its deal) holds even when the post leaves it out.
        for field in fields where field.control == .hidden && posted[field.name] == nil { posted[field.name] = field.value }
        let form = posted
        let stored = Set(kind.fields.map(\.name))
        var typed = WebForms.input(form, fields.filter { stored.contains($0.name) }.map { ($0.name, formKind($0, utcOffsetMinutes: req.webUTCOffsetMinutes)) })
        typed = typed.filter { $0.value != .null }
        if kind == .lead, typed["received_at"] == nil { typed["received_at"] = .string(Timestamp.format(web.services.clock.now())) }
        let given = typed
        let records = web.services.records
        do {
            let created = try await web.services.store.write(actor: caller.viewer.actorID, at: web.services.clock.now()) { tx -> Record in
                var input = given
                if kind == .deal, input["company_id"] == nil {
                    input["company_id"] = .number(Double(try await company(named: form["company_name"], web: web, viewer: caller.viewer, tx: tx)))
                }
                let record = try await records.create(kind, input, viewer: caller.viewer, in: tx)
                if kind == .contact, let dealID = form["deal_id"].flatMap(Int64.init), let contactID = record.int("id") {
                    guard let deal = try await tx.fetch(.deal, dealID) else { throw DomainError.notFound(.deal, dealID) }
                    let ids = Deal(record: deal).contactIDs + [contactID]
                    _ = try await records.update(.deal, dealID, ["contact_ids": .array(ids.map { .number(Double($0)) })], viewer: caller.viewer, in: tx)
                }
                return record
            }
            return web.redirect(destination(kind, created, form: form))
        } catch let error as DomainError {
            guard let problems = WebForms.problems(error) else { throw error }
            var errors = messages(problems, Localizer(req.webLanguage))
            if let company = errors.removeValue(forKey: "company_id"), kind == .deal, form["company_id"] == nil { errors["company_name"] = company }
            let model = try await model(req, web, kind: kind, record: nil, values: form, errors: errors)
            return web.page(req, RecordFormPage.view(model), status: .unprocessableEntity)
        }
    }

    /// The company a new deal names: one of the viewer's with that name (folded: case, ё, quotes), or a new one.
    static func company(named raw: String?, web: WebContext, viewer: Viewer, tx: StoreTransaction) async throws -> Int64 {
        let name = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw DomainError.invalid("company_name", .required) }
        let query = try ListQuery.parse(["q": name, "limit": "50"], fields: Company.fields, sortable: Company.sortable, searchable: true).get()
        let scope = web.services.records.ownerScope(.company, viewer)
        let found = try await tx.list(.company, query: query, scope: scope).records
        if let same = found.first(where: { SearchText.fold($0.text("name") ?? "") == SearchText.fold(name) }), let id = same.int("id") { return id }
        let made = try await web.services.records.create(.company, ["name": .string(name)], viewer: viewer, in: tx)
        guard let id = made.int("id") else { throw DomainError.invalid("company_name", .required) }
        return id
    }

    /// Where a created record is seen: its page, or the page it was made from.
    static func destination(_ kind: EntityKind, _ record: Record, form: [String: String]) -> String {
        if let back = form[FormField.returnTo], SiteURL.isLocal(back) { return back }
        let id = record.int("id") ?? 0
        switch kind {
        case .company: return SiteURL.company(id).path
        case .contact: return SiteURL.company(record.int("company_id") ?? 0).path + "#contact-\(id)"
        case .deal: return SiteURL.deal(id).path
        case .activity: return record.int("deal_id").map { SiteURL.deal($0).path + "#deal-timeline" } ?? SiteURL.myWork.path
        default: return SiteURL.leads.path
        }
    }

    /// Each field's problems in the user's language, by field name.
    static func messages(_ problems: [FieldError], _ t: Localizer) -> [String: String] {
        var errors: [String: String] = [:]
        for p in problems { errors[p.field] = errors[p.field].map { $0 + " " + t.fieldError(p) } ?? t.fieldError(p) }
        return errors
    }

    // MARK: Edit

    static func showEdit(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let kind = try kind(req, among: editable)
        let record = try await web.services.records.get(kind, try req.webID(), viewer: caller.viewer)
        var given: [String: String] = [:]
        if let back = req.query[String.self, at: FormField.returnTo], SiteURL.isLocal(back) { given[FormField.returnTo] = back }
        return web.page(req, RecordFormPage.view(try await model(req, web, kind: kind, record: record, values: given)))
    }

    static func submitEdit(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let kind = try kind(req, among: editable)
        let id = try req.webID()
        let record = try await web.services.records.get(kind, id, viewer: caller.viewer)
        let raw = req.form
        let fields = try await fields(req, web, kind: kind, record: record, values: raw).filter { $0.control != .hidden }
        let form = ticked(raw, fields)
        let input = WebForms.input(form, fields.map { ($0.name, formKind($0, utcOffsetMinutes: req.webUTCOffsetMinutes)) })
        do {
            let saved = try await web.services.records.update(kind, id, input, viewer: caller.viewer)
            return web.redirect(destination(kind, saved, form: form))
        } catch let error as DomainError {
            guard let problems = WebForms.problems(error) else { throw error }
            let errors = messages(problems, Localizer(req.webLanguage))
            let model = try await model(req, web, kind: kind, record: record, values: form, errors: errors)
            return web.page(req, RecordFormPage.view(model), status: .unprocessableEntity)
        }
    }

    // MARK: The form

    /// The form with each group of checkboxes (`roles.economic=true`, …) as one comma-separated field (`roles`).
    static func ticked(_ form: [String: String], _ fields: [RecordFormPage.Field]) -> [String: String] {
        var out = form
        for field in fields {
            guard case .checkboxes(let options) = field.control else { continue }
            out[field.name] = options.filter { form[field.name + "." + $0.value] == "true" }.map(\.value).joined(separator: ",")
        }
        return out
    }

    static func formKind(_ field: RecordFormPage.Field, utcOffsetMinutes: Int) -> WebForms.Kind {
        switch field.control {
        case .dateTime: .localDateTime(utcOffsetMinutes: utcOffsetMinutes)
        case .checkboxes: .list
        case .number where field.name == "headcount": .number
        case .hidden where field.name.hasSuffix("_id"): .number
        case .select where field.name.hasSuffix("_id"): .number
        default: .text
        }
    }

    static func model(_ req: Request, _ web: WebContext, kind: EntityKind, record: Record?, values: [String: String],
                      errors: [String: String] = [:]) async throws -> RecordFormPage.Model {
        let t = Localizer(req.webLanguage)
        let fields = try await fields(req, web, kind: kind, record: record, values: values)
        var subtitle: String?
        if let dealID = values["deal_id"].flatMap(Int64.init), let deal = try await web.services.store.fetch(.deal, dealID) {
            subtitle = t.pick(joinsDeal).replacingOccurrences(of: "{deal}", with: deal.text("title") ?? "")
        } else if kind == .contact || kind == .deal, let companyID = (values["company_id"] ?? record?.int("company_id").map { String($0) }).flatMap(Int64.init),
                  let company = try await web.services.store.fetch(.company, companyID) {
            subtitle = t.pick(atCompany).replacingOccurrences(of: "{company}", with: company.text("name") ?? "")
        }
        let id = record?.int("id")
        let cancel = values[FormField.returnTo].flatMap { SiteURL.isLocal($0) ? $0 : nil }
            ?? id.map { id in kind == .company ? SiteURL.company(id).path : kind == .contact ? SiteURL.company(record?.int("company_id") ?? 0).path : SiteURL.leads.path }
            ?? (kind == .lead ? SiteURL.leads.path : kind == .deal ? SiteURL.pipelines.path : SiteURL.companies.path)
        let title = t.pick(id == nil ? (texts[kind]?.new ?? create) : (texts[kind]?.edit ?? create))
        return RecordFormPage.Model(shell: web.shell(req, section: kind == .lead ? .leads : kind == .deal ? .pipeline : .companies), title: title,
                                    subtitle: subtitle, fields: fields, action: id.map { SiteURL.editRecord(kind, $0).path } ?? SiteURL.newRecord(kind).path,
                                    cancelURL: cancel, submitLabel: id == nil ? t.pick(create) : t[.save], errors: errors)
    }

    /// The fields of a kind's form, filled from what was typed, else from the record, else empty.
    static func fields(_ req: Request, _ web: WebContext, kind: EntityKind, record: Record?, values: [String: String]) async throws -> [RecordFormPage.Field] {
        let caller = try web.caller(req)
        let t = Localizer(req.webLanguage, utcOffsetMinutes: req.webUTCOffsetMinutes)
        typealias F = RecordFormPage.Field
        typealias O = RecordFormPage.Option
        func value(_ name: String) -> String {
            if let typed = values[name] { return typed }
            guard let record else { return "" }
            switch record[name] {
            case .text(let s): return s
            case .int(let n): return kind.fields.first { $0.name == name }?.type == .money ? Display.moneyInput(n, currency: record.text("currency")) : String(n)
            case .day(let d): return d.description
            case .time(let instant): return t.format.localInput(instant)
            case .json(.array(let items)): return items.compactMap { if case .string(let s) = $0 { s } else { nil } }.joined(separator: ",")
            default: return ""
            }
        }
        func checkboxes(_ name: String, _ options: [O]) -> String {
            let ticked = options.filter { values[name + "." + $0.value] == "true" }.map(\.value)
            return values.keys.contains { $0.hasPrefix(name + ".") } || values[FormField.csrf] != nil ? ticked.joined(separator: ",") : value(name)
        }
        let names = try await WebLookups.userNames(web.services)
        let owners = [O("", t[.unassigned])] + names.filter { caller.viewer.owns($0.key) }.sorted { $0.value < $1.value }.map { O(String($0.key), $0.value) }
        let ownerValue = record == nil && values["owner_id"] == nil ? String(caller.viewer.userID) : value("owner_id")
        var out: [F] = []
        for name in carried where record == nil {
            if let v = values[name], !v.isEmpty, !(kind == .company && name == "company_id") { out.append(F(name: name, label: name, control: .hidden, value: v)) }
        }
        // An edit goes back where it was opened from (My work), when that is a page of this site.
        if record != nil, let back = values[FormField.returnTo], SiteURL.isLocal(back) {
            out.append(F(name: FormField.returnTo, label: FormField.returnTo, control: .hidden, value: back))
        }
        switch kind {
        case .company:
            out += [
                F(name: "name", label: t[.name], control: .text(maxLength: 300), value: value("name"), required: true),
                F(name: "tax_id", label: t[.taxID], control: .text(maxLength: 32), value: value("tax_id")),
                F(name: "industry", label: t[.industry], control: .text(maxLength: 200), value: value("industry")),
                F(name: "segment", label: t[.segment], control: .text(maxLength: 200), value: value("segment")),
                F(name: "annual_revenue", label: t[.annualRevenue], control: .number, value: value("annual_revenue")),
                F(name: "headcount", label: t[.headcount], control: .number, value: value("headcount")),
                F(name: "source", label: t[.source], control: .text(maxLength: 200), value: value("source")),
                F(name: "owner_id", label: t[.owner], control: .select(options: owners), value: ownerValue),
                F(name: "notes", label: t[.notes], control: .textArea(rows: 4), value: value("notes")),
            ]
        case .contact:
            let roles = BuyingRole.allCases.map { O($0.rawValue, t.name($0)) }
            if record == nil, values["company_id"] == nil, let dealID = values["deal_id"].flatMap(Int64.init),
               let deal = try await web.services.store.fetch(.deal, dealID), let company = deal.int("company_id") {
                out.append(F(name: "company_id", label: "company_id", control: .hidden, value: String(company)))
            }
            out += [
                F(name: "name", label: t[.name], control: .text(maxLength: 300), value: value("name"), required: true),
                F(name: "position", label: t[.position], control: .text(maxLength: 300), value: value("position")),
                F(name: "phone", label: t[.phone], control: .phone, value: value("phone")),
                F(name: "email", label: t[.email], control: .email, value: value("email")),
                F(name: "roles", label: t[.buyingRoles], control: .checkboxes(options: roles), value: checkboxes("roles", roles)),
                F(name: "notes", label: t[.notes], control: .textArea(rows: 3), value: value("notes")),
            ]
        case .lead:
            let sources = LeadSource.allCases.filter { $0 != .import }.map { O($0.rawValue, t.name($0)) }
            let language = t.language
            var channels = try await WebLookups.channels(web.services).choosable.map { O(String($0.id), WebLookups.name($0, language)) }
            let channel = value("channel_id")
            if record == nil { channels.insert(O("", t.pick(channelBySource)), at: 0) }
            else if !channel.isEmpty, !channels.contains(where: { $0.value == channel }) {
                // A channel merged away since: still shown, so that saving keeps it.
                channels.insert(O(channel, "#" + channel), at: 0)
            }
            out += [
                F(name: "company_name", label: t[.company], control: .text(maxLength: 300), value: value("company_name")),
                F(name: "contact_name", label: t[.contact], control: .text(maxLength: 300), value: value("contact_name")),
                F(name: "contact_phone", label: t[.phone], control: .phone, value: value("contact_phone")),
                F(name: "contact_email", label: t[.email], control: .email, value: value("contact_email")),
                F(name: "request_text", label: t[.request], control: .textArea(rows: 5), value: value("request_text")),
                F(name: "source", label: t[.source], control: .select(options: sources), value: value("source").isEmpty ? LeadSource.phone.rawValue : value("source")),
                F(name: "channel_id", label: t.pick(channelLabel), control: .select(options: channels), value: channel),
                F(name: "owner_id", label: t[.owner], control: .select(options: owners), value: ownerValue),
            ]
        case .activity:
            let kinds = ActivityKind.allCases.map { O($0.rawValue, t.name($0)) }
            out += [
                F(name: "kind", label: t[.activityKind], control: .select(options: kinds), value: value("kind")),
                F(name: "subject", label: t[.subject], control: .text(maxLength: 500), value: value("subject")),
                F(name: "body", label: t[.body], control: .textArea(rows: 5), value: value("body")),
                F(name: "due_at", label: t[.dueAt], control: .dateTime, value: value("due_at")),
            ]
        default:
            if values["company_id"] == nil {
                out.append(F(name: "company_name", label: t[.company], control: .text(maxLength: 300), value: values["company_name"] ?? "",
                             required: true, hint: t.pick(companyNameHint)))
            }
            out += [
                F(name: "title", label: t[.title], control: .text(maxLength: 300), value: value("title"), required: true),
                F(name: "amount", label: t[.amount], control: .number, value: value("amount")),
                F(name: "currency", label: t[.currency], control: .select(options: Money.currencies.map { O($0, $0) }),
                  value: value("currency").isEmpty ? "RUB" : value("currency")),
                F(name: "expected_close", label: t[.expectedClose], control: .date, value: value("expected_close")),
                F(name: "owner_id", label: t[.owner], control: .select(options: owners), value: ownerValue),
            ]
        }
        return out
    }
}
