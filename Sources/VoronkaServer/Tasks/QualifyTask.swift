import Foundation
import VoronkaCore
import VoronkaStore

/// `voronka qualify`: triage leads and grade deals from the command line, as the installation itself.
public enum QualifyTask {
    /// Triages one lead (written unless `dryRun`); returns printable lines.
    public static func lead(_ services: Services, id: Int64, explain: Bool, dryRun: Bool, locale: Language) async throws -> [String] {
        try await services.store.write(actor: nil, origin: "cli", at: services.clock.now()) { tx in
            guard let record = try await tx.fetch(.lead, id, forUpdate: true) else { throw DomainError.notFound(.lead, id) }
            let context = try await QualificationContext.load(tx)
            let result: TriageResult
            var lines: [String] = []
            if dryRun {
                let lead = Lead(record: record)
                let company = try await lead.companyID.asyncMap { try await tx.fetch(.company, $0) }?.map(Company.init(record:))
                result = Triage.decide(company: company, request: lead.requestText, profile: context.profile, matcher: context.matcher)
                lines.append("lead \(id): \(result.outcome.rawValue)\(result.fire ? " (fire)" : "") — \(text(result.summary, locale)) [dry run]")
            } else {
                let outcome = try await LeadTriage.run(lead: record, context: context, tx: tx, by: .auto)
                result = outcome.result
                lines.append("lead \(id): \(result.outcome.rawValue)\(result.fire ? " (fire)" : "") — \(text(result.summary, locale))"
                             + (outcome.deal?.int("id").map { " → deal \($0)" } ?? ""))
            }
            if explain { lines += result.reasons.map { "  \($0.verdict.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(text($0.text, locale))" } }
            return lines
        }
    }

    /// Grades one deal and prints its checklist.
    public static func deal(_ services: Services, id: Int64, explain: Bool, locale: Language) async throws -> [String] {
        try await services.store.write(actor: nil, origin: "cli", at: services.clock.now()) { tx in
            guard let record = try await tx.fetch(.deal, id) else { throw DomainError.notFound(.deal, id) }
            let report = try await DealReport.make(record, tx: tx, context: try await QualificationContext.load(tx))
            var lines = ["deal \(id): grade \(report.string("grade") ?? "?"), \(report.boolMember("qualified") ? "qualified" : "not qualified")"]
            if explain, case .object(let o) = report, case .array(let items)? = o["checklist"] {
                for item in items {
                    lines.append("  \((item.string("verdict") ?? "").padding(toLength: 7, withPad: " ", startingAt: 0)) \(item.string(locale == .ru ? "ru" : "en") ?? "")")
                }
            }
            return lines
        }
    }

    /// Triages every lead not yet decided, and regrades every open deal; returns a summary line.
    public static func all(_ services: Services, locale: Language) async throws -> String {
        var counts: [LeadOutcome: Int] = [:]
        var query = ListQuery()
        query.conditions = [.isNull("outcome", true)]
        query.limit = 200
        while true {
            let page = try await services.store.list(.lead, query: query)
            if page.records.isEmpty { break }
            try await services.store.write(actor: nil, origin: "cli", at: services.clock.now()) { tx in
                let context = try await QualificationContext.load(tx)
                var local: [LeadOutcome: Int] = [:]
                for lead in page.records {
                    let outcome = try await LeadTriage.run(lead: lead, context: context, tx: tx, by: .auto)
                    local[outcome.result.outcome, default: 0] += 1
                }
                return local
            }.forEach { counts[$0.key, default: 0] += $0.value }
            guard page.nextCursor != nil else { break }
        }
        var regraded = 0
        var deals = ListQuery()
        deals.conditions = [.isNull("closed_at", true)]
        deals.limit = 500
        while true {
            let page = try await services.store.list(.deal, query: deals)
            guard let last = page.records.last?.int("id") else { break }
            regraded += try await services.store.write(actor: nil, origin: "cli", at: services.clock.now()) { tx in
                var changed = 0
                for old in page.records {
                    var new = old
                    DealGrading.apply(try await DealGrading.grade(old, tx: tx), to: &new)
                    if new != old { try await tx.update(.deal, from: old, to: new); changed += 1 }
                }
                return changed
            }
            deals.after = (value: .int(last), id: last)
            if page.nextCursor == nil { break }
        }
        let triaged = LeadOutcome.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        return locale == .ru ? "Разобрано лидов: \(triaged); пересчитаны оценки сделок: \(regraded)"
                             : "Leads triaged: \(triaged); deal grades changed: \(regraded)"
    }

    static func text(_ t: BilingualText, _ locale: Language) -> String { locale == .ru ? t.ru : t.en }
}
