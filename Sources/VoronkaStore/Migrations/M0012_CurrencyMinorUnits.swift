import FluentKit
import Foundation
import SQLKit
import VoronkaCore

/// Amounts in the minor units of their currency: until now every amount was kept in hundredths, yen included. Of the
/// currencies taken before, only JPY has another minor unit (none): its amounts are divided by 100, each change
/// journaled (as the migration's) so that the history shows it. Half a yen and more rounds up.
struct M0012_CurrencyMinorUnits: AsyncMigration {
    var name: String { "M0012_CurrencyMinorUnits" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let tx = StoreTransaction(sql: sql, backend: Backend(sql), actor: nil, origin: "migration", now: Date())
        try await Self.rescale(tx)
    }

    /// Rewrites every amount of a record in a currency whose minor unit is not a hundredth; returns how many records.
    @discardableResult
    static func rescale(_ tx: StoreTransaction) async throws -> Int {
        var changed = 0
        for kind in [EntityKind.deal, .company, .product] {
            let amounts = kind.fields.filter { $0.type == .money }.map(\.name)
            for code in ["JPY"] {
                let per = Int64(100) / Currency.scale(code)
                for record in try await tx.records(kind, where: "currency", equals: .text(code)) {
                    var next = record
                    for field in amounts {
                        if case .int(let v) = record[field] { next[field] = .int((v + per / 2) / per) }
                    }
                    guard next != record else { continue }
                    try await tx.update(kind, from: record, to: next)
                    changed += 1
                }
            }
        }
        return changed
    }

    func revert(on database: any Database) async throws {}
}

extension StoreTransaction {
    /// What M0012 does, for a test to run on amounts written the old way.
    public func rescaleLegacyAmounts() async throws -> Int { try await M0012_CurrencyMinorUnits.rescale(self) }
}
