import Foundation
import VoronkaCore

/// The mappings of one import: one for every file (a mapping file's usual form), or one per file by name:
/// `{"files": {"leads.csv": {…}, "deals.csv": {…}}}`. A file the set does not name is read as detected (a preset).
public struct ImportMappingSet: Hashable, Sendable {
    /// The mapping of every file not named in `byFile`.
    public var shared: ImportMapping?
    /// By file name (as given, without its folder).
    public var byFile: [String: ImportMapping]

    public init(shared: ImportMapping? = nil, byFile: [String: ImportMapping] = [:]) {
        self.shared = shared; self.byFile = byFile
    }

    /// Reads either form; errors name the JSON path ("files.deals.csv.columns.Сумма").
    public init(json: JSONValue) throws(FieldError) {
        guard case .object(let object) = json, let files = object["files"] else {
            self.init(shared: try ImportMapping(json: json))
            return
        }
        guard object.count == 1 else {
            let other = object.keys.filter { $0 != "files" }.sorted().first ?? ""
            throw FieldError(other, "a mapping set holds only \"files\" (one mapping per file name)")
        }
        guard case .object(let named) = files, !named.isEmpty else {
            throw FieldError("files", "must be an object of file names, each with its mapping")
        }
        var byFile: [String: ImportMapping] = [:]
        for (name, value) in named {
            do throws(FieldError) { byFile[name] = try ImportMapping(json: value) } catch {
                throw FieldError("files.\(name)" + (error.field.isEmpty ? "" : "." + error.field), error.reason)
            }
        }
        self.init(byFile: byFile)
    }

    /// The mapping for a file (by its name without the folder).
    public func mapping(for file: String) -> ImportMapping? {
        byFile[(file as NSString).lastPathComponent] ?? byFile[file] ?? shared
    }

    /// The names the set gives mappings for that none of `files` has: a mapping that would read nothing is refused.
    public func unmatched(_ files: [String]) -> [String] {
        let names = Set(files.map { ($0 as NSString).lastPathComponent })
        return byFile.keys.filter { !names.contains($0) }.sorted()
    }

    /// The set as a mapping file writes it: `{"files": {name: mapping}}` (the shared mapping under "*" is not a form
    /// this reads, so a set with one is written as that mapping alone).
    public var json: JSONValue {
        if let shared, byFile.isEmpty { return shared.json }
        return .object(["files": .object(byFile.mapValues(\.json))])
    }
}
