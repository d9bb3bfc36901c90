import Testing
import Model
@testable import Validate

struct AverageRuleTests {
    func indicator(_ row: Int, _ capaian: ValueCell, period: String = "2022") -> Record {
        record("Indikator \(row)", table: 4, row: row, period: period, capaian: capaian)
    }

    func average(_ row: Int, _ capaian: ValueCell) -> Record {
        record("Rata-rata capaian kinerja sasaran", table: 4, row: row, capaian: capaian, category: "Sangat Berhasil")
    }

    @Test func meanOfPrintedReportYearCapaian() throws {
        // lk01 Tabel 3.1: (109,56 + 94,98) / 2 = 102,27, printed 107,79.
        let rows = [indicator(1, cell("109,56%", 109.56)), indicator(2, cell("94,98%", 94.98)),
                    indicator(1, cell("101,74", 101.74), period: "2021"), average(3, cell("107,79", 107.79))]
        let found = findings(rows).filter { $0.rule == .averageMismatch }
        #expect(found.count == 1)
        #expect(abs(try #require(found.first?.expected) - 102.27) < 1e-9)
        #expect(found.first?.row == 3)
    }

    @Test func exactlyAtTheRoundingEdge() {
        // (102,26 + 102,27) / 2 = 102,265, printed 102,27 or 102,26: both 0,005 away.
        let base = [indicator(1, cell("102,26", 102.26)), indicator(2, cell("102,27", 102.27))]
        #expect(findings(base + [average(3, cell("102,27", 102.27))]).isEmpty)
        #expect(findings(base + [average(3, cell("102,26", 102.26))]).isEmpty)
        #expect(rules(base + [average(3, cell("102,28", 102.28))]) == ["average.mismatch"])
    }

    @Test func textIndicatorsCountOnlyWithANumericCapaian() {
        // SAKIP B → BB printed 100 counts; a row printing `-` does not.
        let rows = [
            record("Predikat SAKIP", table: 4, row: 1, target: cell("B"), realisasi: cell("BB"), capaian: cell("100", 100)),
            indicator(2, cell("107,05", 107.05)),
            indicator(3, cell("-")),
            average(4, cell("103,53", 103.53)),
        ]
        // (100 + 107,05) / 2 = 103,525 → 103,53 within 0,005.
        #expect(findings(rows).filter { $0.rule == .averageMismatch }.isEmpty)
    }

    @Test func normalizedRowKindIsTrusted() {
        let rows = [indicator(1, cell("90", 90)),
                    record("Nilai Mean Sasaran", table: 4, row: 2, capaian: cell("80", 80), rowKind: .average)]
        #expect(rules(rows) == ["average.mismatch"])
    }
}
