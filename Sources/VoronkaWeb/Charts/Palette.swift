import Foundation

/// Chart colours: series colours that keep 3:1 contrast on white (WCAG 1.4.11), text at 4.5:1 or more,
/// and a sequential blue scale for heat maps.
public enum Palette {
    /// Series colours in order; lines also differ by dash and marker, so print and colour blindness lose nothing.
    public static let series = ["#1f5fa8", "#b4470c", "#1b7a4b", "#6b3fa0", "#8a6100", "#a3246a", "#0f6f82", "#4a5563"]
    public static let text = "#1f2933"
    public static let mutedText = "#52606d"
    public static let axis = "#52606d"
    public static let grid = "#d9e2ec"
    public static let background = "#ffffff"
    public static let empty = "#f5f7fa"
    /// Light to dark; the heat map interpolates between the stops.
    public static let heat = ["#eef5fc", "#c6dbef", "#8fbde0", "#4a91c9", "#1f5fa8", "#0b3a73"]

    /// The colour of series number `i`, repeating after eight.
    public static func color(_ i: Int) -> String { series[((i % series.count) + series.count) % series.count] }

    /// The heat colour at `t` between 0 (light) and 1 (dark).
    public static func heatColor(_ t: Double) -> String {
        let t = t.isFinite ? min(1, max(0, t)) : 0
        let position = t * Double(heat.count - 1)
        let i = min(Int(position), heat.count - 2)
        let a = rgb(heat[i]), b = rgb(heat[i + 1])
        let f = position - Double(i)
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return hex(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b))
    }

    /// The text colour with the better contrast on a fill: black or white (black rather than `text`, so that
    /// every shade of the heat scale reaches 4.5:1 with one of the two).
    public static func textColor(on fill: String) -> String {
        contrast("#000000", fill) >= contrast("#ffffff", fill) ? "#000000" : "#ffffff"
    }

    /// The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21.
    public static func contrast(_ a: String, _ b: String) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ color: String) -> Double {
        let c = rgb(color)
        func channel(_ v: Double) -> Double {
            let s = v / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    static func rgb(_ color: String) -> (r: Double, g: Double, b: Double) {
        let digits = color.hasPrefix("#") ? String(color.dropFirst()) : color
        let value = UInt32(digits, radix: 16) ?? 0
        return (Double((value >> 16) & 0xff), Double((value >> 8) & 0xff), Double(value & 0xff))
    }

    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        "#" + [r, g, b].map { v in
            let s = String(min(255, max(0, v)), radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
