import VoronkaCore

/// A page that says why a request could not be served, with a way back; never an internal error text.
public enum ErrorPage {
    /// What went wrong, as the user is told.
    public enum Problem: Sendable, Hashable {
        /// A form without its CSRF token, or with another session's.
        case csrf
        /// The user's role does not allow the page or action.
        case forbidden
        /// No such page or record, or one the user may not know of.
        case notFound
        /// Something failed on the server; the detail is in the log.
        case server
        /// The request was understood and refused (409 for a conflict, 422 for invalid input), with why.
        case refused(status: Int, reasons: [BilingualText])

        /// The HTTP status code of the problem.
        public var status: Int {
            switch self {
            case .csrf, .forbidden: 403
            case .notFound: 404
            case .server: 500
            case .refused(let status, _): status
            }
        }
    }

    /// What the error page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var problem: Problem
        /// Where "back" goes.
        public var backURL: String

        public init(shell: Shell, problem: Problem, backURL: String) {
            self.shell = shell; self.problem = problem; self.backURL = backURL
        }
    }
}
