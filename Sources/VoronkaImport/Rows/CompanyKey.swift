import Foundation

/// The key companies are de-duplicated by: the tax id when there is one, else the normalised name, else the
/// source system's id. Rows that name the same company by these means share one key after `ImportPlan` resolves them.
public struct CompanyKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// "tax:7701234567", "name:ромашка" or "id:001xx000003DGb2".
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The key of a tax id, spaces and dashes removed and letters upper-cased; nil when nothing is left.
    public static func taxID(_ taxID: String) -> CompanyKey? {
        let cleaned = taxID.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return cleaned.isEmpty ? nil : CompanyKey(rawValue: "tax:" + cleaned)
    }

    /// The key of a company name, by `normalisedCompanyName`; nil when nothing is left.
    public static func name(_ name: String) -> CompanyKey? {
        let n = normalisedCompanyName(name)
        return n.isEmpty ? nil : CompanyKey(rawValue: "name:" + n)
    }

    /// The key of the company's id in the source system.
    public static func sourceID(_ id: String) -> CompanyKey? {
        let t = id.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : CompanyKey(rawValue: "id:" + t)
    }

    public var description: String { rawValue }

    public static func < (a: CompanyKey, b: CompanyKey) -> Bool { a.rawValue < b.rawValue }
}

/// How a row names its company: any of the source system's id, a tax id and a name.
public struct CompanyRef: Hashable, Sendable {
    public var sourceID: String?
    public var taxID: String?
    public var name: String?

    public init(sourceID: String? = nil, taxID: String? = nil, name: String? = nil) {
        self.sourceID = sourceID; self.taxID = taxID; self.name = name
    }

    /// The key from this row alone: tax id, then name, then source id.
    public var key: CompanyKey? {
        taxID.flatMap(CompanyKey.taxID) ?? name.flatMap(CompanyKey.name) ?? sourceID.flatMap(CompanyKey.sourceID)
    }

    public var isEmpty: Bool { sourceID == nil && taxID == nil && name == nil }
}
