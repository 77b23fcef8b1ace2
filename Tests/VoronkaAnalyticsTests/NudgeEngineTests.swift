import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

/// The nudge rules with a controlled clock: each fires exactly when due, not before, under one key per period, and
/// stops when the record is acted on. Stage 6 expects 14 days, stage 8 none, stage 13 is postponed (see `Fixture`).
@Suite("Nudge rules")
struct NudgeEngineTests {
    /// Head 5; rep 10 reports to manager 9; rep 6 reports to the head.
    static func people(active: Set<Int64> = [5, 6, 9, 10]) -> NudgePeople { NudgePeople(active: active, heads: [5]) }

    static func fixture(_ build: (inout Fixture) -> Void) -> Fixture {
        var f = Fixture()
        f.users += [User(id: 9, name: "Manager", email: "m@x.ru", role: .accountManager),
                    User(id: 10, name: "Rep 10", email: "r10@x.ru", role: .salesRep, managerID: 9)]
        build(&f)
        return f
    }

    static func run(_ s: Snapshot, at day: Double, settings: NudgeSettings = NudgeSettings(), people: NudgePeople = people(),
                    scope: NudgeScope = .everything) -> [NudgeCandidate] {
        NudgeEngine.evaluate(s, settings: settings, people: people, now: Fixture.at(day), scope: scope)
    }

    static func activity(_ seq: Int64, _ id: Int64, deal: Int64, kind: ActivityKind, doneDay: Double?, at day: Double) -> JournalEntry {
        var values: [(String, FieldValue)] = [("kind", .text(kind.rawValue)), ("deal_id", .int(deal))]
        if let doneDay { values.append(("done_at", .time(Fixture.at(doneDay)))) }
        return SnapshotBuilderTests.entry(seq, day, .activity, id, .create, values)
    }

    @Test("A stalled deal: the owner when the stage's days pass, their manager 7 days later, the head 14 days later; one key per period")
    func stalledEscalates() {
        // setup: deal 1 of rep 10 in stage 6 (14 days expected) since day 0
        let s = Self.fixture { $0.deal(1, created: Fixture.at(0), owner: 10) }.snapshot()
        // MUT / validation: not before day 14, then owner; manager after day 21; head after day 28
        #expect(Self.run(s, at: 13.9).filter { $0.rule == .stalled }.isEmpty)
        let first = Self.run(s, at: 14.1).filter { $0.rule == .stalled }
        #expect(first.map(\.userID) == [10])
        #expect(first.first?.level == 0)
        #expect(first.first?.dueAt == Fixture.at(14))
        #expect(first.first?.reason.ru.contains("14 дн.") == true)
        #expect(Self.run(s, at: 14.9).filter { $0.rule == .stalled }.map(\.key) == first.map(\.key))
        #expect(Self.run(s, at: 21.1).filter { $0.rule == .stalled }.map(\.userID) == [10, 9])
        let all = Self.run(s, at: 28.1).filter { $0.rule == .stalled }
        #expect(all.map(\.userID) == [10, 9, 5])
        #expect(all.map(\.level) == [0, 1, 2])
        #expect(all[2].urgency > all[1].urgency && all[1].urgency > all[0].urgency)
    }

    @Test("A call logged restarts the stalled clock; an unrelated edit does not")
    func stalledClock() {
        // setup: deal 1 in stage 6 since day 0; a call done on day 10; deal 2 the same, edited (title) on day 12
        var b = SnapshotBuilder(snapshot: Self.fixture {
            $0.deal(1, created: Fixture.at(0), owner: 10)
            $0.deal(2, created: Fixture.at(0), owner: 10)
        }.snapshot(), pending: PendingLinks())
        b.apply(Self.activity(2, 50, deal: 1, kind: .call, doneDay: 10, at: 10))
        b.apply(SnapshotBuilderTests.entry(3, 12, .deal, 2, .update, [("title", .text("Renamed"))]))
        let before = Self.run(Self.fixture { $0.deal(2, created: Fixture.at(0), owner: 10) }.snapshot(), at: 14.1)
        // MUT
        let found = Self.run(b.snapshot, at: 14.1).filter { $0.rule == .stalled }
        // validation: deal 1 is not stalled until day 24; deal 2 is, under the same key as without the edit
        #expect(found.map(\.entityID) == [2])
        #expect(found.map(\.key) == before.filter { $0.rule == .stalled }.map(\.key))
        #expect(Self.run(b.snapshot, at: 23.9).filter { $0.rule == .stalled && $0.entityID == 1 }.isEmpty)
        let later = Self.run(b.snapshot, at: 24.1).filter { $0.rule == .stalled && $0.entityID == 1 }
        #expect(later.count == 1)
        #expect(later.first?.dueAt == Fixture.at(24))
        #expect(later.first?.reason.en.contains("since the last call") == true)
    }

