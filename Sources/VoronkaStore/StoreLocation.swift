/// Where the data lives: an embedded SQLite file, or a PostgreSQL server.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file.
    case sqlite(path: String)
    /// A PostgreSQL connection URL (`postgres://user:password@host:port/database`).
    case postgres(url: String)

    public var backend: Backend {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// Where it is, with any password hidden.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite at \(path)"
        case .postgres(let url):
            if let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") {
                return "PostgreSQL at \(url[scheme.upperBound..<url.endIndex].split(separator: ":").first ?? "")…\(url[at...])"
            }
            return "PostgreSQL"
        }
    }
}
