import Foundation
import Model
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs documents in a pool of `kinerja worker` processes: one per core by
/// default, each fed one document at a time. A worker that crashes or runs
/// past the document time limit is killed and replaced; its document gets a
/// failed outcome saying so, and the pool goes on.
final class WorkerPool: @unchecked Sendable {
    struct Settings: Sendable {
        /// The `kinerja` executable, started as `kinerja worker`.
        var executable: String
        /// The configuration every job carries to the workers.
        var config: PipelineConfig
        /// Worker processes at most.
        var size: Int
        /// Cores a single remaining document may spread its pages over.
        var cores: Int
        /// Seconds one document may take; nil or ≤ 0 for no limit.
        var documentTimeLimit: Double?
        /// Seconds a document may go without finishing a page; nil or ≤ 0
        /// for no limit.
        var pageTimeLimit: Double? = nil
    }

    /// One document to read.
    struct Job: Sendable {
        var file: InputFile
        var docID: String
    }

    enum Event: Sendable {
        case pages(job: Int, done: Int, total: Int)
        /// `reusable` is false for outcomes that say more about this run
        /// than about the file (a crashed or timed-out worker).
        case finished(job: Int, outcome: DocumentResult, reusable: Bool)
    }

    let settings: Settings
    private let lock = NSLock()
    private var next = 0
    private var busy = 0

    init(settings: Settings) {
        self.settings = settings
    }

    /// Reads every job; `onEvent` is called from the pool's threads.
    func run(_ jobs: [Job], onEvent: @escaping @Sendable (Event) -> Void) {
        guard !jobs.isEmpty else { return }
        // A worker that died leaves a closed pipe: writing to it must fail
        // with an error, not kill the run.
        signal(SIGPIPE, SIG_IGN)
        let slots = max(1, min(settings.size, jobs.count))
        let group = DispatchGroup()
        for slot in 0..<slots {
            group.enter()
            let thread = Thread { [self] in
                Slot(pool: self, number: slot).run(jobs, onEvent: onEvent)
                group.leave()
            }
            thread.name = "kinerja-worker-\(slot)"
            thread.start()
        }
        group.wait()
    }

    /// The next job to start and the threads it may use for its pages:
    /// while documents wait, one each; at the tail of the batch, the
    /// documents still running share the cores.
    fileprivate func take(from jobs: [Job]) -> (index: Int, threads: Int)? {
        lock.lock()
        defer { lock.unlock() }
        guard next < jobs.count else { return nil }
        let index = next
        next += 1
        busy += 1
        let waiting = jobs.count - next
        let running = busy + min(waiting, settings.size - busy)
        return (index, max(1, settings.cores / max(1, running)))
    }

    fileprivate func release() {
        lock.lock()
        busy -= 1
        lock.unlock()
    }
}

/// One worker process and the thread that feeds it.
private struct Slot {
    let pool: WorkerPool
    let number: Int
    var errorLog: String {
        NSTemporaryDirectory() + "/kinerja-\(getpid())-worker-\(number).log"
    }

    func run(_ jobs: [WorkerPool.Job], onEvent: @Sendable (WorkerPool.Event) -> Void) {
        var worker: ChildProcess?
        defer {
            worker?.closeInput()
            worker = nil
            try? FileManager.default.removeItem(atPath: errorLog)
        }
        while let (index, threads) = pool.take(from: jobs) {
            defer { pool.release() }
            let job = jobs[index]
            let start = Date()
            // The error log holds what the worker printed for this document only.
            truncate(errorLog, 0)
            if worker == nil {
                do {
                    worker = try ChildProcess(executable: pool.settings.executable,
                                              arguments: ["worker"], errorLog: errorLog)
                } catch {
                    onEvent(.finished(job: index, outcome: .failed(job.file, docID: job.docID, DocumentFailure(
                        stage: .worker, kind: .workerFailure, detail: "cannot start a reader process: \(error)")),
                                      reusable: false))
                    continue
                }
            }
            let (outcome, reusable, healthy) = read(job, id: index, threads: threads, start: start, with: worker!, onEvent: onEvent)
            if !healthy { worker = nil }
            onEvent(.finished(job: index, outcome: outcome, reusable: reusable))
        }
    }

    /// Hands one job to `worker` and waits for its outcome. `healthy` is
    /// false when the worker had to be killed or died.
    private func read(_ job: WorkerPool.Job, id: Int, threads: Int, start: Date, with worker: ChildProcess,
                      onEvent: @Sendable (WorkerPool.Event) -> Void)
        -> (outcome: DocumentResult, reusable: Bool, healthy: Bool) {
        let request = WorkerProtocol.Job(id: id, path: job.file.url.path, sourceFile: job.file.sourceFile, threads: threads,
                                         config: pool.settings.config)
        let limit = pool.settings.documentTimeLimit.flatMap { $0 > 0 ? $0 : nil }
        let pageLimit = pool.settings.pageTimeLimit.flatMap { $0 > 0 ? $0 : nil }
        let documentDeadline = limit.map { start.addingTimeInterval($0) }
        var lastPage = (done: 0, at: start)
        /// The sooner of the document's deadline and the next page's.
        func deadline() -> Date? {
            let page = pageLimit.map { lastPage.at.addingTimeInterval($0) }
            return [documentDeadline, page].compactMap { $0 }.min()
        }
        func failed(_ why: String, _ kind: DocumentFailure.Kind = .workerFailure) -> (DocumentResult, Bool, Bool) {
            (.failed(job.file, docID: job.docID, DocumentFailure(stage: .worker, kind: kind, detail: why),
                     seconds: Date().timeIntervalSince(start)), false, false)
        }

        guard let line = try? WorkerProtocol.line(request), worker.send(line) else {
            return failed("the reader process \(worker.terminate()) before taking the document\(lastError)")
        }
        while true {
            switch worker.readLine(until: deadline()) {
            case .timedOut:
                worker.terminate()
                if let documentDeadline, Date() >= documentDeadline {
                    return failed("gave up after \(format(limit ?? 0)) s (ingest.document_time_limit); the reader process was stopped", .timeout)
                }
                return failed("gave up on page \(lastPage.done + 1) after \(format(pageLimit ?? 0)) s without a page read (ingest.page_time_limit); the reader process was stopped", .timeout)
            case .ended(let exit):
                return failed("the reader process \(exit) while reading this document\(lastError)")
            case .line(let data):
                guard let reply = try? WorkerProtocol.decode(WorkerProtocol.Reply.self, from: data), reply.id == id else {
                    worker.terminate()
                    return failed("the reader process sent an unreadable reply")
                }
                if let outcome = reply.outcome { return (outcome, true, true) }
                if let done = reply.pagesDone, let total = reply.pagesTotal {
                    if done > lastPage.done { lastPage = (done, Date()) }
                    onEvent(.pages(job: id, done: done, total: total))
                }
            }
        }
    }

    /// The last line the worker wrote to its standard error (a runtime
    /// error message, say), prefixed for appending to an error.
    private var lastError: String {
        guard let data = FileManager.default.contents(atPath: errorLog) else { return "" }
        let lines = String(decoding: data.suffix(4096), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let chosen = lines.last { $0.contains("Fatal error") || $0.contains("error:") } ?? lines.last
        return chosen.map { ": \($0.prefix(300))" } ?? ""
    }

    private func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
