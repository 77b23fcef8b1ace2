import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaWeb

/// The review form's fields applied to an upload: per file a preset or a kind with columns, then the options.
enum ImportChoices {
    typealias Field = ImportPage.Field

    static func apply(_ form: [String: String], to u: inout ImportUpload) {
        for i in u.files.indices {
            // The file's section was on the form: its "leave out" box says whether it stays out.
            if form[Field.preset(i)] != nil { u.files[i].skipped = form[Field.skip(i)] == "true" }
            let format = form[Field.dateFormat(i)].flatMap { $0 == "auto" ? DateFormat.auto : DateFormat(rawValue: $0) }
            if let id = form[Field.preset(i)], id != Field.columnsChoice, let preset = Presets.named(id) {
                if u.files[i].presetID != preset.id { u.usePreset(i, preset) }
                if let format { u.files[i].mapping.dateFormat = format }
                continue
            }
            guard form[Field.preset(i)] != nil else { continue }
            let kind = form[Field.kind(i)].flatMap(ImportFileKind.init(rawValue:)) ?? u.files[i].mapping.kind
            var targets: [Int: ColumnTarget] = [:]
            for j in u.files[i].header.indices {
                guard let text = form[Field.column(i, j)], let target = ColumnTarget(text: text) else { continue }
                if case .field(let f) = target, !kind.fields.contains(f) { continue }
                // Only kinds that keep custom attributes are offered them; a posted one for another kind reads nothing.
                if case .custom = target, !kind.storesCustom { continue }
                targets[j] = target
            }
            u.useColumns(i, kind: kind, targets: targets, dateFormat: format, currency: nil)
        }
        if let system = form[Field.system] {
            let trimmed = system.trimmingCharacters(in: .whitespaces).lowercased()
            // The proposed system stays derived from the presets (it follows a change of preset); another is the user's.
            let derived = Presets.system(of: u.files.map(\.presetID))
            u.system = trimmed.isEmpty || trimmed == derived ? nil : trimmed
        }
        if let pipeline = form[Field.pipeline] {
            let trimmed = pipeline.trimmingCharacters(in: .whitespaces)
            u.pipeline = trimmed.isEmpty ? nil : trimmed
        }
        if let policy = form[Field.unknownStages] { u.unknownStages = policy == "reject" ? .reject : .create }
        var n = 0
        while let name = form[Field.stageName(n)] {
            let target = form[Field.stage(n)]?.trimmingCharacters(in: .whitespaces) ?? ""
            u.stageTargets[name] = target.isEmpty ? nil : target
            n += 1
        }
        n = 0
        while let text = form[Field.sourceName(n)] {
            // Empty: a new channel of that name; else the name of the channel the rows go to.
            let chosen = form[Field.source(n)]?.trimmingCharacters(in: .whitespaces) ?? ""
            u.sourceTargets[text] = chosen.isEmpty ? nil : chosen
            n += 1
        }
    }
}
