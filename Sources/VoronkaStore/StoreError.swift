/// Failures of the storage layer that are not the user's doing.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(String)
    case unsupported(String)
    /// The database driver gave a connection that does not speak SQL.
    case notSQL
    /// The SQLite file failed its integrity check; the server will not serve it.
    case damaged(path: String, problems: String)

    public var description: String {
        switch self {
        case .cannotOpen(let why): "cannot open the database: \(why)"
        case .unsupported(let why): why
        case .notSQL: "the database connection does not support SQL"
        case .damaged(let path, let problems):
            """
            the database \(path) is damaged (\(problems)). Voronka will not serve it. Stop every process that uses it, move \
            the data directory aside, and restore the latest backup into a new one: voronka restore BACKUP --data DIR
            """
        }
    }
}
