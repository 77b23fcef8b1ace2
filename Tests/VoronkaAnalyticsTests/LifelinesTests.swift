import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

/// Voronka's Kaplan–Meier estimate against an independent implementation, `lifelines.KaplanMeierFitter` (PyPI), run by
/// `scripts/km_lifelines.py` on the same observations. `scripts/test` installs lifelines and sets
/// `VORONKA_REQUIRE_PYTHON_REFERENCES=1`, so that a missing Python or lifelines fails there; a plain `swift test`
/// without them skips these tests.
@Suite("Kaplan–Meier against lifelines", .enabled(if: LifelinesReference.runnable, LifelinesReference.skipReason))
struct LifelinesTests {
    /// One generated case: its leads as a fixture and the observations (day, event) worked out from the generated times.
    struct Case: CustomTestStringConvertible {
        var name: String
        var leads: Int
        var winShare: Double
        var closedShare: Double
        /// Wins after whole days only (many ties), or at any second.
        var wholeDays: Bool
        var maxDays: Int
        var seed: UInt64
        var testDescription: String { "\(name): \(leads) leads, seed \(seed)" }
    }

    static let cases: [Case] = [
        Case(name: "one won lead", leads: 1, winShare: 1, closedShare: 0, wholeDays: false, maxDays: 30, seed: 1),
        Case(name: "one open lead", leads: 1, winShare: 0, closedShare: 0, wholeDays: false, maxDays: 30, seed: 2),
        Case(name: "ties", leads: 60, winShare: 0.6, closedShare: 0.2, wholeDays: true, maxDays: 6, seed: 3),
        Case(name: "heavy censoring", leads: 800, winShare: 0.04, closedShare: 0.5, wholeDays: false, maxDays: 200, seed: 4),
        Case(name: "mixed", leads: 3_000, winShare: 0.3, closedShare: 0.3, wholeDays: false, maxDays: 120, seed: 5),
        Case(name: "large with ties", leads: 20_000, winShare: 0.25, closedShare: 0.4, wholeDays: true, maxDays: 365, seed: 6),
    ]

    static let asOfDay = 400.0

    /// Leads arriving over 430 days (the last 30 after the as-of date, so left out), at whole seconds. A won lead's deal
    /// is won some days later; a closed one is junked or its deal lost; the rest stay open. Wins and closes may fall
    /// after the as-of date.
    static func generate(_ c: Case, unwon: UnwonLeadHandling) -> (fixture: Fixture, observations: [(day: Int, event: Int)]) {
        var rng = Seeded(c.seed)
        var f = Fixture()
        var observations: [(day: Int, event: Int)] = []
        let asOf = Fixture.start + asOfDay * 86_400
        for i in 0..<c.leads {
            let id = Int64(i + 1)
            let arrival = (Fixture.start + Double(rng.below(430 * 86_400))).rounded(.down)
            let span = c.wholeDays ? Double(rng.below(c.maxDays + 1)) * 86_400 : Double(rng.below(c.maxDays * 86_400))
            let at = Date(timeIntervalSince1970: arrival), end = arrival + span
            let age = Int(((asOf - arrival) / 86_400).rounded(.down))
            let roll = rng.unit()
            if roll < c.winShare {
                f.wonLead(id, at: at, afterDays: span / 86_400)
                if arrival <= asOf { observations.append(end <= asOf ? (Int((span / 86_400).rounded(.down)), 1) : (age, 0)) }
            } else if roll < c.winShare + c.closedShare {
                if rng.chance(0.5) {
                    f.lead(id, at: at, path: [(5, Date(timeIntervalSince1970: end))], outcome: .junk)
                } else {
                    let created = arrival + span / 2
                    f.lead(id, at: at, path: [(3, Date(timeIntervalSince1970: created))], outcome: .deal, deal: id)
                    f.deal(id, created: Date(timeIntervalSince1970: created), path: [(12, Date(timeIntervalSince1970: end))], lead: id)
                }
                guard arrival <= asOf else { continue }
                let closedDay = Int(((end - arrival) / 86_400).rounded(.down))
                observations.append((unwon == .censoredAtClose && end <= asOf ? closedDay : age, 0))
            } else {
                f.lead(id, at: at)
                if arrival <= asOf { observations.append((age, 0)) }
            }
        }
        return (f, observations)
    }

    @Test("Cumulative conversion equals lifelines' 1 − S(t) within 1e-9 at every day with a win",
          arguments: cases, UnwonLeadHandling.allCases)
    func matchesLifelines(_ c: Case, unwon: UnwonLeadHandling) throws {
        // setup
        guard LifelinesReference.available else {
            Issue.record("VORONKA_REQUIRE_PYTHON_REFERENCES is set but \(LifelinesReference.skipReason)")
            return
        }
        let (fixture, observations) = Self.generate(c, unwon: unwon)
        let scope = Scope(fixture.snapshot(), .all, asOf: Fixture.at(Self.asOfDay))
        // MUT
        let counts = Metrics.dailyCounts(scope, unwon: unwon)
        let ours = Metrics.productLimit(events: counts.events, censored: counts.censored, total: counts.total)
        let theirs = try LifelinesReference.curve(observations)
        // validation
        #expect(counts.total == observations.count)
        #expect(ours.map(\.day) == theirs.map(\.day))
        #expect(ours.map(\.atRisk) == theirs.map(\.atRisk))
        #expect(ours.map(\.events) == theirs.map(\.events))
        for (a, b) in zip(ours, theirs) {
            #expect(abs(a.conversion - b.conversion) <= 1e-9, "day \(a.day): \(a.conversion) against lifelines \(b.conversion)")
        }
        #expect(ours.isEmpty == !observations.contains { $0.event == 1 })
    }
}

/// Runs `scripts/km_lifelines.py` with `python3`.
enum LifelinesReference {
    static let required = ProcessInfo.processInfo.environment["VORONKA_REQUIRE_PYTHON_REFERENCES"] == "1"
    static let available = run(["-c", "import lifelines"]).status == 0
    static let runnable = available || required
    static let skipReason: Comment = "python3 with lifelines is not available (pip install lifelines; scripts/test installs it)"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/km_lifelines.py").path

    struct Point { var day: Int; var atRisk: Int; var events: Int; var conversion: Double }

    static func curve(_ observations: [(day: Int, event: Int)]) throws -> [Point] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("km-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: input) }
        let text = "day,event\n" + observations.map { "\($0.day),\($0.event)\n" }.joined()
        try text.write(to: input, atomically: true, encoding: .utf8)
        let result = run([script, input.path])
        guard result.status == 0 else { throw ReferenceError(message: "km_lifelines.py exited \(result.status): \(result.error)") }
        return result.output.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",")
            return Point(day: Int(f[0])!, atRisk: Int(f[1])!, events: Int(f[2])!, conversion: Double(f[3])!)
        }
    }

    struct ReferenceError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    static func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}
