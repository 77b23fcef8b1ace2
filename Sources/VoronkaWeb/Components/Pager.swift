import Plot
import VoronkaCore

/// Where a page of a long list stands and the links around it: every list the web shows pages this way, so nothing
/// is cut off without a way on.
public struct Pager: Sendable, Hashable {
    /// What the pager says: its landmark's label, the range shown, and the links.
    public struct Texts: Sendable, Hashable {
        public var label: StringKey
        /// With `{first}`, `{last}` and `{total}`.
        public var range: StringKey
        public var previous: StringKey
        public var next: StringKey
        public var size: StringKey
        public init(label: StringKey = .pagerLabel, range: StringKey = .pagerRange, previous: StringKey = .pagerPrevious,
                    next: StringKey = .pagerNext, size: StringKey = .pagerSize) {
            self.label = label; self.range = range; self.previous = previous; self.next = next; self.size = size
        }
    }

    /// Every item of the list.
    public var total: Int
    /// The place of the page's first item, from 1 (0 when the page is empty).
    public var first: Int
    /// The items on this page.
    public var count: Int
    public var pageSize: Int
    /// The page sizes to choose from; empty for none.
    public var sizes: [Int]
    /// Where the page-size form goes (GET, `size`).
    public var action: String
    /// Query parameters the page-size form keeps (a search, a filter).
    public var keep: [String: String]
    public var previousURL: String?
    public var nextURL: String?
    public var texts: Texts

    public init(total: Int, first: Int, count: Int, pageSize: Int, sizes: [Int] = [], action: String, keep: [String: String] = [:],
                previousURL: String? = nil, nextURL: String? = nil, texts: Texts = Texts()) {
        self.total = total; self.first = first; self.count = count; self.pageSize = pageSize; self.sizes = sizes; self.action = action
        self.keep = keep; self.previousURL = previousURL; self.nextURL = nextURL; self.texts = texts
    }

    /// The place of the page's last item.
    public var last: Int { count == 0 ? 0 : first + count - 1 }
}

extension Node where Context: HTML.BodyContext {
    /// The range shown, the links to the pages before and after, and the page size (a GET form, so it needs no token).
    static func pager(_ p: Pager, _ t: Localizer, id: String? = nil) -> Node {
        .nav(.class("pager"), .attr("aria-label", t[p.texts.label]), .unwrap(id) { .id($0) },
            .p(.class("pager-range"), .plain(t(p.texts.range, ["first": t.format.number(p.first), "last": t.format.number(p.last),
                                                                "total": t.format.number(p.total)]))),
            .if(p.previousURL != nil || p.nextURL != nil, .ul(.class("pager-links"),
                .unwrap(p.previousURL) { .li(.a(.attr("href", $0), .attr("rel", "prev"), .plain(t[p.texts.previous]))) },
                .unwrap(p.nextURL) { .li(.a(.attr("href", $0), .attr("rel", "next"), .plain(t[p.texts.next]))) })),
            .if(!p.sizes.isEmpty && p.total > (p.sizes.first ?? 0), .form(.attr("method", "get"), .attr("action", p.action), .class("pager-size"),
                .group(p.keep.sorted { $0.key < $1.key }.map { .input(.attr("type", "hidden"), .attr("name", $0.key), .attr("value", $0.value)) }),
                .selectField(FieldInfo(id: (id ?? "pager") + "-size", label: t[p.texts.size]), name: "size",
                             options: p.sizes.map { (String($0), String($0)) }, selected: String(p.pageSize)),
                .submit(t[.inboxShow], class: "button button-quiet"))))
    }
}
