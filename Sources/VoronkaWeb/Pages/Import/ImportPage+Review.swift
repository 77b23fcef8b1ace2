import Plot
import VoronkaCore

extension ImportPage {
    /// The review: one form with every file's reading (preset or columns), the options, and the two actions; then the
    /// dry run of the choices as they stand.
    static func review(_ model: Model, _ r: Review, _ t: Localizer) -> Markup {
        let rows = r.files.compactMap(\.rows).reduce(0) { $0 + $1.imported }
        return .group(
            .form(.attr("id", formID), .attr("method", "post"), .attr("action", model.paths.choices(r.id)), .class("import-review"),
                  .hidden(FormField.csrf, model.shell.csrfToken),
                  .group(r.files.enumerated().map { i, f in file(i, f, r, t) }),
                  options(r, t),
                  .if(!r.blocking.isEmpty, .div(.class("banner banner-error"), .attr("role", "alert"),
                                                .ul(.each(r.blocking) { .li(.plain($0)) }))),
                  .div(.class("form-actions"),
                       .submit(t.pick(checkButton), class: "button", name: Field.action, value: "check"),
                       .if(r.blocking.isEmpty, .submit(Strings.fill(t.pick(startButton), ["rows": t.format.number(rows)]),
                                                       class: "button button-primary", name: Field.action, value: "start")))),
            dryRunSection(r, t, problemsURL: model.problemsURL))
    }

    /// The review form's id: the stage choices below it belong to it through their `form` attribute.
    static let formID = "import-review-form"

    /// Where the rows of a stage go: an existing stage (chosen), or a new one / left out as the policy says.
    static func stageChoice(_ n: Int, _ s: StageRow, _ r: Review, _ t: Localizer) -> Markup {
        if s.known { return .span(.class("muted"), .plain(t.pick(existingStage))) }
        let policy = r.unknownStages == "reject" ? t.pick(rejectStage) : t.pick(newStage)
        let options = [Option("", policy)] + s.targets.map { Option($0, Strings.fill(t.pick(intoStage), ["stage": $0])) }
        return reviewChoice(key: Field.stageName(n), value: s.stage, name: Field.stage(n),
                            label: Strings.fill(t.pick(stageGoesTo), ["stage": s.stage]), options: options, selected: s.target)
    }

    /// A choice that belongs to the review form from outside it: what it is about (`key`, hidden) and the select.
    static func reviewChoice(key: String, value: String, name: String, label: String, options: [Option], selected: String?) -> Markup {
        .group(
            .raw("<input type=\"hidden\" form=\"\(formID)\" name=\"\(key)\" value=\"\(Escape.attribute(value))\"/>"),
            .select(.attr("form", formID), .attr("name", name), .attr("aria-label", label),
                    .each(options) { .choice($0.value, $0.label, selected: $0.value == (selected ?? "")) }))
    }

    /// The channel the rows of a channel as written go to: a new channel of that name, or an existing one.
    static func sourceChoice(_ n: Int, _ s: SourceRow, _ r: Review, _ t: Localizer) -> Markup {
        let options = [Option("", Strings.fill(t.pick(noChannel), ["name": s.text]))] + r.channels
        return reviewChoice(key: Field.sourceName(n), value: s.text, name: Field.source(n),
                            label: Strings.fill(t.pick(sourceGoesTo), ["source": s.text]), options: options, selected: s.chosen)
    }

