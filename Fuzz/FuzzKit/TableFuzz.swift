// Ingest's word and table builders are internal: reached through testable
// imports, which only debug builds allow (the fuzz builds are debug).
#if DEBUG
import Foundation
@testable import Ingest
import Model
@testable import Normalize

/// Table reconstruction from word boxes: the input decodes to rulings and
/// characters placed on a coarse grid of a page (so that edges and words
/// collide often), which go through Ingest's word, line and table builders
/// and then through Normalize. Nothing may crash, and every grid must be
/// well formed.
public enum TableFuzz {
    static let alphabet: [Unicode.Scalar] = Array("0123456789.,-%()/ #RpTargetRealisasiCapaianNoIndikatorProgramKegiatan\u{A0}–".unicodeScalars)

    public static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let width = 842.0, height = 595.0
        var rulings: [Ruling] = []
        for _ in 0..<input.int(below: 48) {
            let horizontal = input.bool()
            let position = Double(input.int(below: 200)) * 4
            let start = Double(input.int(below: 220)) * 4 - 20
            let end = Double(input.int(below: 220)) * 4 - 20
            rulings.append(Ruling(axis: horizontal ? .horizontal : .vertical, position: position, start: start, end: end))
        }
        var glyphs: [Glyph] = []
        while !input.isAtEnd && glyphs.count < 600 {
            let scalar = alphabet[Int(input.byte()) % alphabet.count]
            let x = Double(input.int(below: 420)) * 2
            let y = Double(input.int(below: 300)) * 2
            let w = Double(input.byte() % 12) + 0.5
            let h = Double(input.byte() % 16) + 1
            let face = input.byte()
            glyphs.append(Glyph(scalar: scalar, bbox: BBox(x0: x, y0: y, x1: x + w, y1: y + h),
                                bold: face & 1 == 1, italic: face & 2 == 2))
        }
        let words = TextExtractor.words(from: glyphs)
        let lines = LineBuilder.lines(from: words.map(\.word))
        let tables = TableDetector.tables(page: 1, rulings: rulings, words: words)
        for grid in tables { check(grid) }

        // The same page twice (a table running on), through Normalize.
        let pages = (1...2).map { n in
            Page(number: n, width: width, height: height, lines: lines, rulings: rulings,
                 tables: tables.map { var t = $0; t.page = n; return t }, textSource: .textLayer)
        }
        let document = IngestedDocument(docID: "fuzz", sourceFile: "fuzz.pdf", pages: pages)
        let normalized = Normalizer().normalize(document)
        for record in normalized.records {
            fuzzCheck((1...2).contains(record.page), "record on page \(record.page)")
            fuzzCheck(record.table >= 1 && record.row >= 1, "record at table \(record.table) row \(record.row)")
        }
    }

    /// Edges ascend, and every cell lies inside the grid.
    static func check(_ grid: TableGrid) {
        fuzzCheck(zip(grid.columnEdges, grid.columnEdges.dropFirst()).allSatisfy { $0 < $1 }, "column edges \(grid.columnEdges)")
        fuzzCheck(zip(grid.rowEdges, grid.rowEdges.dropFirst()).allSatisfy { $0 < $1 }, "row edges \(grid.rowEdges)")
        for cell in grid.cells {
            fuzzCheck(cell.row >= 0 && cell.column >= 0 && cell.rowSpan >= 1 && cell.columnSpan >= 1,
                      "cell at \(cell.row),\(cell.column) span \(cell.rowSpan)x\(cell.columnSpan)")
            fuzzCheck(cell.row + cell.rowSpan <= grid.rowCount && cell.column + cell.columnSpan <= grid.columnCount,
                      "cell \(cell.row),\(cell.column) span \(cell.rowSpan)x\(cell.columnSpan) outside \(grid.rowCount)x\(grid.columnCount)")
        }
    }
}
#else
/// Release builds: the table fuzzer needs testable imports (debug only).
public enum TableFuzz {
    public static func run(_ bytes: [UInt8]) {}
}
#endif
