/// The paging of lists (the lead inbox's own words among them), in English and in Russian.
extension Strings {
    /// The paging texts in English.
    static let englishPaging: [StringKey: String] = [
        .inboxPages: "Pages of the inbox",
        .inboxShowing: "Leads {first}–{last} of {total}",
        .inboxNewer: "← Newer leads",
        .inboxOlder: "Older leads →",
        .inboxPageSize: "Leads per page",
        .inboxShow: "Show",
        .pagerLabel: "Pages of the list",
        .pagerRange: "{first}–{last} of {total}",
        .pagerPrevious: "← Previous",
        .pagerNext: "Next →",
        .pagerSize: "Per page",
    ]

    /// The paging texts in Russian.
    static let russianPaging: [StringKey: String] = [
        .inboxPages: "Страницы входящих",
        .inboxShowing: "Лиды {first}–{last} из {total}",
        .inboxNewer: "← Более новые",
        .inboxOlder: "Более старые →",
        .inboxPageSize: "Лидов на странице",
        .inboxShow: "Показать",
        .pagerLabel: "Страницы списка",
        .pagerRange: "{first}–{last} из {total}",
        .pagerPrevious: "← Назад",
        .pagerNext: "Дальше →",
        .pagerSize: "На странице",
    ]
}
