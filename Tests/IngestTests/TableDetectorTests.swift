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
        ["54,00", "2"], ["54.00", "2"], ["95,00", "65"], ["100,00", "10.000.000"], ["80,00", "-"],
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

    /// Words of one line, each placed after the previous one at `space`.
    static func line(_ texts: [String], from x: Double, row: Int, space: Double = 0.9) -> [GlyphWord] {
        var at = x
        return texts.map { t in
            defer { at += Double(t.count) * 5 + space }
            return word(t, x: at, row: row)
        }
    }

    /// Where a line of `texts` must start to end at `x`.
    static func start(_ texts: [String], endingAt x: Double, space: Double = 0.9) -> Double {
        x - Double(texts.map(\.count).reduce(0, +)) * 5 - space * Double(texts.count - 1)
    }

    /// Names in column 0 of every row but `row`.
    static func names(except row: Int) -> [GlyphWord] {
        names().enumerated().filter { $0.offset != row }.map(\.element)
    }

    static func grid(_ words: [GlyphWord]) throws -> TableGrid {
        try #require(TableDetector.grid(page: 1, rulings: rulings(gap: nil), words: words))
    }

    @Test("A name running on under the next cell's amount stays the name's", arguments: [
        "335.070.000", "335,070,000", "335.070.000,00",
    ])
    func runOnName(amount: String) throws {
        // The name's last word ends at the border (x 200), the line goes on
        // a word space past it, over the amount printed in the next cell.
        let words = ["Rehabilitasi", "Gedung", "Strategis"]
        let name = Self.line(words, from: Self.start(words, endingAt: 200), row: 1)
        let runOn = Self.line(["Daerah", "Kota"], from: 200.9, row: 1)
        let figure = Self.word(amount, x: 259 - Double(amount.count) * 5, row: 1)
        let grid = try Self.grid(Self.names(except: 1) + name + runOn + [figure])
        #expect(Self.cell(grid, row: 1, column: 0)?.text == "Rehabilitasi Gedung Strategis Daerah Kota")
        #expect(Self.cell(grid, row: 1, column: 1)?.text == amount)
    }

    @Test("Text beside text at a narrow border is two cells")
    func narrowPadding() throws {
        // A name ending at the border and an indicator starting just past
        // it (a form with little cell padding): no figure is printed over.
        let name = Self.line(["Pengembangan", "Wisata"], from: Self.start(["Pengembangan", "Wisata"], endingAt: 200), row: 1)
        let indicator = Self.line(["Tingkat", "pelayanan"], from: 200.9, row: 1)
        let grid = try Self.grid(Self.names(except: 1) + name + indicator + [Self.word("100,00", x: 280, row: 1)])
        #expect(Self.cell(grid, row: 1, column: 0)?.text == "Pengembangan Wisata")
        #expect(Self.cell(grid, row: 1, column: 1)?.text == "Tingkat pelayanan")
    }

    @Test("A bare number crossing the border from a line of text is part of the text")
    func numberInRunOnText() throws {
        // `… Luasnya dibawah 1000 Ha dalam …` over the next cell's amount.
        let text = Self.line(["Luasnya", "dibawah", "1000", "Ha", "dalam"],
                             from: Self.start(["Luasnya", "dibawah"], endingAt: 198), row: 1)
        let grid = try Self.grid(Self.names(except: 1) + text + [Self.word("20.411.624.000", x: 208, row: 1)])
        #expect(Self.cell(grid, row: 1, column: 0)?.text == "Luasnya dibawah 1000 Ha dalam")
        #expect(Self.cell(grid, row: 1, column: 1)?.text == "20.411.624.000")
        // A bare number in a cell of its own stays there.
        let own = Self.line(["Luasnya"], from: 22, row: 2) + [Self.word("1000", x: 220, row: 2)]
        let plain = try Self.grid(own)
        #expect(Self.cell(plain, row: 2, column: 1)?.text == "1000")
    }

    @Test("An amount glued to the text before it is cut off it; Rp stays with its amount", arguments: [
        ("Rawa251.500.000", "Rawa", "251.500.000"), ("Grobogan180,000,000", "Grobogan", "180,000,000"),
        ("2021)600.000.000", "2021)", "600.000.000"), ("Rp251.500.000", nil, "Rp251.500.000"),
        ("R.205", nil, "R.205"),
    ])
    func gluedAmount(word: String, text: String?, amount: String) throws {
        let glued = Self.word(word, x: 204, row: 1)
        let split = glued.splitGluedAmount()
        #expect(split?.map(\.text) == text.map { [$0, amount] })
    }
}
