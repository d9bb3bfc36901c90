import Foundation
import KinerjaPipeline
import Logging
import Model
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a run tells its progress.
enum ProgressStyle: Sendable {
    /// A live bar on the terminal (standard error), failures printed above it.
    case bar
    /// One structured log line per document (swift-log, standard error).
    case log
    /// One JSON object per document on standard output, then a summary.
    case json
    /// Failed documents only.
    case quiet

    /// `--quiet` and `--json` win; then `--verbose` asks for log lines;
    /// otherwise a bar on a terminal that can draw one, log lines elsewhere
    /// (a pipe, a CI log, `TERM=dumb`).
    static func choose(quiet: Bool, json: Bool, verbose: Bool = false) -> ProgressStyle {
        if json { return .json }
        if quiet { return .quiet }
        if verbose { return .log }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return isatty(STDERR_FILENO) == 1 && term != "dumb" && !term.isEmpty ? .bar : .log
    }
}

/// Counts what the batch has done and shows it in the chosen style. Called
/// from the worker pool's threads.
final class BatchProgress: @unchecked Sendable {
    private let style: ProgressStyle
    private let logger: Logger
    private let lock = NSLock()
    private let start = Date()

    private var totalFiles = 0
    private var totalBytes = 0
    private var filesDone = 0
    private var failures = 0
    private var cached = 0
    /// Pages of finished documents, and of documents being read, by job.
    private var pagesDone = 0
    private var pagesInFlight: [Int: Int] = [:]
    /// Pages and bytes read in this run (not taken from the cache): the rate.
    private var pagesRead = 0
    private var bytesRead = 0
    private var bytesCached = 0
    private var ticker: DispatchSourceTimer?

    /// Whether each document gets its line (not when joining shards: their
    /// runs told each document already).
    private let perDocument: Bool

    init(style: ProgressStyle, logger: Logger, perDocument: Bool = true) {
        self.style = style
        self.logger = logger
        self.perDocument = perDocument
    }

    /// Shows what the pipeline reports.
    func handle(_ event: PipelineEvent) {
        switch event {
        case .started(let files, let bytes): started(files: files, bytes: bytes)
        case .pages(let job, let done, let total): pages(job: job, done: done, total: total)
        case .finished(let job, let summary, let bytes, let cached): finished(job: job ?? -1, summary, bytes: bytes, cached: cached)
        }
    }

