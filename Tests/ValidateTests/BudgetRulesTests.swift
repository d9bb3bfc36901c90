import Testing
import Model
@testable import Validate

struct BudgetRulesTests {
    @Test func absorptionMismatch() throws {
        // 24.208.000 / 24.450.000 × 100 = 99,01; printed 81,57% (lk01).
        let r = budget("Pengembangan KIE", .subKegiatan, row: 33, pagu: cell("24.450.000", 24_450_000),
                       spent: cell("24.208.000", 24_208_000), absorption: cell("81,57%", 81.57))
        let f = try #require(findings([r]).first)
        #expect(f.rule == .anggaranMismatch)
        #expect(f.field == "capaian_anggaran")
        #expect(abs(try #require(f.expected) - 99.0102) < 1e-3)
    }

    @Test func absorptionAtTheRoundingEdge() {
        // 1 / 200 = 0,5 %: printed 1 or 0 (no decimals) match, 0,6 does not.
        let ok = budget("Belanja", .subKegiatan, row: 1, pagu: cell("200", 200), spent: cell("1", 1), absorption: cell("1", 1))
        let wrong = budget("Belanja", .subKegiatan, row: 1, pagu: cell("200", 200), spent: cell("1", 1), absorption: cell("0,6", 0.6))
        #expect(findings([ok]).isEmpty)
        #expect(rules([wrong]) == ["anggaran.mismatch"])
    }

    @Test func noCheckOnZeroPaguOrDash() {
        let zero = budget("Penyediaan Jasa Surat Menyurat", .subKegiatan, row: 1, pagu: cell("0,00", 0),
                          spent: cell("0,00", 0), absorption: cell("0", 0))
        let dash = budget("Penyediaan Bahan Bacaan", .subKegiatan, row: 2, pagu: cell("6.983.400", 6_983_400),
                          spent: cell("-"), absorption: cell("0,00", 0))
        #expect(findings([zero, dash]).isEmpty)
    }

    @Test func overrun() throws {
        // 6.957.026 spent of a 6.750.000 pagu (lk01): 103,07 % is computed right,
        // but the ceiling is exceeded.
        let r = budget("Penyediaan Bahan Bacaan", .subKegiatan, row: 8, pagu: cell("6.750.000", 6_750_000),
                       spent: cell("6.957.026", 6_957_026), absorption: cell("103,07%", 103.07))
        let found = findings([r])
        #expect(found.map(\.rule) == [.anggaranOverrun])
        #expect(found[0].severity == .warning)
        #expect(found[0].field == "realisasi_rp")
        #expect(found[0].expected == 6_750_000)
    }

    @Test func absorptionDivisionByZero() {
        let noPagu = budget("Pengelolaan Pelayanan", .subKegiatan, row: 1, pagu: cell("-"), spent: cell("-"),
                            absorption: cell("#DIV/0!"))
        let withPagu = budget("Pengelolaan Pelayanan", .subKegiatan, row: 2, pagu: cell("1.000.000", 1_000_000),
                              spent: cell("250.000", 250_000), absorption: cell("#DIV/0!"))
        let found = findings([noPagu, withPagu])
        #expect(found.map(\.rule) == [.capaianDiv0TargetZero, .capaianDiv0])
        #expect(found.allSatisfy { $0.field == "capaian_anggaran" })
        #expect(found[0].severity == .info)
        #expect(found[1].severity == .error)
        #expect(found[1].expected == 25)
    }
}
