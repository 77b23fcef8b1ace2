import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Web forms change records through the same rules as the API")
struct WebActionTests {
    @Test("Deciding a lead against the suggestion needs a reason; with one, the lead changes and the journal says who", arguments: TestDatabase.backends)
    func triage(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/leads")
            let triaged = try await client.post("/leads/\(records.lead)/triage", [:])
            let triagedLead = try #require(try await app.services.store.fetch(.lead, records.lead))
            let suggested = try #require(Lead(record: triagedLead).triage.flatMap {
                if case .object(let o) = $0, case .string(let s)? = o["suggested"] { LeadOutcome(rawValue: s) } else { nil }
            })
            let other: LeadOutcome = suggested == .junk ? .nurture : .junk
            _ = try await client.get("/leads")
            let seq = try await app.services.store.lastJournalSeq()
            // MUT
            let withoutReason = try await client.post("/leads/\(records.lead)/\(other.rawValue)", ["reason": "  "])
            let seqAfterRefusal = try await app.services.store.lastJournalSeq()
            let decided = try await client.post("/leads/\(records.lead)/\(other.rawValue)", ["reason": "Asked twice, never answers"])
            // validation
            #expect(triaged.status == .seeOther)
            #expect(withoutReason.status == .unprocessableEntity)
            #expect(withoutReason.body.contains("lead-\(records.lead)-\(other.rawValue)-reason-error"))
            #expect(seqAfterRefusal == seq)
            #expect(decided.status == .seeOther)
            let lead = Lead(record: try #require(try await app.services.store.fetch(.lead, records.lead)))
            #expect(lead.outcome == other && lead.outcomeReason == "Asked twice, never answers")
            #expect(lead.firstResponseAt != nil)
            let entries = try await app.services.store.journal(of: .lead, records.lead).filter { $0.seq > seq }
            #expect(entries.contains { $0.actorID == app.users["rep1"] && $0.newValue(of: "outcome") == .text(other.rawValue) })
            let inbox = try await client.get("/leads")
            #expect(!inbox.body.contains("id=\"lead-\(records.lead)\""), "answered leads leave the inbox")
        }
    }

    @Test("A board move through the form journals a stage change; a gated stage refuses an unqualified deal and says why", arguments: TestDatabase.backends)
    func boardMove(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let deal = Deal(record: try #require(try await app.services.store.fetch(.deal, records.deal)))
            let stages = try await app.services.store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == deal.pipelineID }
                .sorted { $0.position < $1.position }
            let gated = try #require(stages.first { $0.requiresQualification })
            let postponed = try #require(stages.first { $0.kind == .postponed })
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/pipelines/\(deal.pipelineID)")
            // MUT
            let refused = try await client.post("/deals/\(records.deal)/move", ["stage_id": String(gated.id)])
            let stageAfterRefusal = try await app.services.store.fetch(.deal, records.deal)?.int("stage_id")
            let moved = try await client.post("/deals/\(records.deal)/move", ["stage_id": String(postponed.id), "postponed_until": "2027-01-15"])
            let page = try await client.get("/deals/\(records.deal)")
            // validation
            #expect(refused.status == .unprocessableEntity && refused.body.contains("move-refused"))
            #expect(refused.body.contains("need") || refused.body.contains("budget"))
            #expect(stageAfterRefusal == deal.stageID)
            #expect(moved.status == .seeOther)
            let entries = try await app.services.store.journal(of: .deal, records.deal)
            #expect(entries.last?.action == .stage && entries.last?.actorID == app.users["rep1"])
            #expect(entries.last?.newValue(of: "stage_id") == .int(postponed.id))
            #expect(page.body.contains("event-stage") && page.body.contains(postponed.name))
        }
    }

    @Test("A meeting protocol added on the deal page shows in its timeline; a task without a due time names the field")
    func addActivity() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/deals/\(records.deal)")
            let activities = try await app.services.store.count(.activity)
            // MUT
            let bad = try await client.post("/deals/\(records.deal)/activities", ["kind": "task", "subject": "Call back", "due_at": ""])
            let countAfterBad = try await app.services.store.count(.activity)
            let good = try await client.post("/deals/\(records.deal)/activities",
                                             ["kind": "meeting", "subject": "Kick-off", "body": "Agreed on the <b>boiler</b> size", "due_at": "2026-09-22T10:30"])
            let page = try await client.get("/deals/\(records.deal)")
            // validation
            #expect(bad.status == .unprocessableEntity && bad.body.contains("activity-due_at-error"))
            #expect(countAfterBad == activities)
            #expect(good.status == .seeOther)
            #expect(page.body.contains("event-protocol") && page.body.contains("Agreed on the &lt;b&gt;boiler&lt;/b&gt; size"))
        }
    }

    @Test("A deal edit with a bad amount re-renders the form naming the field, and changes nothing")
    func badEdit() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/deals/\(records.deal)")
            let before = try await app.services.store.fetch(.deal, records.deal)
            // MUT
            let page = try await client.post("/deals/\(records.deal)", ["title": "Boiler", "amount": "lots", "currency": "RUB", "budget_status": "unknown"])
            // validation
            #expect(page.status == .unprocessableEntity && page.body.contains("deal-edit-amount-error"))
            #expect(try await app.services.store.fetch(.deal, records.deal) == before)
        }
    }
}
