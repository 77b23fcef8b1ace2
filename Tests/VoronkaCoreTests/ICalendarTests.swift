import Foundation
import Testing
@testable import VoronkaCore

@Suite("iCalendar (RFC 5545)")
struct ICalendarTests {
    @Test("Text is escaped, lines end in CRLF and fold at 75 octets without splitting a Cyrillic letter")
    func escapingAndFolding() {
        // setup
        let long = String(repeating: "Позвонить главному инженеру; обсудить смету, сроки\n", count: 3)
        let event = CalendarEvent(uid: "nudge-1@voronka", start: .at(Date(timeIntervalSince1970: 1_790_000_000), minutes: 30),
                                  summary: "Сделка застряла: Котёл, ПК-10", description: long, url: "https://crm.example/deals/1")
        // action
        let doc = ICalendar.document(name: "Voronka", events: [event], stamp: Date(timeIntervalSince1970: 1_790_000_000))
        // check
        #expect(doc.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && doc.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!doc.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        for line in doc.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(doc.contains("SUMMARY:Сделка застряла: Котёл\\, ПК-10"))
        let unfolded = doc.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Позвонить главному инженеру\\; обсудить смету\\, сроки\\nПозвонить"))
        #expect(doc.contains("DTSTART:20260921T141320Z") && doc.contains("DTEND:20260921T144320Z"))
        #expect(String(decoding: Array(doc.utf8), as: UTF8.self) == doc, "folding kept every character whole")
    }

    @Test("A yearly buyer's call is an all-day event that recurs every year")
    func yearly() throws {
        let day = try #require(Day("2027-02-01"))
        let doc = ICalendar.document(name: "V", events: [CalendarEvent(uid: "yearly-5@voronka", start: .day(day), summary: "Call", yearly: true)],
                                     stamp: Date(timeIntervalSince1970: 0))
        #expect(doc.contains("DTSTART;VALUE=DATE:20270201\r\nDTEND;VALUE=DATE:20270202\r\nRRULE:FREQ=YEARLY\r\n"))
        #expect(ICalendar.text("a\r\nb\rc") == "a\\nb\\nc")
    }
}