    @Test("A call planned but not done moves nothing until it is done")
    func plannedCall() {
        // setup: a call on deal 1 planned on day 5 (no done_at), done on day 10 by an update naming only done_at
        var b = SnapshotBuilder(snapshot: Self.fixture { $0.deal(1, created: Fixture.at(0), owner: 10) }.snapshot(), pending: PendingLinks())
        b.apply(Self.activity(2, 50, deal: 1, kind: .call, doneDay: nil, at: 5))
        #expect(Self.run(b.snapshot, at: 14.1).filter { $0.rule == .stalled }.count == 1)
        // MUT
        b.apply(SnapshotBuilderTests.entry(3, 10, .activity, 50, .update, [("done_at", .time(Fixture.at(10)))]))
        // validation
        #expect(Self.run(b.snapshot, at: 14.1).filter { $0.rule == .stalled }.isEmpty)
        // a note is not a contact
        b.apply(Self.activity(4, 51, deal: 1, kind: .note, doneDay: 20, at: 20))
        #expect(Self.run(b.snapshot, at: 24.1).filter { $0.rule == .stalled }.count == 1)
    }

    @Test("A changed threshold applies to old deals at once; a rule switched off finds nothing")
    func settingsApply() {
        let s = Self.fixture { $0.deal(1, created: Fixture.at(0), owner: 10) }.snapshot()
        var settings = NudgeSettings()
        #expect(Self.run(s, at: 17.5, settings: settings).filter { $0.rule == .stalled }.map(\.userID) == [10])
        // MUT
        settings.stalled.managerAfterDays = 3
        // validation
        #expect(Self.run(s, at: 17.5, settings: settings).filter { $0.rule == .stalled }.map(\.userID) == [10, 9])
        settings.stalled.managerAfterDays = nil
        #expect(Self.run(s, at: 27.5, settings: settings).filter { $0.rule == .stalled }.map(\.userID) == [10])
        settings.stalled.enabled = false
        settings.stale.enabled = false
        #expect(Self.run(s, at: 100, settings: settings).filter { $0.entity == .deal }.isEmpty)
    }

    @Test("A postponed deal: on its date, then every 30 days; a call logged since it came due is the check-in")
    func postponed() {
        // setup: deal 1 postponed on day 5 until 2024-01-21 (day 20); deal 2 postponed on day 5 with no date
        var b = SnapshotBuilder(snapshot: Self.fixture {
            $0.deal(1, created: Fixture.at(0), path: [(13, Fixture.at(5))], owner: 10) { $0.postponedUntil = Day(year: 2024, month: 1, day: 21) }
            $0.deal(2, created: Fixture.at(0), path: [(13, Fixture.at(5))], owner: 6)
        }.snapshot(), pending: PendingLinks())
        b.apply(SnapshotBuilderTests.entry(2, 5, .deal, 1, .update, [("postponed_until", .day(Day(year: 2024, month: 1, day: 21)!))]))
        let s = b.snapshot
        // MUT / validation
        #expect(Self.run(s, at: 19.9).filter { $0.rule == .postponed }.isEmpty)
        let due = Self.run(s, at: 20.1).filter { $0.rule == .postponed }
        #expect(due.map(\.entityID) == [1])
        #expect(due.first?.dueAt == Fixture.at(20))
        #expect(due.first?.reason.ru.contains("21 января 2024") == true)
        let later = Self.run(s, at: 50.5).filter { $0.rule == .postponed }
        #expect(later.map(\.entityID) == [1, 2])
        #expect(later.first?.dueAt == Fixture.at(50))
        #expect(later.first?.key != due.first?.key)
        #expect(later.last?.dueAt == Fixture.at(35))
        b.apply(Self.activity(3, 60, deal: 1, kind: .email, doneDay: 51, at: 51))
        #expect(Self.run(b.snapshot, at: 52).filter { $0.rule == .postponed }.map(\.entityID) == [2])
    }

