import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaWeb

/// An upload turned into what the import page shows.
enum ImportPageModel {
    static func content(_ upload: ImportUpload, services: Services, language: Language, problemLimit: Int) async throws -> ImportPage.Content {
        switch upload.state {
        case .draft:
            let pipelines = try await WebLookups.pipelines(services)
            let stages = try await WebLookups.stages(services)
            var stageNames: [String: [String]] = [:]
            for p in pipelines { stageNames[Folding.fold(p.name)] = stages.filter { $0.pipelineID == p.id }.map(\.name) }
            let deals = pipelines.filter { $0.kind == .deal }.map(\.name)
            let leads = pipelines.filter { $0.kind == .lead }.map(\.name)
            let channels = try await WebLookups.channels(services)
            return review(upload, pipelines: deals, stageNames: stageNames, leadPipeline: leads.first, channels: channels,
                          language: language, problemLimit: problemLimit)
        case .running(let done, let total, let startedAt):
            return .running(done: done, total: total, startedAt: startedAt)
        case .finished(let r):
            let tallies = r.tallies.map { ImportPage.Tally(kind: $0.kind, created: $0.tally.created, updated: $0.tally.updated,
                                                           unchanged: $0.tally.unchanged, skipped: $0.tally.skipped) }
            return .finished(tallies: tallies, rows: r.rows, seconds: r.seconds, problems: r.problems.prefix(problemLimit).map { $0.text(language) },
                             problemCount: r.problems.count)
        case .failed(let message, _):
            return .failed(message)
        }
    }

    /// `stageNames`: the stages of every pipeline, by folded pipeline name; `pipelines`: the deal pipelines in order.
    static func review(_ u: ImportUpload, pipelines: [String], stageNames: [String: [String]] = [:], leadPipeline: String? = nil,
                       channels: ChannelDirectory = ChannelDirectory(), language: Language, problemLimit: Int) -> ImportPage.Content {
        let summary = u.summary
        let reports = Dictionary((summary?.files ?? []).map { ($0.name, $0.report) }, uniquingKeysWith: { a, _ in a })
        let files = u.files.enumerated().map { i, f in
            let columns = f.header.indices.map { j in
                ImportPage.Column(name: f.header[j], samples: f.sample.compactMap { $0.indices.contains(j) ? $0[j] : nil }.filter { !$0.isEmpty }.prefix(3).map { $0 },
                                  target: u.target(file: i, column: j).text,
                                  uncertain: f.presetID == nil && [MappingProposal.Reason.partialName, MappingProposal.Reason.none].contains(f.reasons.indices.contains(j) ? f.reasons[j] : .none))
            }
            let rows = (reports[f.name] ?? nil).map { ImportPage.Rows(read: $0.rowsRead, imported: $0.rowsImported, skipped: $0.rowsSkipped) }
            var file = ImportPage.File(name: f.name, presetID: f.presetID, kind: f.mapping.kind.rawValue, dateFormat: f.mapping.dateFormat.rawValue,
                                       columns: columns, missing: f.missing.map(\.rawValue), rows: rows)
            file.skipped = f.skipped
            return file
        }
        let blocking = u.unreadable.map { item in
            let fields = item.missing.map { language == .ru ? (ImportLabels.fields[$0.rawValue]?.ru ?? $0.rawValue) : $0.rawValue }
            return language == .ru ? "\(item.file): не выбран столбец для полей: \(fields.joined(separator: ", "))"
                : "\(item.file): no column is chosen for \(fields.joined(separator: ", "))"
        }
        let problems = (summary?.problems ?? []).prefix(problemLimit).map {
            ImportPage.Problem(file: $0.file, line: $0.line, column: $0.column, reason: $0.message.text(language), value: $0.value,
                               isError: $0.severity == .error)
        }
        var review = ImportPage.Review(
            id: u.id, files: files,
            presets: Presets.all.map { .init($0.id, $0.title) },
            kinds: ImportFileKind.allCases.map { .init($0.rawValue, kindTitle($0, language)) },
            fields: Dictionary(uniqueKeysWithValues: ImportFileKind.allCases.map { ($0.rawValue, $0.fields.map(\.rawValue)) }),
            dateFormats: DateFormat.allCases.filter { $0 != .auto }.map(\.rawValue),
            system: u.options.system, pipeline: u.pipeline ?? "", pipelines: pipelines,
            unknownStages: u.unknownStages == .reject ? "reject" : "create",
            counts: (summary?.counts ?? []).filter { $0.rows > 0 }.map { ImportPage.KindCount($0.kind, rows: $0.rows) },
            stages: (summary?.stages ?? []).filter { $0.kind != .stageHistory }.map { s in
                // The pipeline the rows land in: their own, else the one chosen, else the first of their kind.
                let target = s.pipeline ?? (s.kind == .leads ? leadPipeline : u.pipeline ?? pipelines.first)
                let existing = target.flatMap { stageNames[Folding.fold($0)] } ?? []
                let known = existing.contains { Folding.fold($0) == Folding.fold(s.stage) }
                return .init(pipeline: s.pipeline, stage: s.stage, rows: s.rows, won: s.won, lost: s.lost, known: known || stageNames.isEmpty,
                             targets: known ? [] : existing, target: u.stageTargets[s.stage])
            },
            sources: sourceRows(u, channels: channels),
            newOwners: (summary?.owners ?? []).filter { !$0.listed }.prefix(100).map { .init($0.name, String($0.rows)) },
            problems: Array(problems), problemCount: summary?.problems.count ?? 0, blocking: blocking)
        review.channels = channels.choosable.map { .init($0.name, language == .ru ? ($0.nameRu ?? $0.name) : $0.name) }
        review.customKinds = Set(ImportFileKind.allCases.filter(\.storesCustom).map(\.rawValue))
        review.ungradedDeals = summary?.grades.ungraded ?? 0
        review.gradeColumnsMapped = summary?.grades.mapped ?? false
        return .review(review)
    }

    /// Channels of the dry run that no channel has (with their rows), and those the user matched (with their rows from
    /// an earlier dry run, when this one has them under the channel's name).
    static func sourceRows(_ u: ImportUpload, channels: ChannelDirectory) -> [ImportPage.SourceRow] {
        var texts = Set((u.summary?.channels.keys).map(Array.init) ?? []).filter { channels.find($0) == nil }
        texts.formUnion(u.sourceTargets.keys)
        return texts.map { ImportPage.SourceRow(text: $0, rows: u.summary?.channels[$0] ?? u.sourceRows[$0] ?? 0, chosen: u.sourceTargets[$0]) }
            .sorted { ($1.rows, $0.text) < ($0.rows, $1.text) }
    }

    static func kindTitle(_ kind: ImportFileKind, _ language: Language) -> String {
        let en: [ImportFileKind: String] = [.companies: "Companies", .contacts: "Contacts", .leads: "Leads", .deals: "Deals",
                                            .stageHistory: "Stage history", .users: "Users and teams", .products: "Products"]
        let ru: [ImportFileKind: String] = [.companies: "Компании", .contacts: "Контакты", .leads: "Лиды", .deals: "Сделки",
                                            .stageHistory: "История этапов", .users: "Пользователи и команды", .products: "Продукты"]
        return (language == .ru ? ru : en)[kind] ?? kind.rawValue
    }
}
