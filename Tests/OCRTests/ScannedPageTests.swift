import Foundation
@testable import Ingest
import Model
import Normalize
import Testing

/// Pages turned into pictures and read back by OCR, checked against the
/// text layer of the very same page.
@Suite("Scanned pages read by OCR")
struct ScannedPageTests {
    static func originalPage() throws -> Page {
        let doc = try #require(ScanFixtures.original)
        return try #require(doc.pages.first { $0.number == ScanFixtures.tablePage })
    }

    @Test("A document with text pages and a picture-only page gives records from both")
    func mixedDocument() throws {
        let folder = try ScanFixtures.folder("mixed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let mixed = try Ingestor().read(ScanFixtures.mixedDocument(in: folder), sourceFile: "mixed.pdf")

        #expect(mixed.pages.count == 15)
        for page in mixed.pages {
            #expect(page.textSource == (page.number == ScanFixtures.tablePage ? .ocr : .textLayer), "page \(page.number)")
        }

        let records = Normalizer().normalize(mixed).records
        let scanned = records.filter { $0.page == ScanFixtures.tablePage }
        let typed = records.filter { $0.page != ScanFixtures.tablePage }
        #expect(!typed.isEmpty)
        #expect(typed.allSatisfy { $0.ocrConfidence == nil })
        #expect(scanned.allSatisfy { $0.ocrConfidence.map { $0 > 0 && $0 <= 100 } ?? false })

        // The scanned page's records are the ones its text layer gave.
        let original = Normalizer().normalize(try #require(ScanFixtures.original)).records
            .filter { $0.page == ScanFixtures.tablePage }
        #expect(original.count >= 10)
        #expect(scanned.count == original.count)
        func key(_ r: Record) -> String { "\(r.period) \(r.indicator.lowercased().split(separator: " ").joined(separator: " "))" }
        var sameIndicator = 0, sameValues = 0, values = 0
        for o in original {
            guard let s = scanned.first(where: { key($0) == key(o) }) else { continue }
            sameIndicator += 1
            for field in ValueField.allCases where o[field].value != nil {
                values += 1
                if s[field].value == o[field].value { sameValues += 1 }
            }
        }
        #expect(Double(sameIndicator) >= 0.9 * Double(original.count), "\(sameIndicator) of \(original.count) indicators read")
        #expect(values > 0 && Double(sameValues) >= 0.95 * Double(values), "\(sameValues) of \(values) figures read")
    }

    @Test("A page scanned sideways is turned upright")
    func sideways() throws {
        #expect((try? TesseractEngine(languages: "osd", dataPath: nil)) != nil,
                "Tesseract's orientation model is missing (install tesseract-ocr-osd)")
        let folder = try ScanFixtures.folder("sideways")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("sideways.pdf")
        try ScanFixtures.pictureOnlyPDF(of: ScanFixtures.lk01, page: ScanFixtures.tablePage, quarterTurns: 1, to: pdf)
        let page = try #require(try Ingestor().read(pdf, sourceFile: "sideways.pdf").pages.first)
        let original = try Self.originalPage()

        #expect(page.textSource == .ocr)
        // The table is landscape: upright, the page is wider than tall.
        #expect(page.width > page.height)
        let share = ScanFixtures.share(of: ScanFixtures.cellTexts(original), in: ScanFixtures.cellTexts(page))
        #expect(share >= 0.85, "\(share) of the cells read alike")
    }

    @Test("A tilted scan is straightened before its borders are found", arguments: [1.5, -0.7])
    func tilted(degrees: Double) throws {
        let folder = try ScanFixtures.folder("tilted")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("tilted.pdf")
        try ScanFixtures.pictureOnlyPDF(of: ScanFixtures.lk01, page: ScanFixtures.tablePage, tilt: degrees, to: pdf)
        let page = try #require(try Ingestor().read(pdf, sourceFile: "tilted.pdf").pages.first)
        let original = try Self.originalPage()

        #expect(page.tables.count == original.tables.count)
        let grid = try #require(page.tables.first), truth = try #require(original.tables.first)
        #expect(grid.columnCount == truth.columnCount)
        #expect(grid.rowCount == truth.rowCount)
        let share = ScanFixtures.share(of: ScanFixtures.cellTexts(original), in: ScanFixtures.cellTexts(page))
        #expect(share >= 0.85, "\(share) of the cells read alike")
    }

    @Test("OCR off: a picture-only page is left unread, not guessed")
    func ocrOff() throws {
        let folder = try ScanFixtures.folder("off")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("picture.pdf")
        try ScanFixtures.pictureOnlyPDF(of: ScanFixtures.lk01, page: ScanFixtures.tablePage, to: pdf)
        var config = IngestConfig()
        config.ocr.enabled = false
        let page = try #require(try Ingestor(config: config).read(pdf, sourceFile: "picture.pdf").pages.first)
        #expect(page.textSource == TextSource.none)
        #expect(page.lines.isEmpty)
    }
}
