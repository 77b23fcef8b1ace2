/// Legal forms dropped from company names before comparing them, as whole words after punctuation is removed.
private let legalForms: Set<String> = [
    "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "чп", "тоо", "одо", "уп", "гуп", "муп", "фгуп", "ано", "нко", "пк",
    "ooo", "zao", "oao", "pao", "llc", "inc", "ltd", "limited", "gmbh", "corp", "corporation", "co", "plc", "llp", "lp",
    "ag", "sa", "srl", "bv", "nv", "oy", "ab", "as", "kg", "pte", "pty",
]

/// Spelled-out Russian legal forms, dropped as whole phrases.
private let legalPhrases: [[String]] = [
    "общество с ограниченной ответственностью", "публичное акционерное общество", "непубличное акционерное общество",
    "закрытое акционерное общество", "открытое акционерное общество", "акционерное общество",
    "индивидуальный предприниматель",
].map { $0.split(separator: " ").map(String.init) }

/// A company name for de-duplication: case-folded, ё read as е, quotes and punctuation removed, legal forms
/// (ООО, АО, ПАО, ЗАО, LLC, Inc, Ltd, GmbH, …) dropped, spaces collapsed. «ООО "Ромашка"» and "Ромашка, ООО" are
/// the same company. A name that is nothing but a legal form keeps it.
public func normalisedCompanyName(_ name: String) -> String {
    let words = name.lowercased().unicodeScalars
        .split(whereSeparator: { !isNameScalar($0) })
        .map { word in String(String.UnicodeScalarView(word.map { $0 == "ё" ? "е" : $0 })) }
    var kept: [String] = []
    var i = 0
    while i < words.count {
        if let phrase = legalPhrases.first(where: { words[i...].starts(with: $0) }) { i += phrase.count; continue }
        if !legalForms.contains(words[i]) { kept.append(words[i]) }
        i += 1
    }
    return (kept.isEmpty ? words : kept).joined(separator: " ")
}

/// Letters, digits, "&" and "+" belong to a name's words; everything else separates them.
private func isNameScalar(_ s: Unicode.Scalar) -> Bool {
    if s.isASCII {
        let v = s.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || s == "&" || s == "+"
    }
    return s.properties.isAlphabetic || s.properties.numericType != nil
}
