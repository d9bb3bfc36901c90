import Model
@testable import Normalize
import Testing

private func num(_ raw: String, _ style: NumberStyle? = nil) -> Double? {
    NumberParser.read(raw, style: style).value
}

struct NumberCase: CustomTestStringConvertible, Sendable {
    var raw: String
    var value: Double
    var decimals: Int
    var style: NumberStyle? = nil
    var testDescription: String { "\(raw.debugDescription) [\(style.map { "\($0)" } ?? "no style")]" }
}

@Suite("NumberParser")
struct NumberParserTests {

    // MARK: Numbers as printed

    static let printed: [NumberCase] = [
        // Indonesian
        NumberCase(raw: "6,20", value: 6.2, decimals: 2),
        NumberCase(raw: "81,10%", value: 81.1, decimals: 2),
        NumberCase(raw: "3.190.425.000,-", value: 3_190_425_000, decimals: 0),
        NumberCase(raw: "1.857.336.252,00", value: 1_857_336_252, decimals: 2),
        NumberCase(raw: "742.786.456,00", value: 742_786_456, decimals: 2),
        NumberCase(raw: "Rp. 30.663.800,-", value: 30_663_800, decimals: 0),
        NumberCase(raw: "Rp. 9.985.639. 757,-", value: 9_985_639_757, decimals: 0),
        NumberCase(raw: "Rp 9.985 .639.757", value: 9_985_639_757, decimals: 0),
        NumberCase(raw: "Rp 1.234", value: 1234, decimals: 0),
        NumberCase(raw: "RP.1.500.000,-", value: 1_500_000, decimals: 0),
        NumberCase(raw: "Rp 1.500.000.-", value: 1_500_000, decimals: 0),
        NumberCase(raw: "Rp. 1.234,-", value: 1234, decimals: 0),
        NumberCase(raw: "Rp 1.000,--", value: 1000, decimals: 0),
        NumberCase(raw: "1.234.567,89", value: 1_234_567.89, decimals: 2),
        NumberCase(raw: "37,7639", value: 37.7639, decimals: 4),
        NumberCase(raw: "7,99003", value: 7.99003, decimals: 5),
        NumberCase(raw: "0,0039", value: 0.0039, decimals: 4),
        NumberCase(raw: "0,003", value: 0.003, decimals: 3),
        NumberCase(raw: "0,125", value: 0.125, decimals: 3),
        NumberCase(raw: "0,00", value: 0, decimals: 2),
        NumberCase(raw: "0,00%", value: 0, decimals: 2),
        NumberCase(raw: "18,35%", value: 18.35, decimals: 2),
        NumberCase(raw: "1,5", value: 1.5, decimals: 1),
        NumberCase(raw: "102,5", value: 102.5, decimals: 1),
        NumberCase(raw: "1234,567", value: 1234.567, decimals: 3),
        // English
        NumberCase(raw: "9,756,893,547", value: 9_756_893_547, decimals: 0),
        NumberCase(raw: "452,750,000.00", value: 452_750_000, decimals: 2),
        NumberCase(raw: "1,060,632.41", value: 1_060_632.41, decimals: 2),
        NumberCase(raw: "64,560.55", value: 64560.55, decimals: 2),
        NumberCase(raw: "85.50%", value: 85.5, decimals: 2),
        NumberCase(raw: "99.96%", value: 99.96, decimals: 2),
        NumberCase(raw: "29.00", value: 29, decimals: 2),
        NumberCase(raw: "0.00", value: 0, decimals: 2),
        NumberCase(raw: "0.02%", value: 0.02, decimals: 2),
        NumberCase(raw: "1.5", value: 1.5, decimals: 1),
        NumberCase(raw: "Rp 1,234.-", value: 1234, decimals: 0),
        // Neither
        NumberCase(raw: "0", value: 0, decimals: 0),
        NumberCase(raw: "100", value: 100, decimals: 0),
        NumberCase(raw: "100 %", value: 100, decimals: 0),
        NumberCase(raw: "12.5 %", value: 12.5, decimals: 1),
        NumberCase(raw: "12,5 persen", value: 12.5, decimals: 1),
        NumberCase(raw: "75 Persen", value: 75, decimals: 0),
        NumberCase(raw: "75persen", value: 75, decimals: 0),
        NumberCase(raw: "94％", value: 94, decimals: 0),
        NumberCase(raw: "1.", value: 1, decimals: 0),
        NumberCase(raw: "12.", value: 12, decimals: 0),
        NumberCase(raw: ",5", value: 0.5, decimals: 1),
        NumberCase(raw: ".25", value: 0.25, decimals: 2),
        NumberCase(raw: "007", value: 7, decimals: 0),
        NumberCase(raw: "  85\n", value: 85, decimals: 0),
        NumberCase(raw: "81 (A)", value: 81, decimals: 0),
        NumberCase(raw: "80,10 (A)", value: 80.1, decimals: 2),
        NumberCase(raw: "78,5 (BB)", value: 78.5, decimals: 1),
        NumberCase(raw: "90% (Sangat Baik)", value: 90, decimals: 0),
        NumberCase(raw: "88.00 88.00", value: 88, decimals: 2),
        NumberCase(raw: "5 5 5", value: 5, decimals: 0),
        NumberCase(raw: "+5", value: 5, decimals: 0),
        // Negatives
        NumberCase(raw: "-12,5", value: -12.5, decimals: 1),
        NumberCase(raw: "- 12,5", value: -12.5, decimals: 1),
        NumberCase(raw: "−12,5", value: -12.5, decimals: 1),
        NumberCase(raw: "–3", value: -3, decimals: 0),
        NumberCase(raw: "( 1.234 )", value: -1234, decimals: 0),
        NumberCase(raw: "(1.234,50)", value: -1234.5, decimals: 2),
        NumberCase(raw: "(Rp 5.000.000)", value: -5_000_000, decimals: 0),
        NumberCase(raw: "Rp (5.000.000)", value: -5_000_000, decimals: 0),
        NumberCase(raw: "-Rp 5.000.000,-", value: -5_000_000, decimals: 0),
        NumberCase(raw: "(-5)", value: -5, decimals: 0),
        NumberCase(raw: "-0", value: 0, decimals: 0),
        NumberCase(raw: "-0,00", value: 0, decimals: 2),
        NumberCase(raw: "-1.234.567", value: -1_234_567, decimals: 0),
        NumberCase(raw: "(12,5%)", value: -12.5, decimals: 1),
    ]

