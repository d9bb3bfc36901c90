import Foundation
import Ingest
import Model
import Testing
import TestSupport

/// A document's pages read on several threads (each with its own poppler
/// copy of the document) come out as the one-thread read gives them.
struct PageParallelReadingTests {
    @Test func pagesReadOnSeveralThreadsMatchOneThread() throws {
        let url = SharedFolder.dev.appendingPathComponent("tw01_pengukuran_kinerja_2022_dinkes_kab_tanah_datar.pdf")
        let ingestor = Ingestor()
        let one = try ingestor.read(url, sourceFile: "tw01.pdf", threads: 1)
        let progress = ProgressLog()
        let three = try ingestor.read(url, sourceFile: "tw01.pdf", threads: 3) { done, total in progress.add(done, total) }

        #expect(one.pages.count == 12)
        #expect(three.pages.map(\.number) == Array(1...12))
        for (a, b) in zip(one.pages, three.pages) {
            #expect(a.number == b.number)
            #expect(a.lines == b.lines, "page \(a.number): lines differ")
            #expect(a.rulings == b.rulings, "page \(a.number): rulings differ")
            #expect(a.tables == b.tables, "page \(a.number): tables differ")
            #expect(a.textSource == b.textSource)
        }
        #expect(one.pages.reduce(0) { $0 + $1.tables.count } > 0)
        // Every page reported once, ending at 12 of 12.
        #expect(progress.calls.map(\.done).sorted() == Array(1...12))
        #expect(progress.calls.allSatisfy { $0.total == 12 })
    }
}

private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [(done: Int, total: Int)] = []
    func add(_ done: Int, _ total: Int) { lock.lock(); log.append((done, total)); lock.unlock() }
    var calls: [(done: Int, total: Int)] { lock.lock(); defer { lock.unlock() }; return log }
}
