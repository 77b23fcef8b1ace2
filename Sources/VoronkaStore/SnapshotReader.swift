import Foundation
import VoronkaAnalytics
import VoronkaCore

/// Reads the analytics snapshot straight from table columns: only the columns the snapshot keeps, one scan per table,
/// each row handed to a `SnapshotLoader` as it is read (no `Record`, no entity value, no array of rows), and the stage
/// entries, read at the same time on a second connection, from the journal's narrow covering index (M0006) instead of
/// its 5 GB of entries.
public enum SnapshotReader {
    /// Holds the loader while a scan feeds it; rows arrive one at a time, in order.
    private final class Load: @unchecked Sendable {
        var loader: SnapshotLoader
        var lastSeq: Int64 = 0
        /// Read on a second thread, handed to the loader at the end.
        var leadEntries = StageEntries(), dealEntries = StageEntries()
        init(lastSeq: Int64) { loader = SnapshotLoader(lastSeq: lastSeq) }
    }

    /// The snapshot as of the journal's last entry when the read began (on SQLite, every table is read in the same
    /// transaction; on PostgreSQL, entries written meanwhile are applied again by catching up, and skipped if seen).
    public static func load(_ store: SQLStore) async throws -> SnapshotBuilder {
        let load = Load(lastSeq: 0)
        // Room for the rows, from the largest ids (the last entry of each table's b-tree): a COUNT(*) walked a million
        // rows twice on the readers' connections before the scan began.
        let leadCount = try await store.maxID(.lead), dealCount = try await store.maxID(.deal)
        try await store.scan([
            ScanStep("SELECT MAX(seq) FROM journal") { r in
                load.lastSeq = r.int(0) ?? 0
                load.loader = SnapshotLoader(lastSeq: load.lastSeq)
                load.loader.reserve(leads: leadCount, deals: dealCount)
            },
            ScanStep("SELECT id, manager_id FROM users WHERE deleted_at IS NULL ORDER BY id") { r in
                load.loader.user(id: r.int(0) ?? 0, managerID: r.int(1))
            },
            ScanStep("SELECT id, segment, owner_id FROM companies WHERE deleted_at IS NULL ORDER BY id") { r in
                load.loader.company(id: r.int(0) ?? 0, segment: r.text(1), ownerID: r.int(2))
            },
            ScanStep("""
                SELECT id, pipeline_id, position, kind, probability, expected_days FROM stages WHERE deleted_at IS NULL ORDER BY id
                """) { r in
                load.loader.stage(id: r.int(0) ?? 0, pipelineID: r.int(1) ?? 0, position: r.int(2) ?? 0,
                                  kind: r.text(3).flatMap(StageKind.init(rawValue:)) ?? .open, probability: r.int(4) ?? 0,
                                  expectedDays: r.int(5))
            },
            ScanStep("SELECT id, channel_group, merged_into_id FROM channels ORDER BY id") { r in
                load.loader.channel(id: r.int(0) ?? 0, group: r.text(1).flatMap(ChannelGroup.init(rawValue:)) ?? .other,
                                    mergedIntoID: r.int(2))
            },
            ScanStep("""
                SELECT id, received_at, source, owner_id, company_id, referrer_company_id, pipeline_id, stage_id, outcome,
                       first_response_at, deal_id, channel_id FROM leads WHERE deleted_at IS NULL ORDER BY id
                """) { r in
                load.loader.lead(.init(
                    id: r.int(0) ?? 0, receivedAt: r.time(1) ?? 0, source: r.text(2).flatMap(LeadSource.init(rawValue:)) ?? .webForm,
                    channelID: r.int(11), ownerID: r.int(3), companyID: r.int(4), referrerCompanyID: r.int(5), pipelineID: r.int(6) ?? 0,
                    stageID: r.int(7) ?? 0, outcome: r.text(8).flatMap(LeadOutcome.init(rawValue:)), firstResponseAt: r.time(9),
                    dealID: r.int(10)))
            },
            ScanStep("""
                SELECT id, created_at, updated_at, stage_entered_at, closed_at, owner_id, pipeline_id, stage_id, company_id, lead_id,
                       amount, currency, probability_override, expected_close, deadline, referral, contact_ids, need_described,
                       budget_status, postponed_until FROM deals WHERE deleted_at IS NULL ORDER BY id
                """) { r in
                load.loader.deal(.init(
                    id: r.int(0) ?? 0, createdAt: r.time(1), updatedAt: r.time(2), stageEnteredAt: r.time(3), closedAt: r.time(4),
                    ownerID: r.int(5), pipelineID: r.int(6) ?? 0, stageID: r.int(7) ?? 0, companyID: r.int(8) ?? 0, leadID: r.int(9),
                    amount: r.int(10) ?? 0, currency: r.text(11) ?? "RUB", probabilityOverride: r.int(12),
                    expectedClose: r.text(13).flatMap(Day.init), deadline: r.text(14).flatMap(Day.init), referral: r.bool(15) ?? false,
                    hasContact: hasIDs(r.text(16)), needDescribed: r.bool(17) == true,
                    budgetKnown: (r.text(18).flatMap(BudgetStatus.init(rawValue:)) ?? .unknown) != .unknown,
                    postponedUntil: r.text(19).flatMap(Day.init)))
            },
            // The latest contact logged on each deal, and the contacts not yet done (the nudge rules' clock).
            ScanStep("""
                SELECT deal_id, MAX(done_at) FROM activities WHERE deal_id IS NOT NULL AND done_at IS NOT NULL AND deleted_at IS NULL
                AND kind IN ('call', 'meeting', 'email') GROUP BY deal_id
                """) { r in
                guard let deal = r.int(0), let at = r.time(1) else { return }
                load.loader.contact(dealID: deal, at: at)
            },
            ScanStep("""
                SELECT id, deal_id FROM activities WHERE deal_id IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL
                AND kind IN ('call', 'meeting', 'email')
                """) { r in
                guard let id = r.int(0), let deal = r.int(1) else { return }
                load.loader.openContact(activityID: id, dealID: deal)
            },
        ]) {
            // The stage entries up to the same journal position, read meanwhile on a second connection, from the
            // covering index journal_stage_entries (M0006) alone: no entry is read.
            let last = load.lastSeq
            return [
                ScanStep("""
                    SELECT entity_id, stage_id, at FROM journal WHERE stage_id IS NOT NULL AND entity = 'lead' AND seq <= \(last)
                    ORDER BY entity, entity_id, seq
                    """) { r in
                    guard let id = r.int(0), let stage = r.int(1), let at = r.time(2) else { return }
                    load.leadEntries.append(id, stage, at)
                },
                ScanStep("""
                    SELECT entity_id, stage_id, at FROM journal WHERE stage_id IS NOT NULL AND entity = 'deal' AND seq <= \(last)
                    ORDER BY entity, entity_id, seq
                    """) { r in
                    guard let id = r.int(0), let stage = r.int(1), let at = r.time(2) else { return }
                    load.dealEntries.append(id, stage, at)
                },
            ]
        }
        var loader = SnapshotLoader(lastSeq: 0), leads = StageEntries(), deals = StageEntries()
        swap(&loader, &load.loader)
        swap(&leads, &load.leadEntries)
        swap(&deals, &load.dealEntries)
        loader.entered(leads: leads, deals: deals)
        return loader.finish()
    }

    /// The snapshot from the journal alone, every entry applied in order: slow, and the reference the column read is
    /// checked against.
    public static func replay(_ store: SQLStore) async throws -> SnapshotBuilder {
        var builder = SnapshotBuilder()
        while true {
            let entries = try await store.journal(after: builder.snapshot.lastSeq, limit: 5000)
            builder.apply(entries)
            if entries.count < 5000 { return builder }
        }
    }

    /// Whether a JSON array of ids (`contact_ids`) holds any id, as `Record.ids` reads it; a plain list of whole
    /// numbers is answered without parsing.
    static func hasIDs(_ text: String?) -> Bool {
        guard let text, text != "[]" else { return false }
        var digit = false, plain = true
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: " "): break
            default: plain = false
            }
        }
        if plain { return digit }
        guard case .array(let items)? = JSONValue.parse(text) else { return false }
        return items.contains { if case .number(let n) = $0 { Int64(exactly: n) != nil } else { false } }
    }
}
