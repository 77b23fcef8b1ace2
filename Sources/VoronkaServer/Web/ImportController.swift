import Foundation
import Vapor
import VoronkaCore
import VoronkaImport
import VoronkaWeb

/// The import pages (admins): upload, review and correct how each file is read, dry run, start, progress, report.
enum ImportController {
    static let paths = ImportPage.Paths()
    /// At most this many problems are listed on the page.
    static let problemLimit = 200

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        _ = try admin(req, web)
        return web.page(req, ImportPage.view(.init(shell: web.shell(req, section: .imports), paths: paths, content: .upload)))
    }

    /// POST (multipart, streamed): checks the CSRF token itself (the middleware cannot read a streamed body), keeps
    /// the files, proposes how to read them, runs the dry run and shows the review.
    static func upload(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try admin(req, web)
        let form: MultipartForm
        let limit = web.services.configuration.maxUploadBytes
        do { form = try await MultipartForm.read(req, limit: limit) } catch is UploadTooLarge {
            return refused(req, web, status: .payloadTooLarge,
                           BilingualText(en: "The files are larger than \(limit >> 20) MB together; upload fewer at a time.",
                                         ru: "Файлы вместе больше \(limit >> 20) МБ; загрузите их по частям."))
        } catch {
            return refused(req, web, status: .badRequest, BilingualText(en: "Choose the CSV files to upload.", ru: "Выберите CSV-файлы для загрузки."))
        }
        guard web.csrf.verify(form.fields[FormField.csrf], request: req) else {
            req.logger.notice("Web form refused: missing or wrong CSRF token on \(req.url.path)")
            return web.errorPage(req, .csrf)
        }
        let files = form.files.filter { !$0.bytes.isEmpty }
        guard !files.isEmpty else {
            return refused(req, web, status: .unprocessableEntity, BilingualText(en: "Choose at least one CSV file that is not empty.",
                                                                                ru: "Выберите хотя бы один непустой CSV-файл."))
        }
        let now = web.services.clock.now()
        var upload = ImportUpload(id: Secrets.token(), userID: caller.user.id, createdAt: now, files: files.map { ($0.name, $0.bytes) })
        try await upload.plan()
        web.services.imports.add(upload, now: now)
        return web.redirect(paths.page(upload.id))
    }

    /// GET: the review, the progress or the report of an upload of this user.
    static func page(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try admin(req, web)
        let upload = try find(req, web, caller)
        let content = try await ImportPageModel.content(upload, services: web.services, language: req.webLanguage, problemLimit: problemLimit)
        var model = ImportPage.Model(shell: web.shell(req, section: .imports), paths: paths, content: content)
        if problemCount(upload) > problemLimit { model.problemsURL = SiteURL.importProblems(upload.id).path }
        if case .finished(let result) = upload.state {
            let t = Localizer(req.webLanguage)
            model.newChannels = result.channelsMade.map { $0.name + " (" + DashboardPage.groupName($0.group, t) + ")" }
        }
        return web.page(req, ImportPage.view(model))
    }

    /// How many problems the upload's dry run or write reported.
    static func problemCount(_ upload: ImportUpload) -> Int {
        switch upload.state {
        case .finished(let result): result.problems.count
        default: upload.summary?.problems.count ?? 0
        }
    }

    /// GET: every problem of the dry run (file, line, column, severity, reason, value) or of the write (one text each),
    /// as CSV in the user's language; cells a spreadsheet would run as formulas are neutralized.
    static func problems(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try admin(req, web)
        let upload = try find(req, web, caller)
        let language = req.webLanguage
        let ru = language == .ru
        var csv = ""
        if case .finished(let result) = upload.state {
            csv += RecordCSV.line([ru ? "проблема" : "problem"])
            for problem in result.problems { csv += RecordCSV.line([problem.text(language)]) }
        } else {
            csv += RecordCSV.line(ru ? ["файл", "строка", "столбец", "важность", "причина", "значение"]
                                     : ["file", "line", "column", "severity", "reason", "value"])
            for p in upload.summary?.problems ?? [] {
                let severity = p.severity == .error ? (ru ? "ошибка: строка не импортирована" : "error: row left out")
                                                    : (ru ? "предупреждение" : "warning")
                csv += RecordCSV.line([p.file, String(p.line), p.column ?? "", severity, p.message.text(language), p.value ?? ""])
            }
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"import-problems.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + csv))
    }

    /// POST: the choices of the review, then a new dry run (`action=check`) or the start (`action=start`).
    static func choices(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try admin(req, web)
        let upload = try find(req, web, caller)
        // A running import cannot change; a finished one has let go of its files and shows its report.
        if upload.isRunning { return web.redirect(paths.page(upload.id)) }
        if case .finished = upload.state { return web.redirect(paths.page(upload.id)) }
        let form = req.form
        let now = web.services.clock.now()
        // The dry run reads every file: it runs outside the uploads' lock, then replaces the stored upload. A start
        // needs none (the write reads the files itself); a refused start gets one, for the review it shows again.
        let starting = form[ImportPage.Field.action] == "start"
        var changed = upload
        ImportChoices.apply(form, to: &changed)
        if !starting { try await changed.plan() }
        web.services.imports.update(upload.id, userID: caller.user.id, now: now) { $0 = changed }
        if starting {
            do {
                try web.services.imports.start(upload.id, userID: caller.user.id, services: web.services)
            } catch let error as DomainError {
                try await changed.plan()
                web.services.imports.update(upload.id, userID: caller.user.id, now: now) { $0 = changed }
                let ru = if case .conflict = error { "Сейчас записывается другой импорт, или этот уже записан." }
                    else { "Не у всех файлов выбраны нужные столбцы; ничего не записано." }
                return refused(req, web, status: .conflict, BilingualText(en: error.message, ru: ru), upload: upload.id)
            }
        }
        return web.redirect(paths.page(upload.id))
    }

    /// The caller, when an admin: the same rule as the API's import and as the settings (everyone else gets 403).
    static func admin(_ req: Request, _ web: WebContext) throws -> WebCaller { try SettingsController.admin(req, web) }

    static func find(_ req: Request, _ web: WebContext, _ caller: WebCaller) throws -> ImportUpload {
        guard let id = req.parameters.get("id"), let upload = web.services.imports.get(id, userID: caller.user.id) else { throw WebError.notFound }
        return upload
    }

    /// The upload form (or an upload's page) again, with why the last POST was refused.
    static func refused(_ req: Request, _ web: WebContext, status: HTTPResponseStatus, _ text: BilingualText, upload: String? = nil) -> Response {
        let language = req.webLanguage
        let message = language == .ru ? text.ru : text.en
        var content = ImportPage.Content.upload
        if let upload, let caller = req.webCaller, let found = web.services.imports.get(upload, userID: caller.user.id) {
            content = ImportPageModel.review(found, pipelines: [], language: language, problemLimit: problemLimit)
        }
        let model = ImportPage.Model(shell: web.shell(req, section: .imports), paths: paths, content: content, error: message)
        return web.page(req, ImportPage.view(model), status: status)
    }
}
