/// A mapping proposed from a file's header and first rows: the preset that matches it, else, column by column, the
/// field its name usually holds. The web upload shows it for the user to correct before the dry run.
public struct MappingProposal: Sendable, Hashable {
    /// How a column's target was chosen.
    public enum Reason: String, Sendable, Hashable {
        /// The detected preset maps it.
        case preset
        /// Its name is a usual name of the field.
        case name
        /// A usual name of the field begins or ends its name.
        case partialName = "partial_name"
        /// Nothing matched: it is ignored unless the user maps it.
        case none
    }

    /// One header column, its first values, and where the proposal puts it.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var samples: [String]
        public var target: ColumnTarget
        public var reason: Reason
    }

    public var kind: ImportFileKind
    /// The preset detected from the header, whose mapping is proposed whole.
    public var presetID: String?
    public var columns: [Column]
    /// The mapping to read the file with, as proposed.
    public var mapping: ImportMapping
    /// Fields the kind needs that no column fills: the file cannot be read until the user maps them.
    public var missing: [TargetField]

    /// Proposes a mapping for a file named `fileName` with this header and sample rows. `kind` forces the kind
    /// (the user chose it); otherwise it is the kind whose fields the columns fill best, helped by the file's name.
    public static func propose(fileName: String, header: [String], rows: [[String]], kind forced: ImportFileKind? = nil) -> MappingProposal {
        let samples = header.indices.map { i in rows.compactMap { $0.indices.contains(i) ? $0[i] : nil }.filter { !$0.isEmpty }.prefix(3).map { $0 } }
        if let preset = Presets.detect(header: header), forced == nil || forced == preset.mapping.kind {
            let byColumn = Dictionary(preset.mapping.columns.map { (Folding.fold($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            let columns = header.enumerated().map { i, name in
                let target = byColumn[Folding.fold(name)]
                return Column(name: name, samples: samples[i], target: target ?? .ignore, reason: target == nil ? .none : .preset)
            }
            return MappingProposal(kind: preset.mapping.kind, presetID: preset.id, columns: columns, mapping: preset.mapping, missing: [])
        }
        let kinds = forced.map { [$0] } ?? ImportFileKind.allCases
        let proposals = kinds.map { assign(kind: $0, header: header, samples: samples) }
        let hint = kindHint(fileName)
        let best = proposals.max { a, b in score(a, hint: hint) < score(b, hint: hint) }
        return best ?? assign(kind: forced ?? hint ?? .deals, header: header, samples: samples)
    }

    /// The columns of `header` assigned to fields of `kind`: first the columns with one candidate field in the kind,
    /// then the others in header order, each taking its first candidate no earlier column took.
    ///
    /// A file's own id column ("Lead id" in a leads file) is its rows' id; a column whose first values are all dates
    /// only takes a date field ("First contact" holding dates is no contact's name).
    static func assign(kind: ImportFileKind, header: [String], samples: [[String]]) -> MappingProposal {
        let candidates = header.indices.map { c -> (fields: [TargetField], partial: Bool) in
            let found = ColumnSynonyms.candidates(header[c])
            var fields = found.fields.map { kind.ownID == $0 ? .sourceID : $0 }.filter(kind.fields.contains)
            if !samples[c].isEmpty, samples[c].allSatisfy(looksLikeDate) { fields = fields.filter(\.isDate) }
            // A generic name ("Name", "Наименование") is the name of what the file holds.
            if let primary = kind.nameField, let i = fields.firstIndex(of: primary) { fields.insert(fields.remove(at: i), at: 0) }
            return (fields, found.partial)
        }
        var targets = [ColumnTarget](repeating: .ignore, count: header.count)
        var taken: Set<TargetField> = []
        let order = header.indices.filter { candidates[$0].fields.count == 1 } + header.indices.filter { candidates[$0].fields.count > 1 }
        for i in order {
            guard let field = candidates[i].fields.first(where: { !taken.contains($0) || $0.repeats }) else { continue }
            targets[i] = .field(field)
            taken.insert(field)
        }
        var mapping = ImportMapping(kind: kind, columns: [:])
        var columns: [Column] = []
        for (i, name) in header.enumerated() {
            let target = targets[i]
            if target != .ignore { mapping.columns[name] = target }
            let reason: Reason = target == .ignore ? .none : candidates[i].partial ? .partialName : .name
            columns.append(Column(name: name, samples: samples[i], target: target, reason: reason))
        }
        mapping.dateFormat = dateFormat(columns)
        return MappingProposal(kind: kind, presetID: nil, columns: columns, mapping: mapping,
                               missing: kind.requiredFields.filter { !taken.contains($0) })
    }

    /// Whether a value reads as a date (with or without a time) in any of the formats the parser detects.
    static func looksLikeDate(_ value: String) -> Bool {
        guard value.count >= 8, value.contains(where: \.isNumber), let date = try? ValueParsers.timestamp(value) else { return false }
        return date != nil
    }

    /// Day-first slashed dates when a date column's sample has a first part above 12 ("25/03/2024"); otherwise the
    /// parser's own detection.
    static func dateFormat(_ columns: [Column]) -> DateFormat {
        for column in columns {
            guard case .field(let f) = column.target, f.isDate else { continue }
            for sample in column.samples {
                let parts = sample.split(separator: "/")
                if parts.count == 3, let first = Int(parts[0]), first > 12 { return .dayMonthYearSlash }
            }
        }
        return .auto
    }

    /// How well a proposal reads its file: every required field first, then the columns mapped exactly, then the
    /// kind the file's name suggests, then all columns mapped.
    static func score(_ p: MappingProposal, hint: ImportFileKind?) -> (Int, Int, Int, Int) {
        let exact = p.columns.filter { $0.reason == .name }.count
        let mapped = p.columns.filter { $0.target != .ignore }.count
        return (p.missing.isEmpty ? 1 : 0, exact, p.kind == hint ? 1 : 0, mapped)
    }

    /// The kind a file's name suggests ("leads.csv", "Сделки.csv", "OpportunityHistory.csv").
    static func kindHint(_ fileName: String) -> ImportFileKind? {
        let name = ColumnSynonyms.key(fileName)
        let words: [(ImportFileKind, [String])] = [
            (.stageHistory, ["history", "истори"]), (.leads, ["lead", "лид", "заявк", "обращени"]),
            (.deals, ["deal", "opportunit", "сделк", "pipeline"]), (.companies, ["compan", "account", "organi", "компани", "контрагент"]),
            (.contacts, ["contact", "person", "people", "контакт"]), (.users, ["user", "team", "staff", "сотрудник", "пользовател"]),
            (.products, ["product", "catalog", "товар", "продукт"]),
        ]
        return words.first { $0.1.contains { name.contains($0) } }?.0
    }
}

extension ImportFileKind {
    /// The field that names a row of this kind, which a column called just "Name" fills.
    var nameField: TargetField? {
        switch self {
        case .companies: .companyName
        case .contacts, .leads: .contactName
        case .deals: .title
        case .users: .ownerName
        case .products: .productName
        case .stageHistory: nil
        }
    }
}

extension ImportFileKind {
    /// The field naming a row of this kind in other files, which in its own file is the row's id.
    var ownID: TargetField? {
        switch self {
        case .leads: .leadSourceID
        case .deals: .dealSourceID
        default: nil
        }
    }
}

extension TargetField {
    /// Fields that several columns may fill together (first and last name) or in turn (won and lost times).
    var repeats: Bool { joinsColumns || self == .closedAt }

    /// Fields that hold a date or a time.
    var isDate: Bool { [.receivedAt, .createdAt, .closedAt, .expectedClose, .enteredAt, .deadline, .wonAt, .lostAt].contains(self) }
}
