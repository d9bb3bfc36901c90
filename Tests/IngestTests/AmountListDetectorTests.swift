import Model
import Testing
@testable import Ingest

/// Budget lists printed without borders (the Perjanjian Kinerja appendix
/// `Program | Anggaran | Keterangan`), generated in layout variants: items
/// numbered or not, the amount on an item's first or middle line, with
/// `Rp`, `Rp.` or no sign, Indonesian or English digit grouping, and a
/// signature block below. Each must give one row per item, the name whole.
struct AmountListDetectorTests {
    /// Words of a line: (text, x) pairs at height `y`, 5 points a character.
    static func words(_ items: [(String, Double)], y: Double) -> [GlyphWord] {
        items.flatMap { text, x -> [GlyphWord] in
            var at = x
            return text.split(separator: " ").map { word in
                let glyphs = word.unicodeScalars.enumerated().map { i, s in
                    Glyph(scalar: s, bbox: BBox(x0: at + Double(i) * 5, y0: y, x1: at + Double(i + 1) * 5, y1: y + 9),
                          bold: false, italic: false)
                }
                at += Double(word.count) * 5 + 4
                return GlyphWord(glyphs: glyphs)
            }
        }
    }

    static let items: [(name: [String], amount: Double)] = [
        (["Program Pelayanan Administrasi", "Perkantoran"], 2_680_195_747),
        (["Program Peningkatan Sarana dan", "Prasarana Aparatur", "Daerah"], 210_500_000),
        (["Program Pengembangan Data"], 442_459_400),
        (["Program Pembinaan Olah Raga", "dan Kepemudaan"], 272_969_874_747),
    ]

    static func amount(_ v: Double, english: Bool) -> String {
        var groups: [String] = []
        var n = Int(v)
        while n >= 1000 { groups.insert(String(format: "%03d", n % 1000), at: 0); n /= 1000 }
        groups.insert(String(n), at: 0)
        return groups.joined(separator: english ? "," : ".") + (english ? ".00" : "")
    }

    @Test("A borderless budget list gives one row per item", arguments: [false, true], [0, 1])
    func variants(numbered: Bool, amountLine: Int) throws {
        for (sign, english) in [("Rp", false), ("Rp.", true), ("", false)] {
            var all = Self.words([("Program", 160), ("Anggaran", 330), ("Keterangan", 450)], y: 40)
            var y = 60.0
            for (k, item) in Self.items.enumerated() {
                let at = min(amountLine, item.name.count - 1)
                for (i, part) in item.name.enumerated() {
                    var line: [(String, Double)] = [(part, 57)]
                    if numbered, i == 0 { line.append(("\(k + 1)", 38)) }
                    if i == at {
                        if !sign.isEmpty { line.append((sign, 300)) }
                        line.append((Self.amount(item.amount, english: english), 330))
                        line.append(("APBD", 450))
                    }
                    all += Self.words(line, y: y)
                    y += 13
                }
                y += 8
            }
            // The signature block below the list.
            all += Self.words([("KEPALA DINAS PEMUDA DAN OLAHRAGA", 300)], y: y + 50)
            all += Self.words([("AHMAD HERYAWAN", 60), ("NIP. 19630312 198901 1 002", 300)], y: y + 110)

            let tables = AmountListDetector.tables(page: 4, words: all, excluding: [])
            try #require(tables.count == 1, "sign \(sign), english \(english)")
            let grid = tables[0]
            let nameColumn = numbered ? 1 : 0
            #expect(grid.rowCount == Self.items.count + 1)
            #expect(grid.columnCount == (numbered ? 4 : 3))
            for (k, item) in Self.items.enumerated() {
                let row = grid.cells(inRow: k + 1)
                #expect(row[nameColumn].text.split(separator: " ").joined(separator: " ") == item.name.joined(separator: " "),
                        "sign \(sign): \(row.map(\.text))")
                let printed = (sign.isEmpty ? "" : sign + " ") + Self.amount(item.amount, english: english)
                #expect(row[nameColumn + 1].text == printed)
                #expect(row[nameColumn + 2].text == "APBD")
                if numbered { #expect(row[0].text == "\(k + 1)") }
            }
        }
    }

    /// Prose and ordinary lines with one amount are no list.
    @Test func proseIsNoList() {
        var all = Self.words([("Realisasi anggaran tahun ini", 57)], y: 40)
        all += Self.words([("sebesar Rp 2.680.195.747 dari pagu", 57)], y: 53)
        all += Self.words([("Program", 160), ("Anggaran", 330), ("Keterangan", 450)], y: 80)
        all += Self.words([("Program Pelayanan", 57), ("Rp 2.680.195.747", 300)], y: 95)
        #expect(AmountListDetector.tables(page: 1, words: all, excluding: []).isEmpty)
    }
}