    /// The input is found: the bar starts.
    private func started(files: Int, bytes: Int) {
        lock.lock()
        totalFiles = files
        totalBytes = bytes
        lock.unlock()
        if style == .bar {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "kinerja.progress"))
            timer.schedule(deadline: .now(), repeating: .milliseconds(100))
            timer.setEventHandler { [weak self] in self?.draw() }
            timer.resume()
            ticker = timer
        }
    }

    /// A document being read has `done` of its `total` pages read.
    private func pages(job: Int, done: Int, total: Int) {
        lock.lock()
        pagesInFlight[job] = done
        lock.unlock()
    }

    /// A document is finished: read now (`cached` false) or taken from the cache.
    private func finished(job: Int, _ s: DocumentSummary, bytes: Int, cached fromCache: Bool) {
        lock.lock()
        pagesInFlight[job] = nil
        filesDone += 1
        pagesDone += s.pages
        if s.status == .failed { failures += 1 }
        if fromCache {
            cached += 1
            bytesCached += bytes
        } else {
            pagesRead += s.pages
            bytesRead += bytes
        }
        lock.unlock()

        guard perDocument else { return }
        switch style {
        case .json:
            emitJSON(DocumentEvent(s, cached: fromCache))
        case .log:
            var metadata: Logger.Metadata = [
                "file": "\(s.sourceFile)", "status": "\(s.status.rawValue)", "pages": "\(s.pages)",
                "tables": "\(s.tables)", "records": "\(s.records)",
                "seconds": "\(String(format: "%.3f", s.seconds))", "cached": "\(fromCache)",
            ]
            if !s.error.isEmpty { metadata["error"] = "\(s.error)" }
            if s.status == .failed {
                logger.error("document failed", metadata: metadata)
            } else if s.status == .skipped {
                logger.warning("document skipped", metadata: metadata)
            } else {
                logger.info("document read", metadata: metadata)
            }
        case .quiet:
            if s.status == .failed { logger.error("\(s.error)") }
        case .bar:
            if s.status == .failed || s.status == .skipped { printAboveBar("\(s.status.rawValue): \(s.error)") }
        }
    }

    /// Stops the bar without a summary (the run ends with an error).
    func abandon() {
        ticker?.cancel()
        ticker = nil
        if style == .bar { writeStderr("\r\u{1B}[2K") }
    }

    /// Stops the bar and prints the batch summary in the chosen style.
    func finish(documents: Int, records: Int, discrepancies: Int, output: String) {
        ticker?.cancel()
        ticker = nil
        lock.lock()
        let elapsed = Date().timeIntervalSince(start)
        let summary = SummaryEvent(documents: documents, failed: failures, cached: cached, pages: pagesDone,
                                   records: records, discrepancies: discrepancies, seconds: rounded(elapsed),
                                   pagesPerSecond: rounded(Double(pagesRead) / max(elapsed, 1e-3)), output: output)
        lock.unlock()
        switch style {
        case .json:
            emitJSON(summary)
        case .bar, .log:
            if style == .bar { writeStderr("\r\u{1B}[2K") }
            logger.info("\(documents) documents (\(summary.failed) failed, \(summary.cached) from cache), \(summary.pages) pages, \(records) records, \(discrepancies) discrepancies in \(String(format: "%.1f", elapsed)) s → \(output)")
        case .quiet:
            break
        }
    }

    // MARK: - Terminal bar

    private func draw() {
        lock.lock()
        let line = barLine()
        lock.unlock()
        writeStderr("\r\u{1B}[2K" + line)
    }

    private func printAboveBar(_ message: String) {
        lock.lock()
        let line = barLine()
        lock.unlock()
        writeStderr("\r\u{1B}[2K" + LineLogHandler.escaped(String(message.prefix(400))) + "\n" + line)
    }

    /// `[██████░░░░░░] 12/40 files · 340 pages · 85.2 pages/s · ETA 0:10 · 1 failed`
    private func barLine() -> String {
        let elapsed = Date().timeIntervalSince(start)
        let pages = pagesDone + pagesInFlight.values.reduce(0, +)
        let readNow = pagesRead + pagesInFlight.values.reduce(0, +)
        let rate = elapsed > 0 ? Double(readNow) / elapsed : 0
        let width = 20
        let fraction = totalFiles == 0 ? 1 : Double(filesDone) / Double(totalFiles)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        // ETA from bytes: the only size known before a file is opened.
        let remaining = totalBytes - bytesRead - bytesCached
        var eta = "--:--"
        if bytesRead > 0, elapsed > 1 {
            eta = clock(Double(remaining) / (Double(bytesRead) / elapsed))
        }
        var line = "[\(bar)] \(filesDone)/\(totalFiles) files · \(pages) pages · \(String(format: "%.1f", rate)) pages/s · ETA \(eta)"
        if failures > 0 { line += " · \(failures) failed" }
        return line
    }

    private func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--:--" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String(format: "%d:%02d", s / 60, s % 60)
    }

    private func writeStderr(_ text: String) {
        _ = writeAll(STDERR_FILENO, Data(text.utf8))
    }

    // MARK: - JSON lines

    private let jsonLock = NSLock()

    private func emitJSON<T: Encodable>(_ event: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(event) else { return }
        data.append(0x0A)
        jsonLock.lock()
        _ = writeAll(STDOUT_FILENO, data)
        jsonLock.unlock()
    }

    private func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

/// `--json`: one line per document.
private struct DocumentEvent: Encodable {
    var event = "document"
    var docID: String
    var sourceFile: String
    var status: String
    var pages: Int
    var tables: Int
    var records: Int
    var error: String
    var seconds: Double
    var cached: Bool

    init(_ s: DocumentSummary, cached: Bool) {
        docID = s.docID
        sourceFile = s.sourceFile
        status = s.status.rawValue
        pages = s.pages
        tables = s.tables
        records = s.records
        error = s.error
        seconds = (s.seconds * 1000).rounded() / 1000
        self.cached = cached
    }

    enum CodingKeys: String, CodingKey {
        case event, docID = "doc_id", sourceFile = "source_file", status, pages, tables, records, error, seconds, cached
    }
}

/// `--json`: the last line.
private struct SummaryEvent: Encodable {
    var event = "summary"
    var documents: Int
    var failed: Int
    var cached: Int
    var pages: Int
    var records: Int
    var discrepancies: Int
    var seconds: Double
    var pagesPerSecond: Double
    var output: String

    enum CodingKeys: String, CodingKey {
        case event, documents, failed, cached, pages, records, discrepancies, seconds
        case pagesPerSecond = "pages_per_second"
        case output
    }
}
