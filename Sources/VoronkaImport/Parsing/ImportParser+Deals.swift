import Foundation
import VoronkaCore

extension ImportParser {
    /// A deal and the stage events its row holds (stage date columns, and closed_at for a closed deal when the
    /// mapping says so). Nil, with problems on the reader, when any cell is bad or a rule says to skip the row.
    func deal(_ r: inout RowReader) -> (ImportedDeal, [ImportedStageEvent])? {
        let id = r.sourceID()
        let byOutcome = r.plan.columns(.stageName).isEmpty && mapping.stageName == nil
        let stage = byOutcome ? "" : r.plan.columns(.stageName).isEmpty ? mapping.stageName : r.required(.stageName)
        let pipeline = r.text(.pipelineName) ?? mapping.pipelineName
        let (then, rule) = r.outcome(stage: byOutcome ? nil : stage, pipeline: pipeline, kind: .deal)
        if then == .skip {
            r.skipped(byRule: rule)
            return nil
        }
        var outcome = ImportedOutcome(rawValue: then.rawValue) ?? .open
        // A won or a lost date: the deal's outcome when nothing else decided it, and its close time.
        let wonAt = r.date(.wonAt), lostAt = r.date(.lostAt)
        if outcome == .open, let (field, _) = [(TargetField.wonAt, wonAt), (.lostAt, lostAt)].first(where: { $0.1 != nil }) {
            if byOutcome && rule == nil {
                outcome = field == .wonAt ? .won : .lost
            } else {
                let message = rule.map { ImportMessage("is filled, but the outcome rule “{0}” leaves the deal open; correct one of them", .text("\(mapping.outcomeRules[$0].text)")) }
                    ?? ImportMessage("is filled, but the deal's stage “{0}” is open; correct one of them", .text(stage ?? ""))
                r.problem(field, message)
            }
        }
        let amount = r.money(.amount)
        let currency = r.currency(mark: amount?.currency)
        let amountMinor = r.minorUnits(amount, .amount, currency: currency)
        let createdAt = r.date(.createdAt)
        var closedAt = r.date(.closedAt) ?? (outcome == .won ? wonAt : outcome == .lost ? lostAt : nil)
        var expectedClose = r.day(.expectedClose)
        if outcome == .open, let close = closedAt {
            // An open deal's close date is the date it is expected to close (Bitrix24 and amoCRM use one column).
            expectedClose = expectedClose ?? Day(close)
            closedAt = nil
        }
        let events = byOutcome ? [] : stageEvents(&r, dealID: id?.0, stage: stage, pipeline: pipeline, closedAt: outcome == .open ? nil : closedAt)
        let (source, channel) = leadSource(r)
        let need = r.text(.needText)
        let budget = r.money(.budgetAmount)
        let budgetMinor = r.minorUnits(budget, .budgetAmount, currency: currency)
        let deadline = r.day(.deadline)
        guard let (sourceID, derived) = id, let stage, r.problems.isEmpty else { return nil }
        var deal = ImportedDeal(
            sourceID: sourceID, derivedID: derived, title: title(r, id: sourceID), company: r.company(),
            contactName: r.text(.contactName), contactEmail: r.text(.email), contactPhone: r.text(.phone),
            ownerName: r.text(.ownerName), pipelineName: pipeline, stageName: stage, outcome: outcome,
            amount: amountMinor ?? 0, currency: currency, createdAt: createdAt, closedAt: closedAt,
            expectedClose: expectedClose, lostReason: r.text(.lostReason), leadSourceID: r.text(.leadSourceID),
            source: source, channel: channel, productName: r.text(.productName), needText: need,
            budgetAmount: budgetMinor, deadline: deadline, custom: r.custom(), location: r.location)
        deal.stageFromOutcome = byOutcome
        return (deal, events)
    }