    @Test(arguments: printed)
    func readsPrintedNumbers(_ c: NumberCase) {
        #expect(NumberParser.read(c.raw, style: c.style) == .number(c.value, decimals: c.decimals))
    }

    /// Unambiguous shapes read the same whatever style is given: reports mix
    /// the conventions within one column.
    @Test(arguments: printed)
    func unambiguousShapesIgnoreStyle(_ c: NumberCase) {
        guard NumberParser.evidence(of: c.raw) != nil || !hasAmbiguousGroup(c.raw) else { return }
        #expect(NumberParser.read(c.raw, style: .indonesian).value == c.value)
        #expect(NumberParser.read(c.raw, style: .english).value == c.value)
    }

    private func hasAmbiguousGroup(_ raw: String) -> Bool {
        // A single separator followed by exactly three digits.
        let core = raw.filter { $0.isNumber || $0 == "." || $0 == "," }
        let seps = core.filter { $0 == "." || $0 == "," }
        guard seps.count == 1, let i = core.firstIndex(where: { $0 == "." || $0 == "," }) else { return false }
        return core[core.index(after: i)...].count == 3
    }

    @Test func exactValues() {
        #expect(num("9,756,893,547") == 9756893547)
        #expect(num("0,1") == 0.1)
        #expect(num("0,3") == 0.3)
        #expect(num("1.857.336.252,01") == 1857336252.01)
        #expect(num("123.456.789.012.345.678") == Double("123456789012345678"))
        #expect(num("1.234.567.890.123,4567") == 1234567890123.4567)
        #expect(num("0,123456789012345") == 0.123456789012345)
        #expect(num("999.999.999.999.999.999") == Double("999999999999999999"))
    }

