import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// The companies section and the API's `q=` search through one index, in Russian and English, and page through
/// everything they find.
@Suite("Search and the companies list")
struct WebSearchTests {
    func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    func link(_ page: WebClient.Page, rel: String) -> String? {
        page.body.components(separatedBy: "<a href=\"").dropFirst().first { $0.contains("rel=\"\(rel)\"") }
            .map { String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// The names linked as companies on a page, in order.
    func companyNames(_ page: WebClient.Page) -> [String] {
        page.body.components(separatedBy: "<th scope=\"row\"><a href=\"/companies/").dropFirst().compactMap { part in
            part.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) }
        }
    }

    @Test("A Cyrillic fragment, a full name in «» quotes, a tax id and a phone find their records on the page and through the API", arguments: TestDatabase.backends)
    func cyrillic(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let amur = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "ООО «Амур-Литьё Комплекс»", "tax_id": "2721234567"]).requireID()
            _ = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "Acme Steel"])
            _ = try await app.call(.POST, "/api/v1/contacts", as: "rep1", json: ["company_id": .id(amur), "name": "Пётр Иванов", "phone": "+7 (912) 345-67-89"])
            let client = try await WebClient.signedIn(app, as: "rep1")
            // action
            var pages: [String: WebClient.Page] = [:]
            for q in ["Амур", "«ООО «Амур-Литьё Комплекс»»", "2721234567", "петр", "8 912 345 67 89"] {
                pages[q] = try await client.get("/companies?q=" + escape(q))
            }
            let api = try await app.call(.GET, "/api/v1/companies?q=" + escape("амур-литье"), as: "rep1")
            // check
            for q in ["Амур", "«ООО «Амур-Литьё Комплекс»»", "2721234567"] {
                #expect(companyNames(try #require(pages[q])) == ["ООО «Амур-Литьё Комплекс»"], "q=\(q)")
            }
            for q in ["петр", "8 912 345 67 89"] {
                #expect(try #require(pages[q]).body.contains("<a href=\"/companies/\(amur)#contact-"), "q=\(q)")
            }
            #expect(api.status == .ok)
            #expect(api.items.map { item -> JSONValue? in if case .object(let o) = item { o["name"] } else { nil } } == [.string("ООО «Амур-Литьё Комплекс»")])
        }
    }

    @Test("The companies list pages through every company with counts that match; search results page through all their matches", arguments: TestDatabase.backends)
    func paging(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: 130 companies, of which 70 have "Литейный" in their name
            for i in 0..<130 {
                let name = i % 13 < 7 ? String(format: "Литейный завод %03d", i) : String(format: "Мебель %03d", i)
                _ = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": .string(name)])
            }
            let client = try await WebClient.signedIn(app, as: "rep1")
            // action
            var listed: [String] = []
            var next: String? = "/companies"
            var ranges: [Bool] = []
            while let url = next {
                let page = try await client.get(url)
                listed += companyNames(page)
                ranges.append(page.body.contains(" of 130</p>"))
                next = link(page, rel: "next")
            }
            let overview = try await client.get("/companies?q=" + escape("литейный"))
            var found: [String] = []
            next = "/companies?in=company&q=" + escape("литейный")
            while let url = next {
                let page = try await client.get(url)
                found += companyNames(page)
                next = link(page, rel: "next")
            }
            // check
            #expect(listed.count == 130 && Set(listed).count == 130)
            #expect(listed == listed.sorted())
            #expect(ranges == [true, true, true])
            #expect(companyNames(overview).count == 10)
            #expect(overview.body.contains("All 70 →") || overview.body.contains("Все 70 →"))
            #expect(found.count == 70 && Set(found).count == 70 && found.allSatisfy { $0.hasPrefix("Литейный") })
        }
    }
}
