import Foundation
import Vapor
import VoronkaCore

/// A `multipart/form-data` body split into its text fields and its files (the import upload, from a browser or the API).
struct MultipartForm: Sendable {
    /// A part that carried a file name.
    struct File: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// Parses the request's collected body; a body that is not multipart is refused naming the field "files".
    init(_ request: Request) throws {
        try self.init(headers: request.headers, body: request.body.data)
    }

    init(headers requestHeaders: HTTPHeaders, body: ByteBuffer?) throws {
        guard let type = requestHeaders.contentType, type.type == "multipart", type.subType == "form-data",
              let boundary = type.parameters["boundary"] else {
            throw DomainError.invalid("files", "send the files as multipart/form-data")
        }
        guard let body else { throw DomainError.invalid("files", "the body is empty") }
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var buffer = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in buffer.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: buffer))
            headers = HTTPHeaders()
            buffer = ByteBuffer()
        }
        do { try parser.execute(body) } catch { throw DomainError.invalid("files", "the multipart body cannot be read") }
        for part in parts {
            let disposition = part.headers.first(name: "Content-Disposition") ?? ""
            guard let name = Self.parameter("name", in: disposition) else { continue }
            if let fileName = Self.parameter("filename", in: disposition) {
                files.append(File(name: fileName.isEmpty ? name : (fileName as NSString).lastPathComponent, bytes: Array(buffer: part.body)))
            } else {
                fields[name] = String(buffer: part.body)
            }
        }
    }

    /// A parameter of a Content-Disposition header (`form-data; name="files"; filename="deals.csv"`).
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
