import Foundation

/// Whether a pipeline carries inbound leads (the first funnel) or deals (the second).
public enum PipelineKind: String, Sendable, Codable, CaseIterable {
    case lead, deal
}

/// An ordered list of stages, per team or product line.
public struct Pipeline: Entity, Hashable {
    public static let kind = EntityKind.pipeline
    public static let sortable = ["id", "position", "name"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("name", .text, required: true, maxLength: 200),
        FieldSpec("name_ru", .text, maxLength: 200),
        .enumeration("kind", PipelineKind.self, required: true, default: .deal),
        FieldSpec("position", .int, required: true, range: 0...10_000, default: .int(0)),
        FieldSpec("active", .bool, required: true, default: .bool(true)),
    ]

    public var id: Int64
    public var name: String
    public var nameRu: String?
    public var kind: PipelineKind
    public var position: Int64
    public var active: Bool

    public init(id: Int64 = 0, name: String, nameRu: String? = nil, kind: PipelineKind, position: Int64 = 0, active: Bool = true) {
        self.id = id; self.name = name; self.nameRu = nameRu; self.kind = kind; self.position = position; self.active = active
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        name = r.text("name") ?? ""
        nameRu = r.text("name_ru")
        kind = r.enumValue("kind", PipelineKind.self) ?? .deal
        position = r.int("position") ?? 0
        active = r.bool("active") ?? true
    }

    public var record: Record {
        Record(["id": .int(id), "name": .text(name), "name_ru": Record.optional(nameRu), "kind": .text(kind.rawValue),
                "position": .int(position), "active": .bool(active)])
    }

    public func validate() -> [FieldError] { Rules.nonEmpty(name, field: "name") }
}

/// What reaching a stage means for a deal.
public enum StageKind: String, Sendable, Codable, CaseIterable {
    case open, won, lost, postponed

    /// The deal is closed once it reaches a won or lost stage.
    public var isClosed: Bool { self == .won || self == .lost }
}

/// One step of a pipeline, with its default win probability and expected duration.
public struct Stage: Entity, Hashable {
    public static let kind = EntityKind.stage
    public static let sortable = ["id", "position", "name"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("pipeline_id", .id, required: true, references: .pipeline),
        FieldSpec("name", .text, required: true, maxLength: 200),
        FieldSpec("name_ru", .text, maxLength: 200),
        .enumeration("kind", StageKind.self, required: true, default: .open),
        FieldSpec("position", .int, required: true, range: 0...10_000, default: .int(0)),
        FieldSpec("probability", .int, required: true, range: 0...100, default: .int(0)),
        FieldSpec("expected_days", .int, range: 0...3650),
        FieldSpec("requires_qualification", .bool, required: true, default: .bool(false)),
        FieldSpec("entry_rule", .text, maxLength: 2000),
    ]

    public var id: Int64
    public var pipelineID: Int64
    public var name: String
    public var nameRu: String?
    public var kind: StageKind
    public var position: Int64
    /// The default win probability, in percent.
    public var probability: Int64
    public var expectedDays: Int64?
    public var requiresQualification: Bool
    /// What must be true for a deal to enter, in words (shown to the rep).
    public var entryRule: String?

    public init(id: Int64 = 0, pipelineID: Int64, name: String, nameRu: String? = nil, kind: StageKind = .open,
                position: Int64, probability: Int64, expectedDays: Int64? = nil, requiresQualification: Bool = false, entryRule: String? = nil) {
        self.id = id; self.pipelineID = pipelineID; self.name = name; self.nameRu = nameRu; self.kind = kind
        self.position = position; self.probability = probability; self.expectedDays = expectedDays
        self.requiresQualification = requiresQualification; self.entryRule = entryRule
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        pipelineID = r.int("pipeline_id") ?? 0
        name = r.text("name") ?? ""
        nameRu = r.text("name_ru")
        kind = r.enumValue("kind", StageKind.self) ?? .open
        position = r.int("position") ?? 0
        probability = r.int("probability") ?? 0
        expectedDays = r.int("expected_days")
        requiresQualification = r.bool("requires_qualification") ?? false
        entryRule = r.text("entry_rule")
    }

    public var record: Record {
        Record(["id": .int(id), "pipeline_id": .int(pipelineID), "name": .text(name), "name_ru": Record.optional(nameRu),
                "kind": .text(kind.rawValue), "position": .int(position), "probability": .int(probability),
                "expected_days": Record.optional(expectedDays), "requires_qualification": .bool(requiresQualification),
                "entry_rule": Record.optional(entryRule)])
    }

    public func validate() -> [FieldError] {
        var errors = Rules.nonEmpty(name, field: "name")
        if kind == .won, probability != 100 { errors.append(FieldError("probability", .wonStageProbability)) }
        if kind == .lost, probability != 0 { errors.append(FieldError("probability", .lostStageProbability)) }
        return errors
    }
}
