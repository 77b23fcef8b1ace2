import Foundation
import Testing

/// No `!` that a request, a file or a setting can reach: one `as_of=0001-01-01` once killed the server through a
/// force-unwrap. Every force-unwrap, `try!` and `as!` in `Sources` fails this test unless the allow-list names it.
@Suite("Source rules")
struct ForceUnwrapTests {
    /// Places where a `!` stays, each with why nothing from outside can make it fail. Keep this list short.
    static let allowed: [(path: String, contains: String, why: String)] = [
        // Migrations are frozen once landed (never edited); their database is always FluentKit's SQL driver, and they
        // read only rows they wrote themselves.
        ("Sources/VoronkaStore/Migrations/", "", "frozen migrations over Fluent's SQL drivers"),
        // The demo generator makes its own values from a seed; no request, file or setting shapes these two.
        ("Sources/VoronkaDemo/DemoRecords.swift", "template.index(forKey: $0)!", "every name was inserted into template just before"),
        ("Sources/VoronkaDemo/DemoLeads.swift", "let c = company!", "a lead that becomes a deal always has its company set above"),
    ]

    static var sourcesURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    @Test("No force-unwrap, try! or as! in Sources outside the allow-list")
    func noForceUnwraps() throws {
        // setup
        let root = Self.sourcesURL
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 100, "found the sources at \(root.path)")
        // action
        var found: [String] = []
        for file in files {
            let relative = "Sources/" + file.path.dropFirst(root.path.count + 1)
            // Test support is test code: it builds fixtures and may stop a test at once.
            if relative.hasPrefix("Sources/VoronkaTestSupport/") { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in Self.codeLines(text) where Self.hasForceUnwrap(line) {
                let ok = Self.allowed.contains { relative.hasPrefix($0.path) && (($0.contains.isEmpty) || line.contains($0.contains)) }
                if !ok { found.append("\(relative):\(number): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        // check
        #expect(found.isEmpty, "force-unwraps:\n\(found.joined(separator: "\n"))")
    }

    @Test("The check sees force-unwraps and not negations, inequalities, strings or comments")
    func detector() {
        // setup / action / check
        for line in ["let a = b!", "x!.count", "try! f()", "y as! Z", "d[k]!.v", "f()!", "o?.p!"] {
            #expect(Self.hasForceUnwrap(Self.codeLines(line)[0].1), "\(line)")
        }
        for line in ["if !a { }", "a != b", "a!=b", "let s = \"Hi!\"", "x // wow!", "f(!flag)", "[!a, !b]"] {
            #expect(!Self.hasForceUnwrap(Self.codeLines(line)[0].1), "\(line)")
        }
        // a multi-line string is text, not code
        #expect(Self.codeLines("let s = \"\"\"\nHi there!\n\"\"\"").allSatisfy { !Self.hasForceUnwrap($0.1) })
    }

    /// The lines of a file with string literals and comments blanked out, numbered from 1.
    static func codeLines(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var inMultiline = false
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            if raw.components(separatedBy: "\"\"\"").count % 2 == 0 {
                inMultiline.toggle()
                out.append((i + 1, "")); continue
            }
            if inMultiline { out.append((i + 1, "")); continue }
            var code = ""
            var inString = false
            var escaped = false
            var previous: Character = " "
            for c in raw {
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                    previous = c; continue
                }
                if c == "\"" { inString = true; code.append(" "); previous = c; continue }
                if c == "/", previous == "/" { code.removeLast(); break }
                code.append(c); previous = c
            }
            out.append((i + 1, code))
        }
        return out
    }

    /// A `!` right after a name, `)`, `]` or `?`, and not the start of `!=`.
    static func hasForceUnwrap(_ code: String) -> Bool {
        let chars = Array(code)
        for i in chars.indices where chars[i] == "!" && i > 0 {
            let before = chars[i - 1]
            let after: Character = i + 1 < chars.count ? chars[i + 1] : " "
            if after == "=" { continue }
            if before.isLetter || before.isNumber || before == "_" || before == ")" || before == "]" || before == "?" { return true }
        }
        return false
    }
}
