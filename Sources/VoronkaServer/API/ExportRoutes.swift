import Vapor
import VoronkaCore

/// Leaving with all one's data: every kind of record and the journal, as CSV or JSON, streamed (heads of sales and admins).
enum ExportRoutes {
    static var all: [APIRoute] {
        [APIRoute(.GET, "export/:target", "export", "Every record of a kind (companies, deals, …) or the journal; format=csv (default) or json; in CSV, cells a spreadsheet would run as formulas get a ' before them unless raw=true",
                  tag: "export", response: .named("Export")) { req, s in
            let caller = try req.caller()
            guard caller.user.role.seesEverything else { throw DomainError.forbidden("Only the head of sales and admins export all data.") }
            let target = req.parameters.get("target") ?? ""
            guard Exporter.targets.contains(target) else {
                throw DomainError.invalid("target", "cannot export \(target); one of: \(Exporter.targets.joined(separator: ", "))")
            }
            let raw = req.queryParameters["format"] ?? "csv"
            guard let format = Exporter.Format(rawValue: raw) else { throw DomainError.invalid("format", "must be csv or json") }
            let rawCells: Bool
            switch req.queryParameters["raw"] {
            case nil, "false": rawCells = false
            case "true": rawCells = true
            default: throw DomainError.invalid("raw", .trueOrFalse(got: ""))
            }
            var headers = HTTPHeaders()
            headers.contentType = format == .csv ? HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]) : .json
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(target).\(format.rawValue)\"")
            let store = s.store
            return Response(status: .ok, headers: headers, body: .init(asyncStream: { writer in
                do {
                    var buffer = ByteBuffer()
                    try await Exporter.export(target, format: format, raw: rawCells, store: store) { text in
                        buffer.writeString(text)
                        if buffer.readableBytes > 256 * 1024 {
                            try await writer.write(.buffer(buffer))
                            buffer.clear()
                        }
                    }
                    try await writer.write(.buffer(buffer))
                    try await writer.write(.end)
                } catch {
                    try? await writer.write(.error(error))
                }
            }))
        }]
    }
}
