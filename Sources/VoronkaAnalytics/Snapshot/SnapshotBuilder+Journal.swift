import Foundation
import VoronkaCore

extension SnapshotBuilder {
    /// Applies one journal entry: a create inserts a fact, an update changes its fields, a stage change ends the open
    /// visit and starts a new one, a delete marks the fact deleted. O(1): no sorting, no rebuild.
    /// Entries at or below `lastSeq` are skipped (entries with `seq` 0, not yet stored, are always applied).
    public mutating func apply(_ entry: JournalEntry) {
        if entry.seq > 0 {
            guard entry.seq > snapshot.lastSeq else { return }
            snapshot.lastSeq = entry.seq
        }
        let t = entry.at.timeIntervalSince1970
        switch entry.entity {
        case .lead: applyLead(entry, at: t)
        case .deal: applyDeal(entry, at: t)
        case .stage: applyStage(entry)
        case .company: applyCompany(entry)
        case .user: applyUser(entry)
        case .pipeline: _ = snapshot.pipelines.slot(entry.entityID)
        case .channel: applyChannel(entry)
        case .activity: applyActivity(entry)
        default: break
        }
    }

    /// Applies entries in order.
    public mutating func apply<S: Sequence>(_ entries: S) where S.Element == JournalEntry {
        for entry in entries { apply(entry) }
    }

    private mutating func applyLead(_ entry: JournalEntry, at t: Double) {
        let l: Int
        if let slot = snapshot.leads.index[entry.entityID] {
            l = Int(slot)
        } else {
            guard entry.action != .delete else { return }
            let received = entry.newValue(of: "received_at")?.seconds ?? t
            l = Int(snapshot.leads.append(id: entry.entityID, receivedAt: received))
            pending.leadArrived(l, id: entry.entityID, in: &snapshot)
        }
        for change in entry.changes {
            let v = change.new
            switch change.field {
            case "received_at": snapshot.leads.receivedAt[l] = v.seconds ?? snapshot.leads.receivedAt[l]
            case "source": snapshot.leads.source[l] = v.text.flatMap(LeadSource.init(rawValue:)).map(Source.code) ?? 0
            case "channel_id": snapshot.leads.channel[l] = v.id.map { snapshot.channels.slot($0) } ?? -1
            case "referrer_company_id": snapshot.leads.referrer[l] = v.id.map { snapshot.companies.slot($0) } ?? -1
            case "company_id": snapshot.leads.company[l] = v.id.map { snapshot.companies.slot($0) } ?? -1
            case "owner_id": snapshot.leads.owner[l] = v.id.map { snapshot.users.slot($0) } ?? -1
            case "first_response_at": snapshot.leads.firstResponseAt[l] = v.seconds ?? .infinity
            case "pipeline_id": snapshot.leads.pipeline[l] = v.id.map { snapshot.pipelines.slot($0) } ?? -1
            case "stage_id": snapshot.leadEnters(l, stage: v.id.map { snapshot.stages.slot($0) } ?? -1, at: t)
            case "outcome": snapshot.leadOutcome(l, Outcome.code(v.text.flatMap(LeadOutcome.init(rawValue:))), at: t)
            case "deal_id": pending.setLeadDeal(l, v.id, in: &snapshot)
            case "deleted_at":
                let deleted = !v.isNull
                if deleted != snapshot.leads.deleted[l] { snapshot.leads.deletedCount += deleted ? 1 : -1 }
                snapshot.leads.deleted[l] = deleted
            default: break
            }
        }
    }

    private mutating func applyDeal(_ entry: JournalEntry, at t: Double) {
        let d: Int
        if let slot = snapshot.deals.index[entry.entityID] {
            d = Int(slot)
            snapshot.deals.updatedAt[d] = max(snapshot.deals.updatedAt[d], t)
        } else {
            guard entry.action != .delete else { return }
            let created = entry.newValue(of: "created_at")?.seconds ?? t
            d = Int(snapshot.deals.append(id: entry.entityID, createdAt: created))
            snapshot.deals.updatedAt[d] = t
            pending.dealArrived(d, id: entry.entityID, in: &snapshot)
        }
        for change in entry.changes {
            let v = change.new
            switch change.field {
            case "owner_id": snapshot.deals.owner[d] = v.id.map { snapshot.users.slot($0) } ?? -1
            case "pipeline_id": snapshot.deals.pipeline[d] = v.id.map { snapshot.pipelines.slot($0) } ?? -1
            case "stage_id":
                guard let id = v.id else { continue }
                let st = snapshot.stages.slot(id)
                snapshot.dealEnters(d, stage: st, at: t)
                let kind = snapshot.stages.kind[Int(st)]
                if kind == Kind.won || kind == Kind.lost {
                    if snapshot.deals.closedAt[d] == .infinity { snapshot.deals.closedAt[d] = t }
                } else {
                    snapshot.deals.closedAt[d] = .infinity
                }
            case "closed_at": snapshot.deals.closedAt[d] = v.seconds ?? .infinity
            case "amount": snapshot.deals.amount[d] = v.id ?? 0
            case "currency": snapshot.deals.currency[d] = UInt8(truncatingIfNeeded: snapshot.currencies.code(v.text ?? "RUB"))
            case "lead_id": pending.setDealLead(d, v.id, in: &snapshot)
            case "company_id": snapshot.deals.company[d] = v.id.map { snapshot.companies.slot($0) } ?? -1
            case "probability_override": snapshot.deals.probabilityOverride[d] = v.id.map { Int8(clamping: $0) } ?? -1
            case "expected_close": snapshot.deals.expectedClose[d] = v.dayNumber
            case "deadline": snapshot.deals.deadline[d] = v.dayNumber
            case "postponed_until": snapshot.deals.postponedUntil[d] = v.dayNumber
            case "referral": snapshot.deals.set(d, DealFacts.referral, v.flag == true)
            case "contact_ids": snapshot.deals.set(d, DealFacts.hasContact, v.hasItems)
            case "need_described": snapshot.deals.set(d, DealFacts.needDescribed, v.flag == true)
            case "budget_status": snapshot.deals.set(d, DealFacts.budgetKnown, (v.text ?? "unknown") != BudgetStatus.unknown.rawValue)
            case "created_at": snapshot.deals.createdAt[d] = v.seconds ?? snapshot.deals.createdAt[d]
            case "deleted_at":
                let deleted = !v.isNull
                if deleted != snapshot.deals.has(d, DealFacts.deleted) { snapshot.deals.deletedCount += deleted ? 1 : -1 }
                snapshot.deals.set(d, DealFacts.deleted, deleted)
            default: break
            }
        }
    }

