import Foundation
import Vapor
import VoronkaCore

/// A `multipart/form-data` body split into its text fields and its files (the import upload, from a browser or the API).
struct MultipartForm {
    /// A part that carried a file name.
    struct File: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// The largest text field of a form (a mapping as JSON is the largest there is).
    static let maxFieldBytes = 4 << 20

    /// Reads a streamed `multipart/form-data` body: file parts go to temporary files as they arrive (the raw body is
    /// never held in memory whole), and are read back once complete. More than `limit` bytes in all is refused with
    /// 413 naming `files`; a body that is not multipart, or cannot be read, with 422.
    static func read(_ request: Request, limit: Int) async throws -> MultipartForm {
        guard let type = request.headers.contentType, type.type == "multipart", type.subType == "form-data",
              let boundary = type.parameters["boundary"] else {
            throw DomainError.invalid("files", "send the files as multipart/form-data")
        }
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw UploadTooLarge(limit: limit)
        }
        let spool = try UploadSpool()
        defer { spool.remove() }
        let parser = MultipartParser(boundary: boundary)
        var form = MultipartForm()
        var headers = HTTPHeaders()
        var field = ByteBuffer()
        var file: (name: String, index: Int)?
        var tooLargeField: String?
        var writeError: (any Error)?
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        var partStarted = false
        parser.onBody = { chunk in
            if !partStarted {
                // The first bytes of a part: its headers are complete, so it is known to be a file or a field.
                partStarted = true
                let disposition = headers.first(name: "Content-Disposition") ?? ""
                if let fileName = Self.parameter("filename", in: disposition), let name = Self.parameter("name", in: disposition) {
                    file = (fileName.isEmpty ? name : (fileName as NSString).lastPathComponent, spool.next())
                }
            }
            if let current = file {
                do { try spool.append(chunk, to: current.index) } catch { writeError = error }
            } else {
                if field.readableBytes + chunk.readableBytes > Self.maxFieldBytes {
                    tooLargeField = Self.parameter("name", in: headers.first(name: "Content-Disposition") ?? "") ?? "form"
                } else {
                    var copy = chunk
                    field.writeBuffer(&copy)
                }
            }
        }
        parser.onPartComplete = {
            if let current = file {
                form.spooled.append((current.name, current.index))
            } else if let name = Self.parameter("name", in: headers.first(name: "Content-Disposition") ?? "") {
                form.fields[name] = String(buffer: field)
            }
            headers = HTTPHeaders()
            field = ByteBuffer()
            file = nil
            partStarted = false
        }
        var total = 0
        for try await chunk in request.body {
            total += chunk.readableBytes
            if total > limit { throw UploadTooLarge(limit: limit) }
            do { try parser.execute(chunk) } catch { throw DomainError.invalid("files", "the multipart body cannot be read") }
            if let writeError { throw writeError }
            if let tooLargeField { throw DomainError.invalid(tooLargeField, .maxLength(Self.maxFieldBytes)) }
        }
        for (name, index) in form.spooled {
            form.files.append(File(name: name, bytes: try spool.bytes(of: index)))
        }
        form.spooled = []
        return form
    }

    /// Parts read so far into the spool: their file names and spool indexes.
    private var spooled: [(name: String, index: Int)] = []

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

/// More bytes than the configured upload limit (413).
struct UploadTooLarge: AbortError {
    let limit: Int
    var status: HTTPResponseStatus { .payloadTooLarge }
    var reason: String { "The upload is larger than \(limit / (1 << 20)) MB; send fewer files at a time (the limit is VORONKA_MAX_UPLOAD_MB)." }
}

/// Temporary files of one upload's file parts, removed when the upload has been read.
final class UploadSpool {
    let directory: URL
    private var handles: [FileHandle] = []
    var count: Int { handles.count }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("voronka-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Starts a new file; returns its index.
    func next() -> Int {
        let url = directory.appendingPathComponent("\(handles.count)")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        if let handle = try? FileHandle(forWritingTo: url) { handles.append(handle) } else { handles.append(FileHandle.nullDevice) }
        return handles.count - 1
    }

    func append(_ chunk: ByteBuffer, to index: Int) throws {
        guard handles.indices.contains(index) else { return }
        try handles[index].write(contentsOf: Data(chunk.readableBytesView))
    }

    func bytes(of index: Int) throws -> [UInt8] {
        guard handles.indices.contains(index) else { return [] }
        try handles[index].close()
        return Array(try Data(contentsOf: directory.appendingPathComponent("\(index)"), options: .alwaysMapped))
    }

    func remove() {
        for handle in handles { try? handle.close() }
        try? FileManager.default.removeItem(at: directory)
    }
}
