import Foundation
import SQLKit
import VoronkaCore

/// The deals of one stage added up in one currency; `weighted` applies each deal's probability (its override, else the stage's).
public struct StageTotals: Sendable, Hashable {
    public let stageID: Int64
    public let currency: String
    public let count: Int
    /// Minor units.
    public let sum: Int64
    /// Minor units: Σ amount × probability / 100.
    public let weighted: Int64
}

extension SQLStore {
    /// Live deals of a pipeline within the owner scope, added up per stage and currency.
    public func dealTotals(pipelineID: Int64, scope: OwnerScope) async throws -> [StageTotals] {
        var condition = "d.pipeline_id = \(pipelineID) AND d.deleted_at IS NULL"
        if case .owners(let owners) = scope {
            condition += owners.isEmpty ? " AND 1 = 0" : " AND d.owner_id IN (\(owners.sorted().map(String.init).joined(separator: ", ")))"
        }
        let rows = try await sql.raw("""
            SELECT d.stage_id AS stage_id, d.currency AS currency, COUNT(*) AS n, CAST(SUM(d.amount) AS BIGINT) AS total,
                   CAST(SUM(d.amount * COALESCE(d.probability_override, s.probability)) AS BIGINT) AS weighted
            FROM deals d JOIN stages s ON s.id = d.stage_id
            WHERE \(unsafeRaw: condition)
            GROUP BY d.stage_id, d.currency
            """).all()
        return try rows.map { row in
            StageTotals(stageID: try row.decode(column: "stage_id", as: Int64.self), currency: try row.decode(column: "currency", as: String.self),
                        count: Int(try row.decode(column: "n", as: Int64.self)), sum: try row.decode(column: "total", as: Int64?.self) ?? 0,
                        weighted: (try row.decode(column: "weighted", as: Int64?.self) ?? 0) / 100)
        }
    }
}
