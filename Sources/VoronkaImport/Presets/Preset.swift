/// A ready mapping for a known export, with the header columns that identify it.
public struct Preset: Hashable, Sendable {
    /// The name `--preset` and mapping files use, such as "bitrix24-deals".
    public let id: String
    public let title: String
    /// Columns that all occur in this export's header and together tell it from the others.
    public let signature: [String]
    public var mapping: ImportMapping
}

/// The presets for common exports, and detection by header.
public enum Presets {
    public static let all: [Preset] = [
        bitrix24Deals, bitrix24Leads, amoCRMDeals, pipedriveDeals, hubSpotDeals,
        salesforceOpportunity, salesforceOpportunityHistory,
        mavenPipeline, mavenAccounts, mavenTeams, mavenProducts,
    ]

    /// The source system of an export, from its presets: "maven-pipeline" and "maven-accounts" → "maven"; "import"
    /// when the files come from no preset or from several systems.
    public static func system(of presetIDs: [String?]) -> String {
        let systems = Set(presetIDs.compactMap { $0?.split(separator: "-").first.map(String.init) })
        guard systems.count == 1, let only = systems.first else { return "import" }
        return only
    }

    /// The preset with this id.
    public static func named(_ id: String) -> Preset? {
        all.first { $0.id == id.lowercased() }
    }

    /// The preset whose signature columns all occur in the header (ignoring case and spaces); when several do,
    /// the one with the longest signature, then the one that maps the most of the header's columns.
    public static func detect(header: [String]) -> Preset? {
        let columns = Set(header.map(Folding.fold))
        let candidates = all.filter { $0.signature.allSatisfy { columns.contains(Folding.fold($0)) } }
        return candidates.max { a, b in
            (a.signature.count, mappedCount(a, columns)) < (b.signature.count, mappedCount(b, columns))
        }
    }

    private static func mappedCount(_ preset: Preset, _ columns: Set<String>) -> Int {
        preset.mapping.columns.keys.filter { columns.contains(Folding.fold($0)) }.count
    }
}
