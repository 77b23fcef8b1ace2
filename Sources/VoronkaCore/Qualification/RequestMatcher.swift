/// Where a catalog term comes from.
public enum CatalogTermKind: String, Sendable, Codable, CaseIterable {
    case name, category, keyword
}

/// A product's name, category or keyword that a request matched.
public struct MatchedTerm: Hashable, Sendable {
    /// Whether the term is the product's name, category or a keyword.
    public var kind: CatalogTermKind
    /// The term as the catalog writes it, e.g. "паровой котел".
    public var text: String

    /// A term of the given kind.
    public init(kind: CatalogTermKind, text: String) { self.kind = kind; self.text = text }
}

/// A product a request asks for, with every term that matched.
public struct ProductMatch: Hashable, Sendable {
    /// The product asked for.
    public var product: Product
    /// The terms found in the request, in the order name, category, keywords.
    public var terms: [MatchedTerm]
}

/// Finds the catalog products a request names, by product name, category and keywords, in English or Russian,
/// whatever the word forms: a term matches when the stem of each of its words occurs in the request.
public struct RequestMatcher: Sendable {
    private struct Term: Sendable {
        let term: MatchedTerm
        let stems: Set<String>
    }

    private struct Entry: Sendable {
        let product: Product
        let terms: [Term]
    }

    /// The products as given, inactive ones included.
    public let catalog: [Product]
    private let entries: [Entry]

    /// Prepares the stems of every term once; inactive products never match.
    public init(catalog: [Product]) {
        self.catalog = catalog
        entries = catalog.filter(\.active).map { product in
            let named = [MatchedTerm(kind: .name, text: product.name)]
                + (product.category.map { [MatchedTerm(kind: .category, text: $0)] } ?? [])
                + product.keywords.map { MatchedTerm(kind: .keyword, text: $0) }
            let terms = named.compactMap { term -> Term? in
                let stems = Set(Stemmer.words(of: Fold.text(term.text)).filter { !Stemmer.stopWords.contains($0) }.map(Stemmer.stem))
                return stems.isEmpty ? nil : Term(term: term, stems: stems)
            }
            return Entry(product: product, terms: terms)
        }
    }

    /// The products the request names, in catalog order, each with the terms that matched; empty when none.
    public func match(_ request: String) -> [ProductMatch] {
        let words = Set(Stemmer.stems(of: request))
        guard !words.isEmpty else { return [] }
        return entries.compactMap { entry in
            let terms = entry.terms.filter { $0.stems.isSubset(of: words) }.map(\.term)
            return terms.isEmpty ? nil : ProductMatch(product: entry.product, terms: terms)
        }
    }
}
