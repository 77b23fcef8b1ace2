import Vapor
import VoronkaCore
import VoronkaImport

/// Importing exports of other CRMs over the API (admins): upload files as multipart/form-data for a dry run with the
/// proposed mapping, or to write them in the background; then follow the import's progress and read its report.
enum ImportRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.POST, "imports", "create_import", """
                Upload CSV files (parts with a file name; fields: preset, mapping (JSON), system, pipeline, unknown_stages \
                create|reject, dry_run true|false). A dry run answers 200 with how each file is read and every problem; \
                otherwise the import is written in the background: 202 with its id
                """, tag: "import", request: .multipart("ImportUpload"), response: .named("Import"), success: .accepted,
                streamsUpload: true) { req, s in
                let caller = try req.caller()
                guard caller.user.role == .admin else { throw DomainError.forbidden("Only admins import data.") }
                let form = try await MultipartForm.read(req, limit: s.configuration.maxUploadBytes)
                var upload = try makeUpload(form, userID: caller.user.id, services: s)
                let dryRun = try flag(form.fields["dry_run"], field: "dry_run") ?? false
                if dryRun {
                    try await upload.plan()
                    return JSONResponse.make(ImportJSON.upload(upload), status: .ok)
                }
                let mapped = form.fields["mapping"].flatMap(JSONValue.parse).flatMap { try? ImportMappingSet(json: $0) }
                if let missing = upload.files.first(where: { $0.presetID == nil && mapped?.mapping(for: $0.name) == nil }) {
                    throw DomainError.invalid("mapping", "no preset matches \(missing.name); send mapping (one for every file, or {\"files\": {name: mapping}}; a dry run shows the proposed one) — nothing was written")
                }
                s.imports.add(upload, now: s.clock.now())
                try s.imports.start(upload.id, userID: caller.user.id, services: s)
                return JSONResponse.make(ImportJSON.upload(s.imports.get(upload.id, userID: caller.user.id) ?? upload), status: .accepted)
            },
            APIRoute(.GET, "imports/:import_id", "get_import", "An import's state: running with rows written of all, finished with its report, or failed",
                     tag: "import", response: .named("Import")) { req, s in
                let caller = try req.caller()
                guard caller.user.role == .admin else { throw DomainError.forbidden("Only admins import data.") }
                guard let id = req.parameters.get("import_id"), let upload = s.imports.get(id, userID: caller.user.id) else {
                    throw Abort(.notFound, reason: "No such import.")
                }
                return JSONResponse.make(ImportJSON.upload(upload))
            },
        ]
    }

    /// The upload a form describes: its files, read with the preset or mapping given, else as detected or proposed.
    static func makeUpload(_ form: MultipartForm, userID: Int64, services: Services) throws -> ImportUpload {
        guard !form.files.isEmpty else { throw DomainError.invalid("files", "send at least one CSV file") }
        var upload = ImportUpload(id: Secrets.token(), userID: userID, createdAt: services.clock.now(),
                                  files: form.files.map { ($0.name, $0.bytes) })
        if form.fields["preset"] != nil, form.fields["mapping"] != nil { throw DomainError.invalid("mapping", "give preset or mapping, not both") }
        if let id = form.fields["preset"] {
            guard let preset = Presets.named(id) else {
                throw DomainError.invalid("preset", "is not a known preset (known: \(Presets.all.map(\.id).joined(separator: ", ")))")
            }
            for i in upload.files.indices { upload.usePreset(i, preset) }
        }
        if let text = form.fields["mapping"] {
            guard let json = JSONValue.parse(text) else { throw DomainError.invalid("mapping", "is not valid JSON") }
            let set: ImportMappingSet
            do throws(FieldError) { set = try ImportMappingSet(json: json) } catch { throw DomainError.invalid("mapping.\(error.field)", error.reason) }
            let unmatched = set.unmatched(upload.files.map(\.name))
            if !unmatched.isEmpty {
                throw DomainError.invalid("mapping.files", "names \(unmatched.joined(separator: ", ")), which is not among the files sent")
            }
            for i in upload.files.indices {
                guard let mapping = set.mapping(for: upload.files[i].name) else { continue }
                upload.files[i].mapping = mapping
                upload.files[i].presetID = nil
                upload.files[i].missing = []  // `ImportMapping(json:)` has refused a mapping without a required field
            }
        }
        upload.system = form.fields["system"].flatMap { $0.isEmpty ? nil : $0 }
        upload.pipeline = form.fields["pipeline"].flatMap { $0.isEmpty ? nil : $0 }
        switch form.fields["unknown_stages"] {
        case nil, "create": upload.unknownStages = .create
        case "reject": upload.unknownStages = .reject
        default: throw DomainError.invalid("unknown_stages", "must be create or reject")
        }
        return upload
    }

    static func flag(_ text: String?, field: String) throws -> Bool? {
        switch text?.lowercased() {
        case nil: nil
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: throw DomainError.invalid(field, "must be true or false")
        }
    }
}
