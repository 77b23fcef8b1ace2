import Foundation
import VoronkaCore

/// One's own profile: name and interface language, and a new password (with the current one). Every signed-in user has it.
public enum ProfilePage {
    /// Where the page and its forms are.
    public enum Paths {
        /// GET: the page; POST: the name and language.
        public static let profile = SiteURL.profile.path
        /// POST: a new password.
        public static let password = SiteURL.profilePassword.path
    }

    /// The confirmations after a change (redirect-after-post).
    public enum Notice: String, CaseIterable, Sendable {
        case saved
        case passwordChanged = "password_changed"
        case calendarStopped = "calendar_stopped"
    }

    /// A refused form: `profile` or `password`.
    public typealias Submission = FormSubmission

    /// Everything the page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var user: User
        public var submission: Submission?
        public var notice: Notice?
        /// When one's live calendar feed address was made (nil: none).
        public var calendarSince: Date?
        /// A calendar address just made: shown this once.
        public var newCalendarURL: String?
        public init(shell: Shell, user: User, submission: Submission? = nil, notice: Notice? = nil) {
            self.shell = shell; self.user = user; self.submission = submission; self.notice = notice
        }
    }
}