    /// A lead; nil with problems when a cell is bad.
    func lead(_ r: inout RowReader) -> ImportedLead? {
        let id = r.sourceID()
        let receivedAt = r.date(.receivedAt)
        if receivedAt == nil, r.raw(.receivedAt) == nil { r.problem(.receivedAt, ImportMessage("is empty, and every lead needs the time it was received")) }
        let stage = r.text(.stageName)
        let pipeline = r.text(.pipelineName) ?? mapping.pipelineName
        let (then, rule) = r.outcome(stage: stage, pipeline: pipeline, kind: .lead)
        if then == .skip {
            r.skipped(byRule: rule)
            return nil
        }
        let closedAt = r.date(.closedAt)
        let (source, channel) = leadSource(r)
        guard let (sourceID, derived) = id, let receivedAt, r.problems.isEmpty else { return nil }
        var lead = ImportedLead(
            sourceID: sourceID, derivedID: derived, receivedAt: receivedAt, source: source, channel: channel,
            requestText: r.text(.requestText), contactName: r.text(.contactName), email: r.text(.email), phone: r.text(.phone),
            company: r.company(), companyKey: nil, ownerName: r.text(.ownerName), pipelineName: pipeline, stageName: stage,
            outcome: ImportedOutcome(rawValue: then.rawValue) ?? .open, closedAt: closedAt, lostReason: r.text(.lostReason),
            dealSourceID: r.text(.dealSourceID), productName: r.text(.productName), custom: r.custom(), location: r.location)
        for field in [TargetField.utmSource, .utmMedium, .utmCampaign, .utmTerm, .utmContent, .landingPage] {
            if let value = r.text(field) { lead.attribution[field.rawValue] = value }
        }
        return lead
    }

    /// One row of a stage history file.
    func stageEvent(_ r: inout RowReader) -> ImportedStageEvent? {
        let dealID = r.required(.dealSourceID)
        let stage = r.required(.stageName)
        let enteredAt = r.date(.enteredAt)
        if enteredAt == nil, r.raw(.enteredAt) == nil { r.problem(.enteredAt, ImportMessage("is empty, and every stage event needs the time")) }
        guard let dealID, let stage, let enteredAt, r.problems.isEmpty else { return nil }
        return ImportedStageEvent(dealSourceID: dealID, pipelineName: r.text(.pipelineName) ?? mapping.pipelineName,
                                  stageName: stage, enteredAt: enteredAt, ownerName: r.text(.ownerName), location: r.location)
    }

    private func stageEvents(_ r: inout RowReader, dealID: String?, stage: String?, pipeline: String?, closedAt: Date?) -> [ImportedStageEvent] {
        guard let dealID else { return [] }
        var events: [ImportedStageEvent] = []
        for (index, stageName, pipelineName) in r.plan.stageColumns {
            guard let value = r.cell(index), let at = r.date(value, column: index) else { continue }
            events.append(ImportedStageEvent(dealSourceID: dealID, pipelineName: pipelineName ?? pipeline,
                                             stageName: r.mapped(.stageName, stageName), enteredAt: at, ownerName: nil, location: r.location))
        }
        if mapping.closedAtEntersStage, let closedAt, let stage,
           !events.contains(where: { $0.stageName == stage && $0.enteredAt == closedAt }) {
            events.append(ImportedStageEvent(dealSourceID: dealID, pipelineName: pipeline, stageName: stage, enteredAt: closedAt,
                                             ownerName: nil, location: r.location))
        }
        return events.sorted { $0.enteredAt < $1.enteredAt }
    }

    /// The title, or the mapping's template filled from the row, or "Deal <id>".
    private func title(_ r: RowReader, id: String) -> String {
        if let title = r.text(.title) { return title }
        if !r.plan.titleParts.isEmpty {
            var text = ""
            for part in r.plan.titleParts { text += part.field.flatMap(r.text) ?? part.text }
            let scalars = text.unicodeScalars
            if let start = scalars.firstIndex(where: { !Self.titleTrim.contains($0) }),
               let end = scalars.lastIndex(where: { !Self.titleTrim.contains($0) }) {
                return String(scalars[start...end])
            }
        }
        return "Deal \(id)"
    }

    /// What is trimmed from a filled template whose fields were empty ("GTX Pro — " → "GTX Pro").
    private static let titleTrim = Set(" —–-,:/|".unicodeScalars)

    /// The channel as written after the value map, and the kind of source it suggests: a `LeadSource` raw value, else
    /// a guess from common words, else none.
    private func leadSource(_ r: RowReader) -> (LeadSource?, String?) {
        guard let (raw, _) = r.raw(.source) else { return (nil, nil) }
        let mapped = r.mapped(.source, raw)
        if let known = r.plan.sourceGuesses[mapped] { return (known, mapped) }
        let guess = LeadSource(rawValue: mapped) ?? LeadSourceGuess.guess(mapped)
        r.plan.sourceGuesses[mapped] = guess
        return (guess, mapped)
    }
}
