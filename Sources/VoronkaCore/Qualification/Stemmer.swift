/// A small stemmer for Russian and English, enough to match a request's words with catalog terms
/// whatever their form ("паровые котлы" with "паровой котёл", "steam boilers" with "steam boiler").
/// It only has to map forms of one word to one stem; the stems need not be real words.
public enum Stemmer {
    /// Lowercases, reads ё as е, splits into words (at anything but letters, and between letters and digits)
    /// and stems each word.
    public static func stems(of text: String) -> [String] {
        words(of: Fold.text(text)).map(stem)
    }

    /// The stem of one lowercase word: Cyrillic words by Russian endings, Latin ones by English, others unchanged.
    public static func stem(_ word: String) -> String {
        if word.unicodeScalars.allSatisfy({ ("а"..."я").contains($0) || $0 == "ё" }) { return russian(word) }
        if word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) { return english(word) }
        return word
    }

    /// Words that carry no meaning in a catalog term ("котел на газе" needs only "котел" and "газ").
    static let stopWords: Set<String> = ["и", "в", "во", "на", "для", "с", "со", "по", "из", "к", "от", "до", "или",
                                         "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with"]

    /// Words of already folded text: runs of letters, or of digits.
    static func words(of text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var currentIsDigit = false
        for ch in text {
            let letter = ch.isLetter, digit = ch.isNumber
            if (letter || digit), !current.isEmpty, digit == currentIsDigit {
                current.append(ch)
            } else {
                if !current.isEmpty { out.append(current) }
                current = letter || digit ? String(ch) : ""
                currentIsDigit = digit
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Inflection endings of nouns and adjectives, longest first; one is cut, leaving at least `minimumStem` letters.
    private static let russianEndings = [
        "иями",
        "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ием", "ией", "иях", "иям",
        "ов", "ев", "ей", "ам", "ям", "ах", "ях", "ой", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их",
        "ом", "ем", "ую", "юю", "ым", "им", "ия", "ию", "ии", "ью",
        "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й",
    ]
    private static let minimumStem = 3

    static func russian(_ word: String) -> String {
        var stem = word
        if let ending = russianEndings.first(where: { word.hasSuffix($0) && word.count - $0.count >= minimumStem }) {
            stem = String(word.dropLast(ending.count))
        }
        // A fleeting vowel: "котёл" / "котлы", "горелок" / "горелки". Dropped in every form, so both meet at "котл".
        let chars = Array(stem)
        if chars.count >= 5, "ео".contains(chars[chars.count - 2]), "лкцн".contains(chars[chars.count - 1]),
           !"аеёиоуыэюяйь".contains(chars[chars.count - 3]) {
            stem = String(chars.prefix(chars.count - 2)) + String(chars[chars.count - 1])
        }
        return stem
    }

    static func english(_ word: String) -> String {
        var w = word
        func cut(_ suffix: String, keeping minimum: Int = 3) -> Bool {
            guard w.hasSuffix(suffix), w.count - suffix.count >= minimum else { return false }
            w.removeLast(suffix.count)
            return true
        }
        // Plurals: companies → company, boxes → box, boilers → boiler; not glass, status, analysis.
        if w.hasSuffix("ies"), w.count > 4 { w.removeLast(3); w += "y" }
        else if ["ses", "xes", "zes", "ches", "shes"].contains(where: { w.hasSuffix($0) }) { _ = cut("es") }
        else if w.hasSuffix("s"), !["ss", "us", "is"].contains(where: { w.hasSuffix($0) }) { _ = cut("s") }
        // Verb forms: heating, heated → heat; shipping → ship. Not "need" or "speed".
        if cut("ing") || (!w.hasSuffix("eed") && cut("ed")) {
            if let last = w.last, w.count >= 4, w.dropLast().last == last, !"lsz".contains(last) { w.removeLast() }
        }
        // Silent e, so that service, services and servicing meet at "servic".
        _ = cut("e")
        return w
    }
}
