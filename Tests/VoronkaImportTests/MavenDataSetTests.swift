import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport

/// The real Maven CRM data set, read from shared/ (the only test that reads files). Every expected number is
/// computed here by a naive split of the same files, which is sound because the data has no quoted fields.
@Suite("Maven CRM data set")
struct MavenDataSetTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/maven-crm")
    static let candidates = [directory, URL(fileURLWithPath: "/work/shared/data/maven-crm")]
    static let found = candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("sales_pipeline.csv").path) }

    private func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try #require(Self.found).appendingPathComponent(name)))
    }

    /// Rows after the header, split on commas, with the line break (CRLF) removed.
    private func naive(_ name: String) throws -> [[String]] {
        let text = String(decoding: try bytes(name), as: UTF8.self)
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst()
            .map { $0.trimmingCharacters(in: .newlines).split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("Deals by stage, number won and won revenue match a naive count of the files",
          .enabled(if: found != nil, "the Maven CRM data set is not in shared/data/maven-crm; skipped"))
    func counts() throws {
        // setup: the naive count, after checking that a naive split is sound
        for name in ["sales_pipeline.csv", "accounts.csv", "sales_teams.csv", "products.csv"] {
            #expect(!(try bytes(name)).contains(0x22), "\(name) has quotes: a naive split would be wrong")
        }
        let rows = try naive("sales_pipeline.csv")
        #expect(Set(rows.map(\.count)) == [8])
        var byStage: [String: Int] = [:]
        for row in rows { byStage[row[4], default: 0] += 1 }
        let wonRows = rows.filter { !$0[7].isEmpty && Int($0[7]) != 0 }
        let wonRevenue = wonRows.reduce(Int64(0)) { $0 + Int64($1[7])! * 100 }
        let accounts = try naive("accounts.csv")
        let agents = Set(try naive("sales_teams.csv").map(\.[0]))
        let managers = Set(try naive("sales_teams.csv").map(\.[1]))

        // action
        let plan = ImportPlan(sources: try ["accounts.csv", "products.csv", "sales_teams.csv", "sales_pipeline.csv"].map {
            ImportSource(name: $0, bytes: try bytes($0))
        })

        // check
        #expect(plan.files.map(\.presetID) == ["maven-accounts", "maven-products", "maven-teams", "maven-pipeline"])
        #expect(plan.problems.isEmpty, "\(plan.problems.prefix(5))")
        #expect(plan.deals.count == rows.count)
        var importedByStage: [String: Int] = [:]
        for deal in plan.deals { importedByStage[deal.stageName, default: 0] += 1 }
        #expect(importedByStage == byStage)
        let won = plan.deals.filter { $0.outcome == .won }
        #expect(won.count == wonRows.count && won.count == byStage["Won"])
        #expect(won.reduce(Int64(0)) { $0 + $1.amount } == wonRevenue)
        #expect(plan.deals.filter { $0.outcome == .lost }.count == byStage["Lost"])
        #expect(plan.companies.filter { !$0.implied }.count == accounts.count)
        #expect(plan.companies.allSatisfy { !$0.implied }, "every account a deal names is in accounts.csv")
        #expect(Set(plan.deals.compactMap(\.productName)).isSubset(of: Set(plan.products.map(\.name))))
        #expect(Set(plan.users.map(\.name)) == agents.union(managers))
        let engaged = rows.filter { !$0[5].isEmpty }.count
        let closed = rows.filter { !$0[6].isEmpty }.count
        #expect(plan.stageEvents.count == engaged + closed)
    }
}
