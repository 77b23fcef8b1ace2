import VoronkaCore

/// The first-start page: creates the first administrator when the installation has no users.
public enum SetupPage {
    /// What is wrong with the submitted form, field by field.
    public enum Problem: Sendable, Hashable {
        case nameMissing
        case emailInvalid
        case emailTaken
        case passwordTooShort
        case passwordsDiffer
    }

    /// What the first-start page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        /// Where the form posts `name`, `email`, `password`, `password_repeat` and `language`.
        public var action: String
        public var name: String
        public var email: String
        /// The language the new administrator will use.
        public var language: VoronkaCore.Language
        public var minimumPasswordLength: Int
        public var problems: [Problem]

        public init(shell: Shell, action: String, name: String = "", email: String = "", language: VoronkaCore.Language,
                    minimumPasswordLength: Int, problems: [Problem] = []) {
            self.shell = shell; self.action = action; self.name = name; self.email = email; self.language = language
            self.minimumPasswordLength = minimumPasswordLength; self.problems = problems
        }
    }
}
