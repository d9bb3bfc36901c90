import Foundation
import Ingest
import Model
import Normalize

/// What became of one input file before validation. Codable: it travels
/// from worker processes as JSON and is kept in the result cache.
public struct DocumentResult: Sendable, Codable {
    /// The document's `documents.csv` row.
    public var summary: DocumentSummary
    public var records: [Record]
    /// The indicator catalog read from a performance tree.
    public var indicators: [IndicatorEntry] = []
    /// The document's agency key, from its title (see `IndicatorCatalog`).
    public var agency: String? = nil
    /// Every table found and what it was read as (`tables.csv`).
    public var tables: [TableSummary] = []
    /// Why the file gave no document (status `failed`).
    public var failure: DocumentFailure? = nil
}

/// Reads one file through Ingest and Normalize. Never throws: a bad file is
/// an outcome with `status = failed` and a one-line error.
struct DocumentProcessor: Sendable {
    var config: PipelineConfig
    /// Threads a large document's pages may be read on.
    var pageThreads = 1
    /// Called with the pages read so far and the document's page count.
    var onPage: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil

    func process(_ file: InputFile) -> DocumentResult {
        let start = Date()
        let ingestor = Ingestor(config: config.ingest)
        do {
            let document = try ingestor.read(file.url, sourceFile: file.sourceFile, threads: pageThreads, onPage: onPage)
            let normalized = Normalizer(config: config.normalize, catalog: config.catalog).normalize(document)
            let textPages = document.pages.filter { $0.textSource == .textLayer }.count
            let ocrPages = document.pages.filter { $0.textSource == .ocr }.count
            let unread = document.pages.count - textPages - ocrPages
            let textLayer: DocumentSummary.TextLayer =
                textPages == document.pages.count ? .yes : (textPages == 0 ? .no : .partial)
            var status: DocumentSummary.Status = .ok
            var error = ""
            if document.pageCount > document.pages.count {
                error = "only the first \(document.pages.count) of \(document.pageCount) pages were read (ingest.max_pages)"
                status = .partial
            }
            if unread > 0 {
                error += (error.isEmpty ? "" : "; ")
                    + "\(unread) page(s) without a usable text layer were skipped (OCR disabled or its languages not installed)"
                status = .partial
            } else if status == .ok, normalized.records.isEmpty, normalized.indicators.isEmpty,
                      let first = normalized.tables.first(where: { !$0.reason.isEmpty }) {
                // Tables of figures and no record: never a silent `ok`.
                let count = normalized.tables.filter { !$0.reason.isEmpty }.count
                status = .empty
                error = "\(count) table(s) with figures gave no records; table \(first.table) (page \(first.page)): \(first.reason) (tables.csv lists each)"
            }
            let summary = DocumentSummary(
                docID: document.docID, sourceFile: file.sourceFile, status: status, pages: document.pages.count,
                textLayer: textLayer, tables: normalized.tableCount, records: normalized.records.count,
                error: error, seconds: Date().timeIntervalSince(start), kind: normalized.kind, ocrPages: ocrPages)
            return DocumentResult(summary: summary, records: normalized.records, indicators: normalized.indicators,
                                   agency: normalized.agency, tables: normalized.tables)
        } catch {
            let docID = (try? Data(contentsOf: file.url, options: .mappedIfSafe)).map(Ingestor.documentID(of:)) ?? ""
            return .failed(file, docID: docID, DocumentFailure(error), seconds: Date().timeIntervalSince(start))
        }
    }
}
