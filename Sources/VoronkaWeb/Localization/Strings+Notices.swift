/// The confirmations the settings pages show after a change, in English and in Russian.
extension Strings {
    /// The confirmations in English.
    static let englishNotices: [StringKey: String] = [
        .setNoticeAdded: "Added.",
        .setNoticeSaved: "Saved.",
        .setNoticeDeleted: "Deleted.",
        .setNoticeRevoked: "The token is revoked: it no longer works.",
        .setNoticePasswordReset: "The password is reset; the user's sessions have ended.",
    ]

    /// The confirmations in Russian.
    static let russianNotices: [StringKey: String] = [
        .setNoticeAdded: "Добавлено.",
        .setNoticeSaved: "Сохранено.",
        .setNoticeDeleted: "Удалено.",
        .setNoticeRevoked: "Токен отозван: он больше не действует.",
        .setNoticePasswordReset: "Пароль сброшен; сеансы пользователя завершены.",
    ]
}
