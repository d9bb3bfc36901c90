import Foundation
import Model
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop of a worker process (`kinerja worker`), which a run hands
/// documents to: jobs (JSON lines, each with the run's configuration) on
/// standard input; page progress and each document's result (JSON lines)
/// on standard output. A document that crashes or hangs the PDF library
/// takes down this process only.
public enum WorkerService {
    /// Serves jobs until standard input ends or the run is gone.
    public static func serve() throws {
        // A closed pipe is an error to handle, not a signal that kills us.
        signal(SIGPIPE, SIG_IGN)
        exitWhenOrphaned()
        let out = ReplyWriter()
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty else { continue }
            let job = try WorkerProtocol.decode(WorkerProtocol.Job.self, from: Data(line.utf8))
            var processor = DocumentProcessor(config: job.config)
            processor.pageThreads = max(1, job.threads)
            processor.onPage = { done, total in out.progress(job: job.id, done: done, total: total) }
            let outcome = processor.process(InputFile(url: URL(fileURLWithPath: job.path), sourceFile: job.sourceFile))
            guard out.send(WorkerProtocol.Reply(id: job.id, outcome: outcome)) else { return }
        }
    }

    /// Ends this process soon after the run dies (even by `kill -9`),
    /// instead of finishing a long document nobody will read.
    private static func exitWhenOrphaned() {
        let parent = getppid()
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                if getppid() != parent { _exit(0) }
            }
        }
    }
}

/// Writes replies to standard output, one whole line at a time, from any
/// thread; page progress at most every 200 ms.
private final class ReplyWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var lastProgress = Date.distantPast

    func progress(job: Int, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastProgress) >= 0.2 else { return }
        lastProgress = now
        if let line = try? WorkerProtocol.line(WorkerProtocol.Reply(id: job, pagesDone: done, pagesTotal: total)) {
            _ = writeAll(STDOUT_FILENO, line)
        }
    }

    /// False when the output is closed (the run is gone).
    func send(_ reply: WorkerProtocol.Reply) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let line = try? WorkerProtocol.line(reply) else { return false }
        return writeAll(STDOUT_FILENO, line)
    }
}