    /// Numbers formatted in either style read back to the same double.
    @Test func roundTripsFormattedNumbers() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<3000 {
            let intPart = rng.next() % 1_000_000_000_000
            let decimals = Int(rng.next() % 5)
            var frac = ""
            for _ in 0..<decimals { frac.append(Character(String(rng.next() % 10))) }
            let expected = Double("\(intPart)" + (decimals > 0 ? ".\(frac)" : ""))!
            for style in [NumberStyle.indonesian, .english] {
                let (th, dec) = style == .indonesian ? (".", ",") : (",", ".")
                let text = grouped(intPart, th) + (decimals > 0 ? dec + frac : "")
                #expect(NumberParser.read(text, style: style) == .number(expected, decimals: decimals), "\(text)")
            }
        }
    }

    private func grouped(_ n: UInt64, _ sep: String) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += sep }
            out.append(d)
        }
        return out
    }

    // MARK: The ambiguous group

    @Test func ambiguousGroupWithoutStyle() {
        #expect(NumberParser.read("1.234", style: nil) == .number(1234, decimals: 0))
        #expect(NumberParser.read("1,234", style: nil) == .number(1234, decimals: 0))
        #expect(NumberParser.read("720.786", style: nil) == .number(720786, decimals: 0))
        #expect(NumberParser.read("12.500", style: nil) == .number(12500, decimals: 0))
        // Percent: decimal.
        #expect(NumberParser.read("12,345%", style: nil) == .number(12.345, decimals: 3))
        #expect(NumberParser.read("1.234 %", style: nil) == .number(1.234, decimals: 3))
        // Leading zero, empty or long integer part: decimal.
        #expect(NumberParser.read("0.125", style: nil) == .number(0.125, decimals: 3))
        #expect(NumberParser.read("-0,125", style: nil) == .number(-0.125, decimals: 3))
        #expect(NumberParser.read("12345.678", style: nil) == .number(12345.678, decimals: 3))
    }

    @Test func ambiguousGroupFollowsStyle() {
        #expect(NumberParser.read("1.234", style: .indonesian) == .number(1234, decimals: 0))
        #expect(NumberParser.read("1.234", style: .english) == .number(1.234, decimals: 3))
        #expect(NumberParser.read("1,234", style: .indonesian) == .number(1.234, decimals: 3))
        #expect(NumberParser.read("1,234", style: .english) == .number(1234, decimals: 0))
        #expect(NumberParser.read("1,226", style: .english) == .number(1226, decimals: 0))
        #expect(NumberParser.read("9.138", style: .indonesian) == .number(9138, decimals: 0))
        // The style beats the percent default.
        #expect(NumberParser.read("1.234%", style: .indonesian) == .number(1234, decimals: 0))
        // Money endings beat the style: money is whole rupiahs.
        #expect(NumberParser.read("1,234,-", style: .indonesian) == .number(1234, decimals: 0))
        #expect(NumberParser.read("Rp 1.234,-", style: .english) == .number(1234, decimals: 0))
        // Leading zero beats the style.
        #expect(NumberParser.read("0,125", style: .english) == .number(0.125, decimals: 3))
        #expect(NumberParser.read("0.125", style: .indonesian) == .number(0.125, decimals: 3))
    }

    // MARK: Not numbers

    @Test(arguments: ["", " ", "  \n\t ", "\u{00A0}", "\u{200B}", "\u{3000}"])
    func empty(_ raw: String) {
        #expect(NumberParser.read(raw, style: nil) == .empty)
    }

    @Test(arguments: ["-", "‐", "‑", "‒", "–", "—", "―", "−", "－", " - ", "--", "- -", "-\n",
                      "Rp -", "Rp. -", "Rp.-", "- %", "-%", "(-)", "-,-", "Rp -,-"])
    func dashes(_ raw: String) {
        #expect(NumberParser.read(raw, style: nil) == .dash)
        #expect(NumberParser.read(raw, style: .english) == .dash)
    }

    /// A figure printed with a mark or a predicate around it reads as the
    /// figure, whichever side the predicate stands on.
    @Test(arguments: [("12.540.550 *)", 12_540_550.0), ("85 *", 85), ("B (65)", 65), ("B (76.70)", 76.7),
                      ("Nilai A (83)", 83), ("22,7 % (75%)", 22.7), ("140 Kelompok (1400 orang)", 140),
                      ("100 dari 110 Organisasi Kepemudaan", 100), ("50 Org", 50), ("75 unit", 75),
                      ("100 (Hijau)", 100), ("81 (A)", 81)])
    func markedFigures(_ raw: String, _ value: Double) {
        #expect(NumberParser.read(raw, style: .indonesian).value == value, "\(raw)")
    }

    @Test(arguments: ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NULL!", "#NUM!",
                      "#####", "#", "#SPILL!", "#GETTING_DATA", "#div/0!", "#DIV/ 0!", "#DIV/O!",
                      " #REF! ", "Err:502", "#N/A!"])
    func spreadsheetErrors(_ raw: String) {
        let reading = NumberParser.read(raw, style: nil)
        guard case .spreadsheetError(let text) = reading else {
            Issue.record("\(raw.debugDescription) read as \(reading)")
            return
        }
        #expect(text == raw.trimmingWhitespace)
    }

    @Test(arguments: ["Pratama", "A", "B", "BB", "WTP", "Tdk ada penilaian", "Madya", "N/A", "n.a.",
                      "Baik", "Rp", "persen", "%a", "a. Jumlah sampel 1,143 b. Jumlah sampel 1,138",
                      "Tahun 2020", "12a", "(A)", "✓", "√", "*", "Ⅲ", "Rpx 5", "O", "l00",
                      "Sangat Berhasil", "Dok.", "é", "日本", "😀", "#abc", "0x1F", "E5", "5e", "1e5e5"])
    func text(_ raw: String) {
        #expect(NumberParser.read(raw, style: nil) == .text(raw.trimmingWhitespace))
    }

    @Test(arguments: ["12,5,3,1.2.3", "1.2.3", "01.2.01", "01.2.01.01", "1-03.01", "75, 76", "71,72 73",
                      "100 200", "1 234", "1 234 567", "1..5", "1,,5", "1.,5", "1,23,456", "1.23.456",
                      "1.2345.678", "0.123.456", ".123.456", "1.234,567.8", "1,234.567,8", "12,5-",
                      "(5", "5)", "((5))", "5%%", "5 % %", "12:30", "1/2", "3+4", "≥ 90", "< 5%",
                      "±5", "80-85", "1e5", "9,76E+09", "1.2e-3", "5!", "#1", "§ 5", ".", ",", ",.", "...", ". , .",
                      "%", "()", "1234567890123456789", "1.234.567.890.123.456.789",
                      "1,5000000000000000001", "9 ,99"])
    func unreadable(_ raw: String) {
        #expect(NumberParser.read(raw, style: nil) == .unreadable(raw.trimmingWhitespace))
    }

    // MARK: Unicode and garbage

    @Test func unicodeForms() {
        #expect(num("１２３") == 123)                       // fullwidth digits
        #expect(num("١٢٣") == 123)                        // Arabic-Indic digits
        #expect(num("1.234，5") == 1234.5)                 // fullwidth comma
        #expect(num("Rp\u{00A0}1.234.567") == 1_234_567)  // no-break space
        #expect(num("81,10\u{202F}%") == 81.1)            // narrow no-break space
        #expect(num("1.2\u{200B}34.567") == 1_234_567)    // zero-width space
        #expect(num("1.234\u{00AD}.567") == 1_234_567)    // soft hyphen
        #expect(num("\u{FEFF}42") == 42)                  // byte order mark
        #expect(num("\u{2212}5") == -5)                   // minus sign
        #expect(NumberParser.read("5\u{0301}", style: nil).value == nil) // combining accent
    }

    @Test func garbageNeverTraps() {
        var rng = SplitMix(seed: 7)
        let alphabet: [String] = ["0", "1", "5", "9", ".", ",", " ", "-", "(", ")", "%", "#", "R", "p",
                                  "a", "!", "/", "\u{00A0}", "–", "é", "😀", "\n", "+", "persen", "Rp.",
                                  "\u{200B}", "٣", "%", "'", "\"", "e"]
        for _ in 0..<20000 {
            let length = Int(rng.next() % 14)
            var s = ""
            for _ in 0..<length { s += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let reading = NumberParser.read(s, style: [nil, .indonesian, .english][Int(rng.next() % 3)])
            switch reading {
            case .number(let v, let d):
                #expect(v.isFinite, "\(s.debugDescription)")
                #expect(d >= 0 && d <= 15)
                #expect(!(v == 0 && v.sign == .minus), "negative zero from \(s.debugDescription)")
            case .empty, .dash:
                break
            case .text(let t), .unreadable(let t), .spreadsheetError(let t):
                #expect(!t.isEmpty)
                #expect(t == s.trimmingWhitespace)
            }
            _ = NumberParser.evidence(of: s)
        }
    }

    @Test func hugeAndLongInputs() {
        let digits = String(repeating: "9", count: 5000)
        #expect(NumberParser.read(digits, style: nil) == .unreadable(digits))
        let grouped = Array(repeating: "999", count: 2000).joined(separator: ".")
        #expect(NumberParser.read(grouped, style: nil) == .unreadable(grouped))
        let longText = String(repeating: "Capaian kinerja ", count: 1000)
        #expect(NumberParser.read(longText, style: nil) == .text(longText.trimmingWhitespace))
        let manyDashes = String(repeating: "-", count: 10000)
        #expect(NumberParser.read(manyDashes, style: nil) == .dash)
        // 18 integer digits is the most a figure gets.
        #expect(num("123456789012345678") == Double("123456789012345678"))
        #expect(num("1234567890123456789") == nil)
        #expect(num("0000000000000000000000001") == 1)
    }

    // MARK: Style

    @Test func evidenceOfSingleCells() {
        for raw in ["1.234.567", "1.234,5", "6,20", "0,125", "0,00", "1.234,-", "1500,-", "3.190.425.000,-",
                    "Rp. 9.985.639. 757,-", "18,35%", "1234,567"] {
            #expect(NumberParser.evidence(of: raw) == .indonesian, "\(raw)")
        }
        for raw in ["1,234,567", "1,234.5", "29.00", "85.50", "85.5", "0.00", "1,234.-", "452,750,000.00"] {
            #expect(NumberParser.evidence(of: raw) == .english, "\(raw)")
        }
        for raw in ["1.234", "1,234", "100", "0", "-", "", "#DIV/0!", "Pratama", "1.2.3", "Rp 1.234"] {
            #expect(NumberParser.evidence(of: raw) == nil, "\(raw)")
        }
    }

    @Test func infersColumnStyle() {
        // tw01: Indonesian
        #expect(NumberParser.inferStyle(of: ["5.238.310.300", "720.786", "-", "66,42", "#DIV/0!"]) == .indonesian)
        // tw02: English
        #expect(NumberParser.inferStyle(of: ["7,987,339,497", "1,226", "76.72", "-", "0.00"]) == .english)
        // Nothing to go on
        #expect(NumberParser.inferStyle(of: ["1.234", "100", "-", "Pratama"]) == nil)
        #expect(NumberParser.inferStyle(of: [String]()) == nil)
        // Mixed: the majority wins, a tie decides nothing.
        #expect(NumberParser.inferStyle(of: ["1.234.567", "2.345.678", "85.50"]) == .indonesian)
        #expect(NumberParser.inferStyle(of: ["1.234.567", "85.50"]) == nil)
    }

    @Test func styleEvidenceAccumulates() {
        var column = StyleEvidence()
        ["1.234", "12,5"].forEach { column.add($0) }
        var document = StyleEvidence()
        ["1,234,567", "2,345,678"].forEach { document.add($0) }
        #expect(column.style == .indonesian)
        #expect(document.style == .english)
        #expect(NumberStyle.resolve(column: column.style, document: document.style) == .indonesian)
        #expect(NumberStyle.resolve(column: nil, document: document.style) == .english)
        document.add(column)
        #expect(document == StyleEvidence(indonesian: 1, english: 2))
    }

    @Test func valueCells() {
        #expect(NumberParser.valueCell("6,20", style: nil) == ValueCell(raw: "6,20", value: 6.2))
        #expect(NumberParser.valueCell("-", style: nil) == ValueCell(raw: "-", value: nil))
        #expect(NumberParser.valueCell(nil, style: nil) == .empty)
        #expect(CellReading.number(1, decimals: 2).decimals == 2)
        #expect(CellReading.dash.decimals == nil)
        #expect(CellReading.text("A").isNumber == false)
    }

    @Test func isFast() {
        let cells = ["9,756,893,547", "Rp. 30.663.800,-", "81,10%", "-", "#DIV/0!", "Pratama", "1.234", "0,00",
                     "100", "  12.5 %  ", "( 1.234 )", "Tdk ada penilaian"]
        let clock = ContinuousClock()
        var sum = 0.0
        let elapsed = clock.measure {
            for i in 0..<120_000 {
                sum += NumberParser.read(cells[i % cells.count], style: nil).value ?? 0
            }
        }
        #expect(sum != 0)
        // Generous: debug builds on a shared machine. Release is ~10x faster.
        #expect(elapsed < .seconds(20), "120k cells took \(elapsed)")
    }
}

fileprivate extension StyleEvidence {
    init(indonesian: Int, english: Int) {
        self.init()
        self.indonesian = indonesian
        self.english = english
    }
}

private extension String {
    var trimmingWhitespace: String {
        let u = unicodeScalars
        let blank: (Unicode.Scalar) -> Bool = {
            $0.properties.isWhitespace || [0x200B, 0xFEFF, 0x00AD, 0x2060].contains($0.value)
        }
        guard let first = u.firstIndex(where: { !blank($0) }), let last = u.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(u[first...last])
    }
}

/// Small deterministic generator so the fuzz cases are the same every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
