import Testing
import Model
@testable import Validate

struct CapaianRuleTests {
    /// Real LKjIP example (rules.md §4.1 #1): lower-is-better poverty rate,
    /// target 5,5, realisasi 6,67, printed 121 = 6,67 / 5,5 (121,27).
    /// Right: (2 × 5,5 − 6,67) / 5,5 × 100 = 78,73.
    @Test func realPovertyExampleIsAPolarityError() throws {
        let r = record("Persentase masyarakat miskin", target: cell("5,5", 5.5),
                       realisasi: cell("6,67", 6.67), capaian: cell("121", 121))
        let found = findings([r])
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.rule == .capaianPolarity)
        #expect(f.severity == .error)
        #expect(f.field == "capaian")
        #expect(f.reported == "121")
        #expect(abs(try #require(f.expected) - 78.7272) < 1e-3)
        #expect(f.message.contains("78,73"))
    }

    @Test func positiveMismatch() throws {
        // 437 / 998 × 100 = 43,79; printed 437,88 (tw01 Triwulan II).
        let r = record("Jumlah orang terduga TBC yang mendapat pelayanan", target: cell("998", 998),
                       realisasi: cell("437", 437), capaian: cell("437,88", 437.88))
        let f = try #require(findings([r]).first)
        #expect(f.rule == .capaianMismatch)
        #expect(abs(try #require(f.expected) - 43.7876) < 1e-3)
    }

    /// A miss within one unit of the last printed decimal (truncated, or
    /// from rounded figures) is a warning; a larger one an error. Variants
    /// in decimals, decimal mark and sign.
    @Test(arguments: [
        ("164,28", 164.28, 23.0, 14.0, Severity.warning),    // 164.2857 truncated
        ("164,2", 164.2, 23.0, 14.0, .warning),              // one decimal: within 0.1
        ("164,1", 164.1, 23.0, 14.0, .error),                // 0.19 off at one decimal
        ("164,20", 164.20, 23.0, 14.0, .error),              // 0.0857 off at two decimals
        ("101.47", 101.47, 9_133.0, 9_000.0, .warning),      // 101.4778 truncated
        ("163", 163.0, 23.0, 14.0, .error),                  // 1.29 off at no decimals
        ("165", 165.0, 23.0, 14.0, .warning),                // 0.71 off at no decimals
    ])
    func minorMissesAreWarnings(printed: String, value: Double, realisasi: Double, target: Double,
                                severity: Severity) throws {
        let r = record("Jumlah lokasi Program Kampung Iklim", target: cell("\(target)", target),
                       realisasi: cell("\(realisasi)", realisasi), capaian: cell(printed, value))
        let f = try #require(findings([r]).first)
        #expect(f.rule == .capaianMismatch)
        #expect(f.severity == severity)
        #expect(f.message.contains("within one unit") == (severity == .warning))
    }

    @Test func correctFiguresGiveNoFinding() {
        // Negative: (2 × 0,0039 − 0,0037) / 0,0039 = 105,13.
        let negative = record("Rasio kekerasan terhadap perempuan dan anak", target: cell("0,0039", 0.0039),
                              realisasi: cell("0,0037", 0.0037), capaian: cell("105,13", 105.13))
        // Positive: 21 / 85 = 24,705… printed 24,71.
        let positive = record("Persentase terpenuhinya layanan penunjang", row: 2, target: cell("85", 85),
                              realisasi: cell("21", 21), capaian: cell("24,71", 24.71))
        #expect(findings([negative, positive]).isEmpty)
    }

    @Test func roundingEdgeIsAccepted() {
        // 1 / 8 = 12,5 printed as 13: exactly 0,5 off with no decimals.
        let atEdge = record("Jumlah dokumen", target: cell("8", 8), realisasi: cell("1", 1), capaian: cell("13", 13))
        #expect(findings([atEdge]).isEmpty)
        // 12,44 with two decimals is 0,06 off: a mismatch.
        let beyond = record("Jumlah dokumen", target: cell("8", 8), realisasi: cell("1", 1), capaian: cell("12,44", 12.44))
        #expect(rules([beyond]) == ["capaian.mismatch"])
    }

    @Test func dashCapaianReadsAsZero() {
        // Workbooks print a zero capaian as `-`: fine for realisasi 0 …
        let zero = record("Jumlah dokumen DPA-SKPD", period: "2022-Q1", target: cell("1", 1),
                          realisasi: cell("0", 0), capaian: cell("-"))
        #expect(findings([zero]).isEmpty)
        // … wrong when realisasi 2 of 4 gives 50.
        let wrong = record("Jumlah dokumen DPA-SKPD", period: "2022-Q1", target: cell("4", 4),
                           realisasi: cell("2", 2), capaian: cell("-"))
        #expect(findings([wrong]).map(\.expected) == [50])
    }

    @Test func divisionByZeroWithPrintedTargetIsAnError() throws {
        // #DIV/0! although target 5 and realisasi 1 give 20 (tw02 Triwulan I).
        let r = record("Jumlah kali pelaksanaan rapat", target: cell("5", 5), realisasi: cell("1", 1),
                       capaian: cell("#DIV/0!"))
        let f = try #require(findings([r]).first)
        #expect(f.rule == .capaianDiv0)
        #expect(f.severity == .error)
        #expect(f.expected == 20)
    }

    @Test func divisionByZeroWithoutTargetIsInfo() throws {
        let empty = record("Jumlah kegiatan tambahan", capaian: cell("#DIV/0!"))
        let zero = record("Jumlah kegiatan tambahan", row: 2, target: cell("0", 0), realisasi: cell("3", 3),
                          capaian: cell("#DIV/0!"))
        let found = findings([empty, zero])
        #expect(found.map(\.rule) == [.capaianDiv0TargetZero, .capaianDiv0TargetZero])
        #expect(found.allSatisfy { $0.severity == .info && $0.expected == nil })
    }

    @Test func capPrintedWithoutDeclaration() throws {
        // Rasio KDRT, target 0,01, realisasi 0,002, printed 100 (rules.md §4.1 #5):
        // negative formula 180, positive 20; 100 is a cap nobody declared.
        let r = record("Rasio KDRT", target: cell("0,01", 0.01), realisasi: cell("0,002", 0.002), capaian: cell("100", 100))
        let f = try #require(findings([r]).first)
        #expect(f.rule == .capaianCap)
        #expect(f.severity == .warning)
        #expect(abs(try #require(f.expected) - 180) < 1e-9)
    }

    @Test func declaredCapClampsTheRecomputedCapaian() {
        var config = ValidateConfig()
        config.checks.declaredCap = 120
        // 20 / 10 = 200 %, capped at 120 as declared.
        let r = record("Jumlah pelatihan", target: cell("10", 10), realisasi: cell("20", 20), capaian: cell("120", 120))
        #expect(findings([r], config: config).isEmpty)
        // Undeclared, the same 120 is reported as a cap.
        #expect(rules([r]) == ["capaian.cap"])
    }

    @Test func capaianWithoutRealisasi() throws {
        // KLA 2020: realisasi "Tdk ada penilaian" but capaian 100 (rules.md §4.1 B).
        let r = record("Predikat Kabupaten Layak Anak", target: cell("Madya"), realisasi: cell("Tdk ada penilaian"),
                       capaian: cell("100", 100))
        let f = try #require(findings([r]).first)
        #expect(f.rule == .capaianNoData)
        #expect(f.severity == .warning)
        // A 0 printed for an empty realisasi claims nothing.
        let zero = record("Indeks Kepuasan Masyarakat", target: cell("78,99", 78.99), capaian: cell("0.00", 0))
        #expect(findings([zero]).isEmpty)
    }

    @Test func textTargetsAreNotComputed() {
        // SAKIP predicate B → BB printed 100: no numeric check.
        let r = record("Predikat SAKIP perangkat daerah", target: cell("B"), realisasi: cell("BB"), capaian: cell("100", 100))
        #expect(findings([r]).isEmpty)
    }

    @Test func ordinalTargetsAreComparedByRankWhenEnabled() throws {
        var config = ValidateConfig()
        config.checks.ordinalTargets = true
        // BB target, B realisasi: below target on D < C < CC < B < BB < A < AA.
        let missed = record("Predikat SAKIP perangkat daerah", target: cell("BB"), realisasi: cell("B"), capaian: cell("100", 100))
        let met = record("Predikat SAKIP perangkat daerah", row: 2, target: cell("B"), realisasi: cell("BB"), capaian: cell("100", 100))
        let kla = record("Predikat KLA", row: 3, target: cell("Madya"), realisasi: cell("Pratama"), capaian: cell("100", 100))
        let found = findings([missed, met, kla], config: config)
        #expect(found.map(\.row) == [1, 3])
        #expect(found.allSatisfy { $0.rule.rawValue == "capaian.ordinal" })
        #expect(findings([missed]).isEmpty)
    }
}
