/// The stylesheet and the script, as Swift strings (there is no resource bundling); the server serves them at these paths.
public enum Assets {
    /// Changes with the files' content, so that a long cache lifetime is safe.
    public static var version: String { String(fnv1a(stylesheet + script), radix: 36) }
    public static let stylesheetPath = SiteURL.stylesheet.path
    public static let scriptPath = SiteURL.script.path

    /// FNV-1a, 64 bit: stable across runs and machines, unlike `hashValue`.
    static func fnv1a(_ s: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
