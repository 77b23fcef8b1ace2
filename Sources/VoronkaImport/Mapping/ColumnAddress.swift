/// How a mapping names a column of a header that has the same name more than once: the first by its name, the
/// others by their name and their place among the columns of that name ("Phone#2" is the second "Phone").
public enum ColumnAddress {
    /// The mapping's name for the header's column at `index`.
    public static func key(_ header: [String], _ index: Int) -> String {
        let folded = Folding.fold(header[index])
        let place = header[..<index].filter { Folding.fold($0) == folded }.count + 1
        return place == 1 ? header[index] : header[index] + "#\(place)"
    }

    /// The name and the place of a key "Phone#2"; nil for a plain name.
    static func split(_ key: String) -> (name: String, place: Int)? {
        guard let hash = key.lastIndex(of: "#"), let place = Int(key[key.index(after: hash)...]), place >= 2 else { return nil }
        return (String(key[..<hash]), place)
    }
}
