import Foundation
import Model
import Normalize
import Testing
import Validate

/// Figures of scanned tables: repaired where the column leaves one reading,
/// not taken when OCR was unsure, and reported for a person to confirm.
@Suite("Figures read by OCR")
struct OCRFigureTests {
    /// A one-table LKjIP: a title page, then the indicator table with each
    /// body cell's text and OCR confidence (nil: from the text layer).
    static func document(_ body: [[(String, Double?)]]) -> IngestedDocument {
        let header = ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]
        let xs: [Double] = [40, 70, 300, 360, 430, 500, 570]
        let rowHeight = 20.0
        var cells: [GridCell] = []
        let rows = [header.map { ($0, Double?.none) }] + body
        for (r, row) in rows.enumerated() {
            for (c, (text, confidence)) in row.enumerated() {
                let box = BBox(x0: xs[c], y0: 100 + Double(r) * rowHeight, x1: xs[c + 1], y1: 100 + Double(r + 1) * rowHeight)
                let words = text.split(separator: " ").enumerated().map { i, w in
                    Word(text: String(w), bbox: BBox(x0: box.x0 + 2 + Double(i) * 30, y0: box.y0 + 5,
                                                     x1: box.x0 + 28 + Double(i) * 30, y1: box.y1 - 5),
                         confidence: confidence)
                }
                cells.append(GridCell(row: r, column: c, bbox: box, lines: words.isEmpty ? [] : [TextLine(words: words)]))
            }
        }
        let grid = TableGrid(page: 2, bbox: BBox(x0: 40, y0: 100, x1: 570, y1: 100 + Double(rows.count) * rowHeight),
                             columnEdges: xs, rowEdges: (0...rows.count).map { 100 + Double($0) * rowHeight },
                             cells: cells, ruled: true)
        let title = TextLine(words: "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023".split(separator: " ").enumerated().map {
            Word(text: String($0.element), bbox: BBox(x0: 100 + Double($0.offset) * 60, y0: 300, x1: 150 + Double($0.offset) * 60, y1: 314))
        })
        let caption = TextLine(words: ["Tabel", "3.1", "Capaian", "Indikator", "Kinerja"].enumerated().map {
            Word(text: $0.element, bbox: BBox(x0: 100 + Double($0.offset) * 50, y0: 70, x1: 140 + Double($0.offset) * 50, y1: 82))
        })
        let source: TextSource = body.joined().contains { $0.1 != nil } ? .ocr : .textLayer
        return IngestedDocument(docID: "d", sourceFile: "scan.pdf", pages: [
            Page(number: 1, width: 595, height: 842, lines: [title], rulings: [], tables: [], textSource: source),
            Page(number: 2, width: 842, height: 595, lines: [caption] + grid.cells.flatMap(\.lines), rulings: [],
                 tables: [grid], textSource: source),
        ])
    }

    static let rows: [[(String, Double?)]] = [
        [("1", 95), ("Persentase keluarga miskin terverifikasi", 92), ("Persen", 95), ("8l,9", 91), ("78,79", 94), ("96,2%", 93)],
        [("2", 95), ("Indeks kepuasan masyarakat", 90), ("Indeks", 95), ("84,08", 93), ("82,87", 31), ("98,56", 90)],
        [("3", 95), ("Persentase PSKS aktif", 92), ("Persen", 96), ("76,89", 94), ("79,14", 95), ("102,93 Yo", 88)],
    ]

    static func record(_ records: [Record], _ prefix: String) throws -> Record {
        try #require(records.first { $0.indicator.hasPrefix(prefix) })
    }

    @Test("A letter read for a digit is repaired, and the record carries its confidence")
    func repaired() throws {
        let records = Normalizer().normalize(Self.document(Self.rows)).records
        #expect(records.count == 3)
        let first = try Self.record(records, "Persentase keluarga")
        #expect(first.target.value == 81.9)
        #expect(first.target.raw == "81,9")
        #expect(first.ocrConfidence == 91)
        let third = try Self.record(records, "Persentase PSKS")
        #expect(third.capaian.value == 102.93)
    }

    @Test("A figure read with low confidence gets no value, and validation asks to confirm it")
    func lowConfidence() throws {
        let records = Normalizer().normalize(Self.document(Self.rows)).records
        let unsure = try Self.record(records, "Indeks kepuasan")
        #expect(unsure.realisasi.raw == "82,87")
        #expect(unsure.realisasi.value == nil)
        #expect(unsure.ocrConfidence == 31)

        let findings = Validator(config: ValidateConfig()).validate(records).discrepancies
        let unparsed = findings.filter { $0.rule == .valueUnparsed }
        #expect(unparsed.count == 1)
        #expect(unparsed.first?.field == "realisasi")
        #expect(unparsed.first?.message.contains("OCR") == true)
        // No capaian check is made on a figure nobody could read.
        #expect(!findings.contains { $0.rule.rawValue.hasPrefix("capaian") && $0.row == unsure.row })
    }

    @Test("A figure OCR could not repair is reported, not guessed")
    func unrepairable() throws {
        var rows = Self.rows
        rows[0][4] = ("7B,79", 90)   // B for 8: a letter that may be a text value
        let records = Normalizer().normalize(Self.document(rows)).records
        let first = try Self.record(records, "Persentase keluarga")
        #expect(first.realisasi.value == nil)
        #expect(first.realisasi.raw == "7B,79")
    }

    @Test("Text-layer figures are never repaired")
    func textLayer() throws {
        let typed = Self.rows.map { $0.map { ($0.0, Double?.none) } }
        let records = Normalizer().normalize(Self.document(typed)).records
        let first = try Self.record(records, "Persentase keluarga")
        #expect(first.target.value == nil)
        #expect(first.ocrConfidence == nil)
        let second = try Self.record(records, "Indeks kepuasan")
        #expect(second.realisasi.value == 82.87)
    }
}
