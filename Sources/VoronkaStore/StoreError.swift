/// Failures of the storage layer that are not the user's doing.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .cannotOpen(let why): "cannot open the database: \(why)"
        case .unsupported(let why): why
        }
    }
}
