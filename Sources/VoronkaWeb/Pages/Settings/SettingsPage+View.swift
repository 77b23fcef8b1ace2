import Plot
import VoronkaCore

extension SettingsPage {
    /// Renders the settings section of the model.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let title = sectionTitle(model.section, t)
        return Layout.page(model.shell, title: title + " · " + t[.navSettings],
            .h1(.plain(t[.navSettings])),
            .nav(.class("tabs settings-tabs"), .attr("aria-label", t[.setSections]),
                 .ul(.each(Section.allCases) { section in
                     .li(.a(.attr("href", model.paths.section(section)), .if(section == model.section, .attr("aria-current", "page")),
                            .plain(sectionTitle(section, t))))
                 })),
            .unwrap(model.notice) { .div(.class("banner"), .attr("role", "status"), .p(.plain($0))) },
            .section(.class("settings"), .attr("aria-labelledby", "settings-section"),
                .h2(.id("settings-section"), .plain(title)),
                content(model, t)))
    }

    static func content(_ model: Model, _ t: Localizer) -> Markup {
        switch model.content {
        case .pipelines(let pipelines): self.pipelines(model, pipelines, t)
        case .audience(let rules, let custom): audience(model, rules, custom, t)
        case .catalog(let products): catalog(model, products, t)
        case .channels(let channels): self.channels(model, channels, t)
        case .economics(let settings, let currency): economics(model, settings, currency, t)
        case .users(let users, let reset): self.users(model, users, reset, t)
        case .tokens(let tokens, let users, let secret): self.tokens(model, tokens, users, secret, t)
        case .company(let zone, let zones, let reasons): company(model, zone, zones, reasons, t)
        case .nudges(let settings): nudges(model, settings, t)
        case .webhooks(let entries, let secret): webhooks(model, entries, secret, t)
        }
    }

    /// The title of a section, for its tab and its heading.
    public static func sectionTitle(_ section: Section, _ t: Localizer) -> String {
        switch section {
        case .pipelines: t[.setPipelines]
        case .audience: t[.setAudience]
        case .catalog: t[.setCatalog]
        case .channels: t.pick(channelTexts.title)
        case .economics: t[.setEconomics]
        case .users: t[.setUsers]
        case .tokens: t[.setTokens]
        case .company: t[.setCompany]
        case .nudges: t.pick(nudgeTexts.title)
        case .webhooks: t.pick(webhookTexts.title)
        }
    }

    /// The confirmation of a notice, in the user's language.
    public static func noticeText(_ notice: Notice, _ t: Localizer) -> String {
        switch notice {
        case .added: t[.setNoticeAdded]
        case .saved: t[.setNoticeSaved]
        case .deleted: t[.setNoticeDeleted]
        case .revoked: t[.setNoticeRevoked]
        case .passwordReset: t[.setNoticePasswordReset]
        }
    }

    /// A name in the user's language.
    static func localName(_ name: String, _ nameRu: String?, _ t: Localizer) -> String {
        t.language == .ru ? (nameRu.flatMap { $0.isEmpty ? nil : $0 } ?? name) : name
    }

    /// A panel that opens when its form was refused; for adding things.
    static func addPanel(_ title: String, open: Bool, _ content: Markup) -> Markup {
        .details(.class("panel add-panel"), .flag("open", open),
                 .summary(.h3(.class("summary-heading"), .plain(title))), .embed(content))
    }

    // MARK: Pipelines and stages

    static func pipelines(_ model: Model, _ entries: [PipelineEntry], _ t: Localizer) -> Markup {
        let kinds = PipelineKind.allCases.map { ($0.rawValue, $0 == .lead ? t[.setPipelineLeads] : t[.setPipelineDeals]) }
        let new = FormState("new-pipeline", model.submission, stored: ["kind": PipelineKind.deal.rawValue])
        return .group(
            .if(entries.isEmpty, .p(.class("empty"), .plain(t[.setNoPipelines]))),
            .each(entries) { entry in pipeline(model, entry, t) },
            addPanel(t[.setAddPipeline], open: new.refused,
                     form(model, new, action: model.paths.newPipeline, label: t[.setAddPipeline], order: ["name", "name_ru", "kind"],
                          submit: t[.add],
                          text(new, "name", t[.name], required: true), text(new, "name_ru", t[.setNameRu]),
                          select(new, "kind", t[.setPipelineKind], kinds))))
    }

    static func pipeline(_ model: Model, _ entry: PipelineEntry, _ t: Localizer) -> Markup {
        let p = entry.pipeline
        let heading = "pipeline-\(p.id)-heading"
        let s = FormState("pipeline-\(p.id)", model.submission,
                          stored: ["name": p.name, "name_ru": p.nameRu ?? "", "active": flagValue(p.active)])
        let newStage = FormState("new-stage-\(p.id)", model.submission,
                                 stored: ["kind": StageKind.open.rawValue, "position": String((entry.stages.map(\.position).max() ?? 0) + 1),
                                          "probability": "0"])
        return .section(.class("panel"), .attr("aria-labelledby", heading),
            .h3(.id(heading), .plain(localName(p.name, p.nameRu, t)),
                .if(!p.active, .span(.class("muted"), .plain(" · " + t[.setInactive])))),
            form(model, s, action: model.paths.pipeline(p.id), label: t[.setPipelineForm], order: ["name", "name_ru"], submit: t[.save],
                 text(s, "name", t[.name], required: true), text(s, "name_ru", t[.setNameRu]), checkbox(s, "active", t[.setActive])),
            .h4(.plain(t[.setStages])),
            .if(entry.stages.isEmpty, .p(.class("empty"), .plain(t[.setNoStages]))),
            .if(!entry.stages.isEmpty, stageTable(model, entry, t)),
            addPanel(t[.setAddStage], open: newStage.refused,
                     stageForm(model, newStage, action: model.paths.newStage(p.id), label: t[.setAddStage], submit: t[.add], t)))
    }

    /// The stages as a compact table in their order; each row opens its own edit form (open when it was refused).
    static func stageTable(_ model: Model, _ entry: PipelineEntry, _ t: Localizer) -> Markup {
        .div(.class("table-scroll"), .table(.class("list stage-table"),
            .thead(.tr(.th(.attr("scope", "col"), .class("number"), .plain(t[.setPosition])), .th(.attr("scope", "col"), .plain(t[.name])),
                       .th(.attr("scope", "col"), .plain(t[.setStageKind])), .th(.attr("scope", "col"), .class("number"), .plain(t[.setProbability])),
                       .th(.attr("scope", "col"), .class("number"), .plain(t[.setExpectedDays])), .th(.attr("scope", "col"), .plain(t[.setGate])),
                       .th(.attr("scope", "col"), .plain(t.pick(orderColumn))))),
            .tbody(.each(Array(entry.stages.enumerated())) { index, stage in
                let s = FormState("stage-\(stage.id)", model.submission, stored: stored(stage))
                return .group(
                    .tr(.class("stage-row"),
                        .td(.class("number"), .plain(String(stage.position))),
                        .th(.attr("scope", "row"), .plain(localName(stage.name, stage.nameRu, t))),
                        .td(.plain(t.name(stage.kind))),
                        .td(.class("number"), .plain(t.format.percent(Double(stage.probability) / 100))),
                        .td(.class("number"), .plain(stage.expectedDays.map { t.format.number($0) } ?? "—")),
                        .td(.plain(stage.requiresQualification ? t[.yes] : "")),
                        .td(.class("stage-move"),
                            .if(index > 0, moveButton(model, entry, stage, "up", t)),
                            .if(index < entry.stages.count - 1, moveButton(model, entry, stage, "down", t)))),
                    .tr(.class("stage-edit"), .td(.attr("colspan", "7"),
                        .details(.flag("open", s.refused),
                            .summary(.plain(t[.actionEdit] + ": " + localName(stage.name, stage.nameRu, t))),
                            .embed(stageForm(model, s, action: model.paths.stage(entry.pipeline.id, stage.id),
                                      label: t(.setStageForm, ["stage": stage.name]), submit: t[.save], t))))))
            })))
    }

    static let orderColumn = BilingualText(en: "Order", ru: "Порядок")
    static let moveUp = BilingualText(en: "Move up: {stage}", ru: "Выше: {stage}")
    static let moveDown = BilingualText(en: "Move down: {stage}", ru: "Ниже: {stage}")

    /// A one-button form that trades the stage's place with the one above or below it.
    static func moveButton(_ model: Model, _ entry: PipelineEntry, _ stage: Stage, _ direction: String, _ t: Localizer) -> Markup {
        let label = t.pick(direction == "up" ? moveUp : moveDown).replacingOccurrences(of: "{stage}", with: localName(stage.name, stage.nameRu, t))
        return .postForm(model.paths.stageMove(entry.pipeline.id, stage.id), csrf: model.shell.csrfToken, class: "inline-form",
                         .hidden("direction", direction),
                         .el("button", .attr("type", "submit"), .class("button button-quiet button-small"), .attr("aria-label", label),
                             .attr("title", label), .plain(direction == "up" ? "↑" : "↓")))
    }

    static func stored(_ stage: Stage) -> [String: String] {
        ["name": stage.name, "name_ru": stage.nameRu ?? "", "kind": stage.kind.rawValue, "position": String(stage.position),
         "probability": String(stage.probability), "expected_days": plain(stage.expectedDays),
         "requires_qualification": flagValue(stage.requiresQualification), "entry_rule": stage.entryRule ?? ""]
    }

    static func stageForm(_ model: Model, _ s: FormState, action: String, label: String, submit: String, _ t: Localizer) -> Markup {
        form(model, s, action: action, label: label,
             order: ["name", "name_ru", "kind", "position", "probability", "expected_days", "requires_qualification", "entry_rule"],
             submit: submit,
             text(s, "name", t[.name], required: true),
             text(s, "name_ru", t[.setNameRu]),
             select(s, "kind", t[.setStageKind], StageKind.allCases.map { ($0.rawValue, t.name($0)) }),
             number(s, "position", t[.setPosition], min: 0, max: 10_000, required: true),
             number(s, "probability", t[.setProbability], min: 0, max: 100, required: true),
             number(s, "expected_days", t[.setExpectedDays], min: 0, max: 3650, hint: t[.setExpectedDaysHint]),
             checkbox(s, "requires_qualification", t[.setGate]),
             .textAreaField(s.info("entry_rule", t[.setEntryRule], hint: t[.setEntryRuleHint]), name: "entry_rule",
                            value: s.value("entry_rule"), rows: 2))
    }
}
