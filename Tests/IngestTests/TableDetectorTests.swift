import Model
import Testing
@testable import Ingest

/// Ruled grids generated in variants, read by `TableDetector.grid`: a
/// border segment the PDF does not draw between two rows of a value column
/// (Excel exports of RFK sheets), against cells that really are merged.
struct TableDetectorTests {
    static let columns: [Double] = [20, 200, 260, 320]
    static let rowTops: [Double] = [100, 114, 128, 142, 156]

    /// A word at `x` on the text line of row `row` (or at `y` when given).
    static func word(_ text: String, x: Double, row: Int? = nil, y: Double? = nil) -> GlyphWord {
        let top = y ?? rowTops[row!] + 3
        let glyphs = text.unicodeScalars.enumerated().map { i, s in
            Glyph(scalar: s, bbox: BBox(x0: x + Double(i) * 5, y0: top, x1: x + Double(i + 1) * 5, y1: top + 9),
                  bold: false, italic: false)
        }
        return GlyphWord(glyphs: glyphs)
    }

    /// Rulings of the four-row grid, without the horizontal border at row
    /// edge `gap.edge` across the columns in `gap.columns`.
    static func rulings(gap: (edge: Int, columns: ClosedRange<Int>)?) -> [Ruling] {
        var out = columns.map { Ruling(axis: .vertical, position: $0, start: rowTops.first!, end: rowTops.last!) }
        for (r, y) in rowTops.enumerated() {
            for c in 0..<(columns.count - 1) where !(gap?.edge == r && gap!.columns.contains(c)) {
                out.append(Ruling(axis: .horizontal, position: y, start: columns[c], end: columns[c + 1]))
            }
        }
        return out
    }

    static func names() -> [GlyphWord] {
        (0..<4).map { word("Paket\($0 + 1)", x: 22, row: $0) }
    }

    static func cell(_ grid: TableGrid, row: Int, column: Int) -> GridCell? { grid.cell(coveringRow: row, column: column) }

    @Test("A missing border between two rows' figures does not join them", arguments: [
        ["54,00", "2"], ["54.00", "2"], ["95,00", "65"], ["100,00", "10.000.000"],
    ])
    func missingBorder(figures: [String]) throws {
        var words = Self.names()
        words += [Self.word(figures[0], x: 215, row: 1), Self.word(figures[1], x: 230, row: 2)]
        words += (0..<4).map { Self.word("100,00", x: 270, row: $0) }
        let grid = try #require(TableDetector.grid(page: 1, rulings: Self.rulings(gap: (2, 1...1)), words: words))
        let upper = try #require(Self.cell(grid, row: 1, column: 1))
        let lower = try #require(Self.cell(grid, row: 2, column: 1))
        #expect(upper.rowSpan == 1 && lower.rowSpan == 1)
        #expect(upper.text == figures[0])
        #expect(lower.text == figures[1])
    }

    @Test("Three rows under one missing border each keep their figure")
    func missingBorders() throws {
        var words = Self.names()
        words += [Self.word("95,00", x: 215, row: 1), Self.word("65", x: 230, row: 2), Self.word("65", x: 230, row: 3)]
        var rulings = Self.rulings(gap: (2, 1...1))
        rulings.removeAll { $0.axis == .horizontal && $0.position == Self.rowTops[3] && $0.start == Self.columns[1] }
        let grid = try #require(TableDetector.grid(page: 1, rulings: rulings, words: words))
        #expect((1...3).map { Self.cell(grid, row: $0, column: 1)?.text } == ["95,00", "65", "65"])
    }

    @Test("Cells that really are merged stay merged")
    func realMerges() throws {
        // One figure for two rows (a kegiatan's pagu over its sub kegiatan).
        var words = Self.names() + [Self.word("250.000.000", x: 205, y: Self.rowTops[1] + 10)]
        var grid = try #require(TableDetector.grid(page: 1, rulings: Self.rulings(gap: (2, 1...1)), words: words))
        #expect(Self.cell(grid, row: 1, column: 1)?.rowSpan == 2)

        // Two figures laid out inside the merged cell, off the rows' lines.
        words = Self.names() + [Self.word("250.000.000", x: 205, y: Self.rowTops[1] + 6),
                                Self.word("(95,00)", x: 205, y: Self.rowTops[1] + 16)]
        grid = try #require(TableDetector.grid(page: 1, rulings: Self.rulings(gap: (2, 1...1)), words: words))
        #expect(Self.cell(grid, row: 1, column: 1)?.rowSpan == 2)

        // A name wrapped over the two rows, its lines on the rows' lines.
        words = [Self.word("Paket1", x: 22, row: 0), Self.word("Peningkatan", x: 22, row: 1),
                 Self.word("Jalan", x: 22, row: 2), Self.word("Paket4", x: 22, row: 3)]
        words += (0..<4).map { Self.word("100,00", x: 270, row: $0) }
        grid = try #require(TableDetector.grid(page: 1, rulings: Self.rulings(gap: (2, 0...0)), words: words))
        #expect(Self.cell(grid, row: 1, column: 0)?.rowSpan == 2)
        #expect(Self.cell(grid, row: 1, column: 0)?.text == "Peningkatan Jalan")
    }
}