    /// One file: how it is read, and its columns with their first values and targets.
    static func file(_ i: Int, _ f: File, _ r: Review, _ t: Localizer) -> Node<HTML.FormContext> {
        let presetOptions = [Option(Field.columnsChoice, t.pick(columnsChoice))] + r.presets
        let kindOptions = r.kinds
        let formats = [Option("auto", t.pick(dateAuto))] + r.dateFormats.map { Option($0, $0) }
        let targets = [Option("ignore", t.pick(ignore))] + (r.fields[f.kind] ?? []).map { Option($0, fieldName($0, t)) }
        let custom: Markup = .section(.class("panel import-file"), .attr("aria-labelledby", "file-\(i)-name"),
            .h2(.id("file-\(i)-name"), .plain(f.name), .if(f.skipped, .span(.class("muted"), .plain(" · " + t.pick(leftOutNote))))),
            .div(.class("field field-check"),
                 .input(.attr("type", "checkbox"), .attr("id", Field.skip(i)), .attr("name", Field.skip(i)), .attr("value", "true"),
                        .flag("checked", f.skipped)),
                 .label(.attr("for", Field.skip(i)), .plain(t.pick(leaveOut)))),
            .unwrap(f.skipped ? nil : f.rows) { rows in
                .p(.class("muted"), .plain(Strings.fill(t.pick(fileRows), ["read": t.format.number(rows.read),
                    "imported": t.format.number(rows.imported), "skipped": t.format.number(rows.skipped)])))
            },
            .div(.class("form-row"),
                 select(Field.preset(i), t.pick(readAs), presetOptions, f.presetID ?? Field.columnsChoice),
                 select(Field.kind(i), t.pick(fileKind), kindOptions, f.kind),
                 select(Field.dateFormat(i), t.pick(dateFormat), formats, f.dateFormat)),
            .if(!f.missing.isEmpty && !f.skipped, .p(.class("field-error"), .plain(Strings.fill(t.pick(missing),
                ["fields": f.missing.map { fieldName($0, t) }.joined(separator: ", ")])))),
            .div(.class("table-scroll"), .table(.class("list import-columns"),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t.pick(column))), .th(.attr("scope", "col"), .plain(t.pick(firstValues))),
                           .th(.attr("scope", "col"), .plain(t.pick(goesTo))))),
                .tbody(.group(f.columns.enumerated().map { j, c -> Node<HTML.TableContext> in
                    let id = Field.column(i, j)
                    var options = targets
                    if c.target.hasPrefix("custom."), !options.contains(where: { $0.value == c.target }) {
                        options.append(Option(c.target, Strings.fill(t.pick(customField), ["name": String(c.target.dropFirst(7))])))
                    }
                    let customValue = "custom." + customKey(c.name)
                    if r.customKinds.contains(f.kind), !options.contains(where: { $0.value == customValue }) {
                        options.append(Option(customValue, Strings.fill(t.pick(customField), ["name": c.name])))
                    }
                    let disabled = f.presetID != nil
                    return .tr(.class(c.uncertain && c.target != "ignore" ? "uncertain" : ""),
                        .th(.attr("scope", "row"), .label(.attr("for", id), .plain(c.name))),
                        .td(.class("samples"), .plain(c.samples.joined(separator: " · "))),
                        .td(.embed(.group(
                            .select(.attr("id", id), .attr("name", id), .flag("disabled", disabled),
                                    .each(options) { .choice($0.value, $0.label, selected: $0.value == c.target) }),
                            .if(c.uncertain && c.target != "ignore" && !disabled, .span(.class("warning"), .plain(" " + t.pick(checkHint))))))))
                })))))
        return .raw(custom.render())
    }

    /// The options of the whole import.
    static func options(_ r: Review, _ t: Localizer) -> Node<HTML.FormContext> {
        let markup: Markup = .section(.class("panel import-options"), .attr("aria-labelledby", "import-options"),
            .h2(.id("import-options"), .plain(t.pick(optionsTitle))),
            .inputField(FieldInfo(id: "import-system", label: t.pick(system), hint: t.pick(systemHint)), name: Field.system, value: r.system),
            .inputField(FieldInfo(id: "import-pipeline", label: t.pick(pipeline), hint: t.pick(pipelineHint)), name: Field.pipeline,
                        value: r.pipeline, extra: [.attr("list", "import-pipelines")]),
            .el("datalist", .attr("id", "import-pipelines"), .each(r.pipelines) { .el("option", .attr("value", $0)) }),
            .selectField(FieldInfo(id: "import-unknown-stages", label: t.pick(unknownStages)), name: Field.unknownStages,
                         options: [("create", t.pick(createStages)), ("reject", t.pick(rejectStages))], selected: r.unknownStages))
        return .raw(markup.render())
    }

    static func select(_ name: String, _ label: String, _ options: [Option], _ selected: String) -> Markup {
        .selectField(FieldInfo(id: name, label: label), name: name, options: options.map { ($0.value, $0.label) }, selected: selected)
    }

    /// A custom attribute key from a column name: lower case, words joined by underscores.
    public static func customKey(_ column: String) -> String {
        let words = column.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "column" : words.joined(separator: "_")
    }

    /// The dry run: counts by kind, stages found, new owners, problems.
    static func dryRunSection(_ r: Review, _ t: Localizer, problemsURL: String? = nil) -> Markup {
        .section(.class("import-dry-run"), .attr("aria-labelledby", "import-dry-run"),
            .h2(.id("import-dry-run"), .plain(t.pick(dryRun))),
            .div(.class("table-scroll"), .table(.class("list"),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t.pick(kindColumn))), .th(.attr("scope", "col"), .class("num"), .plain(t.pick(rowsColumn))))),
                .tbody(.each(r.counts) { c in .tr(.th(.attr("scope", "row"), .plain(kindName(c.kind, t))), .td(.class("num"), .plain(t.format.number(c.rows)))) }))),
            .if(r.ungradedDeals > 0, .p(.class("muted import-ungraded"),
                .plain(t.pick(r.gradeColumnsMapped ? ungradedEmpty : ungradedUnmapped).replacingOccurrences(of: "{count}", with: t.format.number(r.ungradedDeals))))),
            .if(!r.stages.isEmpty, .group(
                .h3(.plain(t.pick(stagesFound))),
                .div(.class("table-scroll"), .table(.class("list"),
                    .thead(.tr(.th(.attr("scope", "col"), .plain(t[.pipeline])), .th(.attr("scope", "col"), .plain(t[.stage])),
                               .th(.attr("scope", "col"), .class("num"), .plain(t.pick(rowsColumn))),
                               .th(.attr("scope", "col"), .class("num"), .plain(t.pick(wonLost))),
                               .th(.attr("scope", "col"), .plain(t.pick(goesTo))))),
                    .tbody(.group(r.stages.enumerated().map { n, s -> Node<HTML.TableContext> in
                        .tr(.td(.plain(s.pipeline ?? "—")), .th(.attr("scope", "row"), .plain(s.stage)),
                            .td(.class("num"), .plain(t.format.number(s.rows))),
                            .td(.class("num"), .plain(t.format.number(s.won) + " / " + t.format.number(s.lost))),
                            .td(.embed(stageChoice(n, s, r, t))))
                    })))))),
            .if(!r.sources.isEmpty, .group(
                .h3(.plain(t.pick(sourcesFound))),
                .p(.class("muted"), .plain(t.pick(sourcesHint))),
                .div(.class("table-scroll"), .table(.class("list import-sources"),
                    .thead(.tr(.th(.attr("scope", "col"), .plain(t.pick(sourceAsWritten))),
                               .th(.attr("scope", "col"), .class("num"), .plain(t.pick(rowsColumn))),
                               .th(.attr("scope", "col"), .plain(t.pick(countsAs))))),
                    .tbody(.group(r.sources.enumerated().map { n, s -> Node<HTML.TableContext> in
                        .tr(.th(.attr("scope", "row"), .plain(s.text)), .td(.class("num"), .plain(t.format.number(s.rows))),
                            .td(.embed(sourceChoice(n, s, r, t))))
                    })))))),
            .if(!r.newOwners.isEmpty, .group(
                .h3(.plain(t.pick(newOwners))),
                .ul(.class("import-owners"), .each(r.newOwners) { .li(.plain($0.value), .span(.class("muted"), .plain(" · " + $0.label))) }))),
            .h3(.plain(Strings.fill(t.pick(ImportPage.problems), ["count": t.format.number(r.problemCount)]))),
            r.problems.isEmpty ? .p(.class("muted"), .plain(t.pick(noProblems))) : .div(.class("table-scroll"), .table(.class("list import-problems"),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t.pick(fileColumn))), .th(.attr("scope", "col"), .class("num"), .plain(t.pick(line))),
                           .th(.attr("scope", "col"), .plain(t.pick(column))), .th(.attr("scope", "col"), .plain(t.pick(reason))),
                           .th(.attr("scope", "col"), .plain(t.pick(value))))),
                .tbody(.each(r.problems) { p in
                    .tr(.class(p.isError ? "" : "muted"), .td(.plain(p.file)), .td(.class("num"), .plain(String(p.line))),
                        .td(.plain(p.column ?? "")), .td(.plain(p.reason)), .td(.plain(p.value ?? "")))
                }))),
            .if(r.problemCount > r.problems.count,
                .p(.class("muted"), .plain(Strings.fill(t.pick(moreProblems), ["count": t.format.number(r.problemCount - r.problems.count)]) + " "),
                   .unwrap(problemsURL) { .a(.attr("href", $0), .attr("download", ""), .plain(t.pick(allProblems))) })))
    }
}
