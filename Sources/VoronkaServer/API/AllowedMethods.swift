import NIOConcurrencyHelpers
import Vapor

/// The methods each registered path answers, so that a request with another method on a known path gets
/// `405 Method Not Allowed` with an `Allow` header instead of a 404. Filled once the routes are registered.
final class AllowedMethods: Sendable {
    private let patterns = NIOLockedValueBox<[(method: String, path: [String])]>([])

    /// Reads the application's routes (call after registering them).
    func load(_ routes: Routes) {
        let all = routes.all.map { route in
            (route.method.rawValue, route.path.map { component -> String in
                switch component {
                case .constant(let text): text
                case .parameter: ":"
                case .anything: "*"
                case .catchall: "**"
                }
            })
        }
        patterns.withLockedValue { $0 = all }
    }

    /// The methods registered for a path, sorted; empty when no route has this path.
    func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        return patterns.withLockedValue { all in
            Array(Set(all.filter { Self.matches($0.path, parts) }.map(\.method))).sorted()
        }
    }

    static func matches(_ pattern: [String], _ parts: [String]) -> Bool {
        if pattern.last == "**" { return parts.count >= pattern.count - 1 && zip(pattern.dropLast(), parts).allSatisfy(same) }
        return pattern.count == parts.count && zip(pattern, parts).allSatisfy(same)
    }

    private static func same(_ pair: (String, String)) -> Bool {
        pair.0 == ":" || pair.0 == "*" || pair.0 == pair.1
    }
}
