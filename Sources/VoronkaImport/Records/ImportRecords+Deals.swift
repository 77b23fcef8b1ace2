import Foundation
import VoronkaCore


extension ImportRecords {
    /// What converting deals needs besides their own rows: where each deal's stage events are, and the lead a leads
    /// file links a deal to.
    public struct DealLinks: Sendable {
        public let events: [ImportedStageEvent]
        public let eventRanges: [String: Range<Int>]
        public let leadOfDeal: [String: String]

        public init(_ plan: ImportPlan, eventRanges: [String: Range<Int>]) {
            events = plan.stageEvents
            self.eventRanges = eventRanges
            var leadOfDeal: [String: String] = [:]
            for l in plan.leads { if let d = l.dealSourceID { leadOfDeal[d] = l.sourceID } }
            self.leadOfDeal = leadOfDeal
        }

        public func events(of deal: String) -> ArraySlice<ImportedStageEvent> {
            eventRanges[deal].map { events[$0] } ?? []
        }
    }

    /// A deal with its stage history: created in the first stage it was seen in, then moved at every event, and closed
    /// in a won or lost stage when its outcome says so. Nil, with a problem, when it names a stage it cannot be put in.
    public func deal(_ d: ImportedDeal, _ links: DealLinks, problems: inout [ImportMessage]) -> PendingRecord? {
        let pipeline = catalog.pipeline(named: d.pipelineName)
        func resolve(_ name: String, _ at: SourceLocation) -> Int64? {
            switch names.stage(pipeline, name) {
            case .some(.some(let id)): return id
            case .some(.none): problems.append(ImportMessage("{0}: deal {1} names stage “{2}”, which this import rejects; left out", .text("\(at)"), .text(d.sourceID), .text(name))); return nil
            case .none: problems.append(ImportMessage("{0}: deal {1} names stage “{2}”, unknown in pipeline {3}; left out", .text("\(at)"), .text(d.sourceID), .text(name), .text(catalog.pipelineName(pipeline)))); return nil
            }
        }
        var named: Int64?
        if d.stageFromOutcome {
            let kind: StageKind = d.outcome == .won ? .won : d.outcome == .lost ? .lost : .open
            guard let stage = catalog.firstStage(pipeline, kind) else {
                problems.append(ImportMessage("{0}: deal {1} is {2}, and pipeline {3} has no {2} stage; left out", .text("\(d.location)"), .text(d.sourceID), .text(kind.rawValue), .text(catalog.pipelineName(pipeline))))
                return nil
            }
            named = stage
        } else {
            named = resolve(d.stageName, d.location)
        }
        guard var final = named else { return nil }
        let events = links.events(of: d.sourceID)
        var path: [(stage: Int64, at: Date)] = []
        for e in events {
            guard let id = resolve(e.stageName, e.location) else { return nil }
            if path.last?.stage != id { path.append((id, e.enteredAt)) }
        }
        // The outcome decides the closing stage when the stage named is not one (a lost deal in "Negotiation").
        let wanted: StageKind? = d.outcome == .won ? .won : d.outcome == .lost ? .lost : nil
        if let wanted, catalog.stageKind(final) != wanted {
            guard let closing = catalog.firstStage(pipeline, wanted) else {
                problems.append(ImportMessage("{0}: deal {1} is {2}, and pipeline {3} has no {2} stage; left out", .text("\(d.location)"), .text(d.sourceID), .text(wanted.rawValue), .text(catalog.pipelineName(pipeline))))
                return nil
            }
            if path.last?.stage != final { path.append((final, path.last?.at ?? d.createdAt ?? d.closedAt ?? now)) }
            final = closing
        }
        let closedAt = catalog.stageKind(final).isClosed ? (d.closedAt ?? path.last(where: { $0.stage == final })?.at ?? d.createdAt ?? now) : nil
        if path.last?.stage != final { path.append((final, closedAt ?? path.last?.at ?? d.createdAt ?? now)) }
        let dated = d.createdAt != nil || !events.isEmpty || d.closedAt != nil
        let createdAt = min(d.createdAt ?? path[0].at, path[0].at)
        var r = RecordValues(.deal)
        r["title"] = .text(d.title)
        r["company_id"] = .int(company(d.companyKey))
        let contact = d.contactName.flatMap { catalog.contactIDs[Self.contactKey(d.companyKey, $0)] }
        r["contact_ids"] = .json(.array(contact.map { [.number(Double($0))] } ?? []))
        r["owner_id"] = names.user(d.ownerName).map(FieldValue.int) ?? .null
        r["pipeline_id"] = .int(pipeline)
        r["stage_id"] = .int(path[0].stage)
        // An undated row gets no entry time: it would be the import's "now", different on every rerun.
        r["stage_entered_at"] = dated ? .time(createdAt) : .null
        r["amount"] = .int(d.amount)
        r["currency"] = .text(d.currency)
        r["expected_close"] = d.expectedClose.map(FieldValue.day) ?? .null
        r["lost_reason"] = d.lostReason.map(FieldValue.text) ?? .null
        let leadID = (d.leadSourceID ?? links.leadOfDeal[d.sourceID]).flatMap { catalog.leadIDs[$0] }
        r["lead_id"] = leadID.map(FieldValue.int) ?? .null
        r["referral"] = .bool(d.source == .referral)
        r["tender"] = .bool(false)
        r["tags"] = .json(.array([]))
        r["custom"] = .json(.object(d.custom.mapValues(JSONValue.string)))
        // Graded by the same rule as every other write, from what the export carries (closed deals too).
        var qualification = Deal(record: Record())
        qualification.needDescribed = d.needText != nil ? true : nil
        qualification.budgetStatus = d.budgetAmount != nil ? .allocated : .unknown
        qualification.deadline = d.deadline
        let graded = Grading.grade(deal: qualification, contacts: [])
        r["need_described"] = qualification.needDescribed.map(FieldValue.bool) ?? .null
        r["need_text"] = d.needText.map(FieldValue.text) ?? .null
        r["budget_status"] = .text(qualification.budgetStatus.rawValue)
        r["budget_amount"] = d.budgetAmount.map(FieldValue.int) ?? .null
        r["deadline"] = d.deadline.map(FieldValue.day) ?? .null
        r["grade"] = .text(graded.grade.rawValue)
        r["decision_maker_reached"] = .bool(graded.authority.decisionMakerReached)
        // Each move enters its stage by `StageEntry`'s rule: a closing stage keeps the time the deal first closed, or
        // closes it when the export says (the last stage) or when it entered; a reopening clears it.
        var closedSoFar: Date? = catalog.stageKind(path[0].stage).isClosed && path.count > 1 ? path[0].at : nil
        if closedSoFar != nil { r["closed_at"] = .time(createdAt) }
        var steps: [PendingRecord.Step] = []
        for (stage, at) in path.dropFirst() {
            let t = StageEntry.times(entering: catalog.stageKind(stage), at: at, closedAt: closedSoFar, closing: stage == final ? closedAt : nil)
            var values: [(String, FieldValue)] = [("stage_id", .int(stage)), ("stage_entered_at", .time(t.enteredAt))]
            if t.closedAt != closedSoFar { values.append(("closed_at", t.closedAt.map(FieldValue.time) ?? .null)) }
            closedSoFar = t.closedAt
            steps.append(PendingRecord.Step(at: max(at, createdAt), values: values))
        }
        if steps.isEmpty, let closedAt {
            let t = StageEntry.times(entering: catalog.stageKind(final), at: closedAt, closedAt: nil)
            r["stage_entered_at"] = .time(t.enteredAt)
            r["closed_at"] = t.closedAt.map(FieldValue.time) ?? .null
        }
        return PendingRecord(sourceID: d.sourceID, initial: r, steps: steps, createdAt: dated ? createdAt : nil, now: now)
    }
}
