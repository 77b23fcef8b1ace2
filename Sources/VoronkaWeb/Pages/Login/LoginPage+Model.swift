/// The sign-in page.
public enum LoginPage {
    /// Why the last sign-in did not work, as the user is told.
    public enum Problem: Sendable, Hashable {
        case invalidCredentials
        case tooManyAttempts
        case sessionExpired
    }

    /// What the sign-in page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        /// Where the form posts `email` and `password`.
        public var action: String
        /// The email typed last time, kept after a failed attempt.
        public var email: String
        public var problem: Problem?

        public init(shell: Shell, action: String, email: String = "", problem: Problem? = nil) {
            self.shell = shell; self.action = action; self.email = email; self.problem = problem
        }
    }
}
