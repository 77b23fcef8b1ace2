/// The lead inbox's paging, in English and in Russian.
extension Strings {
    /// The paging texts in English.
    static let englishPaging: [StringKey: String] = [
        .inboxPages: "Pages of the inbox",
        .inboxShowing: "Leads {first}–{last} of {total}",
        .inboxNewer: "← Newer leads",
        .inboxOlder: "Older leads →",
        .inboxPageSize: "Leads per page",
        .inboxShow: "Show",
    ]

    /// The paging texts in Russian.
    static let russianPaging: [StringKey: String] = [
        .inboxPages: "Страницы входящих",
        .inboxShowing: "Лиды {first}–{last} из {total}",
        .inboxNewer: "← Более новые",
        .inboxOlder: "Более старые →",
        .inboxPageSize: "Лидов на странице",
        .inboxShow: "Показать",
    ]
}
