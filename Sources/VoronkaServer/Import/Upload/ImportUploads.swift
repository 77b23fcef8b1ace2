import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor
import VoronkaCore
import VoronkaImport

/// The uploads of this server process, by id: each user sees only their own. One import writes at a time; uploads
/// are forgotten `lifetime` seconds after their last change (a running one never), and at most `limit` are kept.
public final class ImportUploads: Sendable {
    private let uploads = NIOLockedValueBox<[String: Entry]>([:])
    let lifetime: TimeInterval
    let limit: Int

    struct Entry {
        var upload: ImportUpload
        var touched: Date
    }

    /// Past this many journal entries, a finished import rebuilds the analytics snapshot.
    static let rebuildAfterEntries = 100_000

    public init(lifetime: TimeInterval = 6 * 3600, limit: Int = 20) {
        self.lifetime = lifetime; self.limit = limit
    }

    /// The imports writing now, with their rows written and rows in all (for the operators' metrics).
    public var progress: (running: Int, written: Int, total: Int) {
        uploads.withLockedValue { all in
            all.values.reduce(into: (0, 0, 0)) { sum, entry in
                if case .running(let done, let total, _) = entry.upload.state { sum = (sum.0 + 1, sum.1 + done, sum.2 + total) }
            }
        }
    }

    /// Keeps a new upload, forgetting expired ones and, past the limit, the oldest that are not running.
    public func add(_ upload: ImportUpload, now: Date) {
        uploads.withLockedValue { all in
            all = all.filter { $0.value.upload.isRunning || now.timeIntervalSince($0.value.touched) < lifetime }
            while all.count >= limit, let oldest = all.values.filter({ !$0.upload.isRunning }).min(by: { $0.touched < $1.touched }) {
                all[oldest.upload.id] = nil
            }
            all[upload.id] = Entry(upload: upload, touched: now)
        }
    }

    /// The upload with this id if `userID` made it.
    public func get(_ id: String, userID: Int64) -> ImportUpload? {
        uploads.withLockedValue { all in all[id].flatMap { $0.upload.userID == userID ? $0.upload : nil } }
    }

    /// Changes an upload in place (not while it runs); false when it is gone or not this user's.
    @discardableResult
    public func update(_ id: String, userID: Int64, now: Date, _ change: (inout ImportUpload) -> Void) -> Bool {
        uploads.withLockedValue { all in
            guard var entry = all[id], entry.upload.userID == userID, !entry.upload.isRunning else { return false }
            change(&entry.upload)
            entry.touched = now
            all[id] = entry
            return true
        }
    }

    /// Marks an upload as running unless another import runs; the refusal names the running one.
    func claim(_ id: String, userID: Int64, now: Date) throws -> ImportUpload {
        try uploads.withLockedValue { all in
            if all.values.contains(where: { $0.upload.isRunning }) {
                throw DomainError.conflict(field: "import", reason: "another import is being written; start this one when it has finished")
            }
            guard var entry = all[id], entry.upload.userID == userID else { throw Abort(.notFound, reason: "No such import.") }
            if case .finished = entry.upload.state { throw DomainError.conflict(field: "import", reason: "this import has already been written") }
            entry.upload.state = .running(done: 0, total: 0, startedAt: now)
            entry.touched = now
            all[id] = entry
            return entry.upload
        }
    }

    /// Sets the state of an upload (progress, the end of a run).
    /// A finished upload lets go of its files' bytes (its report stays for the page); a failed one keeps them, so
    /// that it can be started again.
    func setState(_ id: String, _ state: ImportUpload.State, now: Date) {
        uploads.withLockedValue { all in
            all[id]?.upload.state = state
            all[id]?.touched = now
            if case .finished = state, let count = all[id]?.upload.files.count {
                for i in 0..<count { all[id]?.upload.files[i].bytes = [] }
            }
        }
    }
}

extension ImportUploads {
    /// Starts writing an upload in the background, after checking every file can be read; returns at once.
    /// Progress and the final report land in the upload's state.
    func start(_ id: String, userID: Int64, services: Services) throws {
        guard let upload = get(id, userID: userID) else { throw Abort(.notFound, reason: "No such import.") }
        let unreadable = upload.unreadable
        if upload.files.allSatisfy(\.skipped) {
            throw DomainError.invalid("files", "every file is left out; keep at least one to import (nothing was written)")
        }
        if let first = unreadable.first {
            throw DomainError.invalid("files", "\(first.file) has no column for \(first.missing.map(\.rawValue).joined(separator: ", ")); map one before importing (nothing was written)")
        }
        let now = services.clock.now()
        let claimed = try claim(id, userID: userID, now: now)
        Task.detached { [self] in
            let started = services.clock.now()
            do {
                let sources = claimed.sources
                let plan = try await ImportLane.run { ImportPlan(sources: sources) }
                // A large import is read into the analytics snapshot from the tables afterwards rather than entry by
                // entry; meanwhile the snapshot does not follow the journal (its memory would hold the import twice).
                let large = plan.companies.count + plan.contacts.count + plan.leads.count + plan.deals.count
                    + plan.stageEvents.count > Self.rebuildAfterEntries
                if large { await services.analytics.suspendFollowing() }
                var writer = ImportWriter(store: services.store, options: claimed.options, actor: userID, now: started)
                writer.cacheMiB = 128
                let result: ImportResult
                do {
                    result = try await writer.write(plan) { done, total in
                        self.setState(id, .running(done: done, total: total, startedAt: started), now: Date())
                    }
                } catch {
                    try? await services.store.endBulkLoad()
                    if large { try? await services.analytics.rebuild(); await services.analytics.resumeFollowing() }
                    throw error
                }
                try? await services.store.endBulkLoad()
                if large || result.journalEntries > Self.rebuildAfterEntries { try? await services.analytics.rebuild() }
                if large { await services.analytics.resumeFollowing() }
                self.setState(id, .finished(result), now: services.clock.now())
                // The files, their rows and the batches are freed now; hand the memory back to the system.
                MemoryRelease.trim()
            } catch {
                // The page shows a plain sentence; the details go to the log.
                Logger(label: "voronka.import").error("Import \(id) stopped: \(String(reflecting: error))")
                let message = (error as? DomainError)?.message ?? "The import stopped on an unexpected error (see the server log)."
                self.setState(id, .failed(message, at: services.clock.now()), now: services.clock.now())
            }
        }
    }
}

/// Returns freed heap memory to the operating system (glibc keeps it otherwise, and a large import's peak would stay
/// as the server's size for good).
enum MemoryRelease {
    /// glibc's `malloc_trim`, looked up at run time (its header is not part of Swift's Glibc module); nil elsewhere.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    static func trim() { _ = mallocTrim?(0) }
}