    @Test("An untouched deal: stale after 14 days of no change; an edit restarts it; a stalled deal is not also stale")
    func stale() {
        // setup: deal 1 in stage 8 (no expected days and no history: never stalled), created day 0, edited day 10
        var f = Self.fixture { $0.deal(1, created: Fixture.at(0), path: [(8, Fixture.at(0))], owner: 6) }
        let untouched = Self.run(f.snapshot(), at: 14.1).filter { $0.rule == .stale }
        #expect(untouched.map(\.entityID) == [1])
        #expect(untouched.first?.dueAt == Fixture.at(14))
        // MUT
        f.updated[1] = Fixture.at(10)
        // validation
        #expect(Self.run(f.snapshot(), at: 14.1).filter { $0.rule == .stale }.isEmpty)
        #expect(Self.run(f.snapshot(), at: 24.1).filter { $0.rule == .stale }.map(\.dueAt) == [Fixture.at(24)])
        let stalled = Self.fixture { $0.deal(2, created: Fixture.at(0), owner: 6) }.snapshot()
        #expect(Self.run(stalled, at: 20).map(\.rule) == [.stalled])
    }

    @Test("A lead not answered: its owner after the target, their manager later; nobody once it is answered; every rep (else the heads) when it has no owner")
    func leadResponse() {
        // setup: lead 1 of rep 10 received on day 100; lead 2 answered; lead 3 without an owner; lead 4 two months old
        let s = Self.fixture {
            $0.lead(1, at: Fixture.at(100), owner: 10)
            $0.lead(2, at: Fixture.at(100), owner: 10, responded: Fixture.at(100.05))
            $0.lead(3, at: Fixture.at(100), owner: nil)
            $0.lead(4, at: Fixture.at(40), owner: 10)
        }.snapshot()
        func leads(_ hours: Double) -> [NudgeCandidate] { Self.run(s, at: 100 + hours / 24).filter { $0.rule == .leadResponse } }
        // MUT / validation
        #expect(leads(3.9).isEmpty)
        #expect(leads(4.1).map { "\($0.entityID):\($0.userID)" } == ["1:10", "3:5"])
        #expect(leads(4.1).last?.reason.en.contains("Nobody owns the lead") == true)
        let withReps = NudgeEngine.evaluate(s, settings: NudgeSettings(), people: NudgePeople(active: [5, 6, 9, 10], heads: [5], reps: [6, 10]),
                                            now: Fixture.at(100 + 4.1 / 24)).filter { $0.rule == .leadResponse && $0.entityID == 3 }
        #expect(withReps.map(\.userID) == [6, 10], "a lead nobody owns is offered to every rep")
        #expect(leads(8.1).map { "\($0.entityID):\($0.userID):\($0.level)" } == ["1:10:0", "1:9:1", "3:5:0"])
    }

    @Test("A yearly buyer: its owner is told 30 days before the first day of the month it buys in")
    func yearlyBuyer() {
        // setup: company 100 (owner 6) won deals in March 2023 and March 2024
        let s = Self.fixture {
            $0.deal(1, created: Fixture.date(2023, 2, 1), path: [(11, Fixture.date(2023, 3, 10))], company: 100)
            $0.deal(2, created: Fixture.date(2024, 2, 1), path: [(11, Fixture.date(2024, 3, 12))], company: 100)
        }.snapshot()
        func at(_ date: Date) -> [NudgeCandidate] {
            NudgeEngine.evaluate(s, settings: NudgeSettings(), people: Self.people(), now: date).filter { $0.rule == .yearlyBuyer }
        }
        // MUT / validation: 2025-03-01 − 30 days = 2025-01-30
        #expect(at(Fixture.date(2025, 1, 29)).isEmpty)
        let due = at(Fixture.date(2025, 1, 30))
        #expect(due.map(\.entityID) == [100])
        #expect(due.map(\.userID) == [6])
        #expect(due.first?.reason.ru.contains("марта") == true)
        #expect(due.first?.key.contains("2025-03-01") == true)
    }

