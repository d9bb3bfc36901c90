import Crypto
import Foundation
import Model

/// Stage 1: reads a PDF into pages of positioned words, ruling lines and
/// table grids.
public struct Ingestor: Sendable {
    public var config: IngestConfig

    public init(config: IngestConfig = .init()) {
        self.config = config
    }

    /// SHA-256 of the bytes, lowercase hex: the document's `doc_id`.
    public static func documentID(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads the file at `url`; `sourceFile` is its path relative to the
    /// input root.
    public func read(_ url: URL, sourceFile: String) throws -> IngestedDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw IngestError.unreadable((error as NSError).localizedDescription)
        }
        return try read(data: data, sourceFile: sourceFile)
    }

    public func read(data: Data, sourceFile: String) throws -> IngestedDocument {
        let docID = Ingestor.documentID(of: data)
        let pdf = try PDFDocument(data: data)
        var pages: [Page] = []
        for i in 0..<min(pdf.pageCount, config.maxPages) {
            guard let page = pdf.page(i) else { continue }
            pages.append(readPage(page))
        }
        return IngestedDocument(docID: docID, sourceFile: sourceFile, pages: pages)
    }

    func readPage(_ page: PDFPage) -> Page {
        let size = page.size
        let glyphs = TextExtractor.glyphs(of: page)
        let words = TextExtractor.words(from: glyphs)
        let lines = LineBuilder.lines(from: words.map(\.word))
        let (rulings, boxes, strokes) = RulingExtractor.shapes(of: page)
        let tables = TableDetector.detect(page: page.number, rulings: rulings, words: words)
        return Page(number: page.number, width: size.width, height: size.height, lines: lines,
                    rulings: rulings, tables: tables, textSource: glyphs.isEmpty ? .none : .textLayer,
                    boxes: boxes, strokes: strokes)
    }
}
