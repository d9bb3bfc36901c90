import Dispatch
import Foundation
import Model

extension Ingestor {
    /// Reads the file at `url`; `onPage` is told the pages read so far and
    /// the document's page count. `threads` is how many threads the pages
    /// may be spread over.
    public func read(_ url: URL, sourceFile: String, threads: Int,
                     onPage: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> IngestedDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw IngestError.unreadable((error as NSError).localizedDescription)
        }
        // `threads` bounds the document's pages in OCR at once, and the
        // threads its text-layer pages are read on.
        return try read(data: data, sourceFile: sourceFile, ocrThreads: threads, pageThreads: threads, onPage: onPage)
    }
}

/// Spreads a document's pages over threads, a few pages at a time from a
/// shared counter. A poppler document is not shared across threads: the
/// first thread uses the copy already open, each other one opens its own
/// from the same bytes. Which thread reads a page does not change what is
/// read.
struct PageRuns {
    /// Pages a thread takes at a time: enough to keep the counter quiet,
    /// few enough to keep the threads evenly busy.
    static let pagesPerRun = 4

    let count: Int
    let threads: Int

    func forEach(first: PDFDocument, data: Data, _ body: @Sendable (PDFDocument, Int) -> Void) {
        let runs = (count + Self.pagesPerRun - 1) / Self.pagesPerRun
        let threadCount = max(1, min(threads, runs))
        guard threadCount > 1 else {
            for i in 0..<count { body(first, i) }
            return
        }
        let counter = RunCounter(count: count)
        let firstCopy = UncheckedBox(first)
        DispatchQueue.concurrentPerform(iterations: threadCount) { t in
            guard let pdf = t == 0 ? firstCopy.value : try? PDFDocument(data: data) else { return }
            while let run = counter.next(Self.pagesPerRun) {
                for i in run { body(pdf, i) }
            }
        }
    }
}

/// The next pages no thread has taken yet.
private final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0

    init(count: Int) { self.count = count }

    func next(_ size: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        let run = next..<min(next + size, count)
        next = run.upperBound
        return run
    }
}

/// Hands a value that is not Sendable to the one thread that uses it.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
