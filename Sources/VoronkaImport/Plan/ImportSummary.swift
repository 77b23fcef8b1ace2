/// What a dry run shows: per file how it was read, counts per kind, the mappings used, the stages and owners found,
/// and every problem.
public struct ImportSummary: Hashable, Sendable {
    /// Rows of one kind that the import would write.
    public struct Count: Hashable, Sendable {
        public var kind: String
        public var rows: Int
        /// Of them, rows only other rows name (implied companies and users).
        public var implied: Int
    }

    /// A stage found in deals, leads or history, with how many rows are in it and how many of those are won or lost.
    public struct StageCount: Hashable, Sendable {
        public var kind: ImportFileKind
        public var pipeline: String?
        public var stage: String
        public var rows: Int
        public var won: Int
        public var lost: Int
    }

    /// An owner named by the rows, and whether a users file lists them (if not, the import creates an inactive user).
    public struct OwnerCount: Hashable, Sendable {
        public var name: String
        public var rows: Int
        public var listed: Bool
    }

    /// How many deals the import grades from the qualification the export carries (need, budget, deadline), and
    /// how many stay ungraded for want of it, with why.
    public struct Grades: Hashable, Sendable {
        public var graded: Int
        public var ungraded: Int
        /// Whether any deals file maps a column to need_text, budget_amount or deadline.
        public var mapped: Bool

        /// Why the ungraded deals are, in English; nil when every deal is graded.
        public var reason: String? {
            guard ungraded > 0 else { return nil }
            return mapped ? "their rows leave need_text, budget_amount and deadline empty"
                : "no column of the deals file is mapped to need_text, budget_amount or deadline"
        }
    }

    public var files: [PlannedFile]
    public var counts: [Count]
    public var stages: [StageCount]
    public var owners: [OwnerCount]
    /// The leads' channels as written (after the value maps), with their row counts: each is matched to a channel of
    /// that name when the import is written, or made a new channel.
    public var channels: [String: Int]
    public var grades: Grades
    public var problems: [RowProblem]
}

extension ImportPlan {
    /// The dry run's report of this plan.
    public var summary: ImportSummary {
        let (companies, contacts, leads, deals) = (rows.companies, rows.contacts, rows.leads, rows.deals)
        let (stageEvents, users, products) = (rows.stageEvents, rows.users, rows.products)
        let counts = [
            ImportSummary.Count(kind: "companies", rows: companies.count, implied: companies.filter(\.implied).count),
            .init(kind: "contacts", rows: contacts.count, implied: 0),
            .init(kind: "leads", rows: leads.count, implied: 0),
            .init(kind: "deals", rows: deals.count, implied: 0),
            .init(kind: "stage events", rows: stageEvents.count, implied: 0),
            .init(kind: "users", rows: users.count, implied: users.filter(\.implied).count),
            .init(kind: "products", rows: products.count, implied: 0),
        ]
        // Keyed by its parts rather than by a string of them: millions of rows are counted.
        struct StageKey: Hashable { var kind: ImportFileKind, pipeline: String, stage: String }
        var stages: [StageKey: ImportSummary.StageCount] = [:]
        func count(_ kind: ImportFileKind, _ pipeline: String?, _ stage: String?, _ outcome: ImportedOutcome) {
            guard let stage else { return }
            let key = StageKey(kind: kind, pipeline: pipeline ?? "", stage: stage)
            stages[key, default: .init(kind: kind, pipeline: pipeline, stage: stage, rows: 0, won: 0, lost: 0)].rows += 1
            if outcome == .won { stages[key]?.won += 1 }
            if outcome == .lost { stages[key]?.lost += 1 }
        }
        for d in deals where !d.stageFromOutcome { count(.deals, d.pipelineName, d.stageName, d.outcome) }
        for l in leads { count(.leads, l.pipelineName, l.stageName, l.outcome) }
        for e in stageEvents { count(.stageHistory, e.pipelineName, e.stageName, .open) }

        var ownerRows: [String: Int] = [:]
        for name in deals.map(\.ownerName) + leads.map(\.ownerName) + companies.map(\.ownerName) + contacts.map(\.ownerName) {
            if let name { ownerRows[name, default: 0] += 1 }
        }
        let listed = Set(users.filter { !$0.implied }.map { Folding.fold($0.name) })
        var sources: [String: Int] = [:]
        for lead in leads { if let text = lead.channel { sources[text, default: 0] += 1 } }

        let qualified = deals.filter(\.hasQualification).count
        let qualificationFields: Set<TargetField> = [.needText, .budgetAmount, .deadline]
        let mapped = files.contains { file in
            file.mapping?.columns.values.contains { if case .field(let f) = $0 { qualificationFields.contains(f) } else { false } } ?? false
        }
        let grades = ImportSummary.Grades(graded: qualified, ungraded: deals.count - qualified, mapped: mapped)
        return ImportSummary(
            files: files, counts: counts,
            stages: stages.values.sorted { ($0.kind.rawValue, $0.pipeline ?? "", -$0.rows, $0.stage) < ($1.kind.rawValue, $1.pipeline ?? "", -$1.rows, $1.stage) },
            owners: ownerRows.map { .init(name: $0.key, rows: $0.value, listed: listed.contains(Folding.fold($0.key))) }
                .sorted { ($0.listed ? 1 : 0, -$0.rows, $0.name) < ($1.listed ? 1 : 0, -$1.rows, $1.name) },
            channels: sources, grades: grades, problems: problems)
    }
}
