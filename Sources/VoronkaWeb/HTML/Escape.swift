/// HTML escaping that is exact: text shows as typed, entity-like input included.
///
/// Plot escapes text nodes but keeps sequences such as `&lt;` as entities, and writes attribute
/// values as given; every dynamic value in these views goes through `Escape` instead.
public enum Escape {
    /// Text content: `&`, `<` and `>`.
    public static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return s }
        var out = ""
        out.reserveCapacity(s.count + 16)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    /// An attribute value in double quotes: also `"` and `'`.
    public static func attribute(_ s: String) -> String {
        guard s.contains(where: { "&<>\"'".contains($0) }) else { return s }
        var out = ""
        out.reserveCapacity(s.count + 16)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