    @Test("An inactive owner's nudges go to the first active manager above, else the heads; a scope evaluates only its records")
    func recipientsAndScope() {
        let s = Self.fixture {
            $0.deal(1, created: Fixture.at(0), owner: 10)
            $0.deal(2, created: Fixture.at(0), owner: 6)
        }.snapshot()
        // MUT / validation
        #expect(Self.run(s, at: 14.1, people: Self.people(active: [5, 6, 9])).filter { $0.entityID == 1 }.map(\.userID) == [9])
        #expect(Self.run(s, at: 14.1, people: Self.people(active: [5, 6])).filter { $0.entityID == 1 }.map(\.userID) == [5])
        let scoped = Self.run(s, at: 14.1, scope: NudgeScope(deals: [2], leads: [], companies: []))
        #expect(scoped.map(\.entityID) == [2])
        #expect(NudgeScope(deals: [2], leads: [], companies: []).contains(.deal, 1) == false)
        #expect(NudgeScope.everything.contains(.deal, 1))
    }

    @Test("A deal the control report flags nudges its owner with what is wrong; what is fixed in part is told again; a closed or other-scope deal is not")
    func qualification() {
        // setup: deal 1 open (owner 10), deal 2 won, deal 3 open (owner 6)
        let s = Self.fixture {
            $0.deal(1, created: Fixture.at(0), owner: 10)
            $0.deal(2, created: Fixture.at(0), path: [(11, Fixture.at(5))], owner: 10)
            $0.deal(3, created: Fixture.at(0), owner: 6)
        }.snapshot()
        var settings = NudgeSettings()
        settings.stalled.enabled = false
        settings.stale.enabled = false
        func run(_ flags: [Int64: QualificationFlags], scope: NudgeScope = .everything) -> [NudgeCandidate] {
            NudgeEngine.evaluate(s, settings: settings, people: Self.people(), now: Fixture.at(10), scope: scope, qualification: flags)
        }
        // MUT
        let both = run([1: [.unqualified, .belowMinimum], 2: [.unqualified], 3: []])
        let part = run([1: [.belowMinimum]])
        let scoped = run([1: [.unqualified], 3: [.uncontrolled]], scope: NudgeScope(deals: [3], leads: [], companies: []))
        // validation
        #expect(both.map(\.entityID) == [1] && both.first?.userID == 10)
        #expect(both.first?.reason.en.hasPrefix("Past the first meeting without qualification") == true)
        #expect(both.first?.reason.ru.contains("ниже минимума") == true)
        #expect(part.first?.key != both.first?.key && part.first?.reason.en.hasPrefix("The expected profit") == true)
        #expect(scoped.map(\.entityID) == [3] && scoped.first?.userID == 6)
        settings.qualification.enabled = false
        #expect(run([1: [.unqualified]]).isEmpty)
    }

    @Test("Settings read from JSON name the path of a problem; an escalation set to null is off")
    func settingsJSON() throws {
        let parsed = try NudgeSettings(json: .object(["stalled": .object(["manager_after_days": .null, "head_after_days": .number(3)]),
                                                      "lead_response": .object(["target_hours": .number(2)])]))
        #expect(parsed.stalled.managerAfterDays == nil)
        #expect(parsed.stalled.headAfterDays == 3)
        #expect(parsed.leadResponse.targetHours == 2)
        #expect(try NudgeSettings(json: parsed.json) == parsed)
        #expect(throws: FieldError.self) { try NudgeSettings(json: .object(["stale": .object(["days": .number(0)])])) }
        do { _ = try NudgeSettings(json: .object(["stalled": .object(["manager_after_dayz": .number(1)])])) } catch {
            #expect(error.field == "stalled.manager_after_dayz")
        }
    }
}