    private mutating func applyStage(_ entry: JournalEntry) {
        let st = Int(snapshot.stages.slot(entry.entityID))
        for change in entry.changes {
            let v = change.new
            switch change.field {
            case "pipeline_id": snapshot.stages.pipeline[st] = v.id.map { snapshot.pipelines.slot($0) } ?? -1
            case "position": snapshot.stages.position[st] = Int32(clamping: v.id ?? 0)
            case "kind": snapshot.stages.kind[st] = Kind.code(v.text.flatMap(StageKind.init(rawValue:)) ?? .open)
            case "probability": snapshot.stages.probability[st] = Double(v.id ?? 0) / 100
            case "expected_days": snapshot.stages.expectedDays[st] = v.id.map { Int32(clamping: $0) } ?? -1
            case "deleted_at": snapshot.stages.deleted[st] = !v.isNull
            default: break
            }
        }
    }

    /// A call, meeting or e-mail on a deal logged as done moves the deal's last contact; one not yet done is remembered
    /// until it is. (A done activity deleted later, or a note turned into a call, counts as it was until the snapshot is built again.)
    private mutating func applyActivity(_ entry: JournalEntry) {
        guard entry.action != .delete else { openContacts[entry.entityID] = nil; return }
        var kind: String?, dealID: Int64?, doneAt: Double?
        for change in entry.changes {
            switch change.field {
            case "kind": kind = change.new.text
            case "deal_id": dealID = change.new.id
            case "done_at": doneAt = change.new.seconds
            default: break
            }
        }
        if entry.action == .create {
            guard let kind, Self.contactKinds.contains(kind), let dealID, let d = snapshot.deals.index[dealID] else { return }
            if let doneAt { snapshot.deals.lastContact[Int(d)] = max(snapshot.deals.lastContact[Int(d)], doneAt) } else { openContacts[entry.entityID] = d }
            return
        }
        // An update: a kind or deal changed away from a contact forgets it; done moves the deal it was remembered with.
        if let kind, !Self.contactKinds.contains(kind) { openContacts[entry.entityID] = nil; return }
        if dealID != nil || entry.changes.contains(where: { $0.field == "deal_id" }) {
            openContacts[entry.entityID] = dealID.flatMap { snapshot.deals.index[$0] }
        }
        guard let d = openContacts[entry.entityID] else { return }
        if let doneAt {
            snapshot.deals.lastContact[Int(d)] = max(snapshot.deals.lastContact[Int(d)], doneAt)
            openContacts[entry.entityID] = nil
        }
    }

    /// The activity kinds that count as a contact with the client.
    static let contactKinds: Set<String> = [ActivityKind.call.rawValue, ActivityKind.meeting.rawValue, ActivityKind.email.rawValue]

    private mutating func applyChannel(_ entry: JournalEntry) {
        let c = Int(snapshot.channels.slot(entry.entityID))
        for change in entry.changes {
            let v = change.new
            switch change.field {
            case "channel_group": snapshot.channels.group[c] = ChannelGroupCode.code(v.text.flatMap(ChannelGroup.init(rawValue:)) ?? .other)
            case "merged_into_id": snapshot.channels.mergedInto[c] = v.id.map { snapshot.channels.slot($0) } ?? -1
            case "deleted_at": snapshot.channels.deleted[c] = !v.isNull
            default: break
            }
        }
    }

    private mutating func applyCompany(_ entry: JournalEntry) {
        let c = Int(snapshot.companies.slot(entry.entityID))
        for change in entry.changes {
            let v = change.new
            switch change.field {
            case "segment": snapshot.companies.segment[c] = v.text.map { snapshot.segments.code($0) } ?? -1
            case "owner_id": snapshot.companies.owner[c] = v.id.map { snapshot.users.slot($0) } ?? -1
            case "deleted_at": snapshot.companies.deleted[c] = !v.isNull
            default: break
            }
        }
    }

    private mutating func applyUser(_ entry: JournalEntry) {
        let u = Int(snapshot.users.slot(entry.entityID))
        for change in entry.changes where change.field == "manager_id" {
            snapshot.users.manager[u] = change.new.id.map { snapshot.users.slot($0) } ?? -1
        }
    }
}

extension FieldValue {
    var id: Int64? { if case .int(let v) = self { v } else { nil } }
    var text: String? { if case .text(let v) = self { v } else { nil } }
    var flag: Bool? { if case .bool(let v) = self { v } else { nil } }
    var seconds: Double? { if case .time(let v) = self { v.timeIntervalSince1970 } else { nil } }
    var dayNumber: Int32 { if case .day(let v) = self { Int32(v.daysSinceEpoch) } else { noDay } }
    var hasItems: Bool { if case .json(.array(let items)) = self { !items.isEmpty } else { false } }
}
