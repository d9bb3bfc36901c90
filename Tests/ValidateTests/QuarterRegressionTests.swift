import Testing
import Model
@testable import Validate

struct QuarterRegressionTests {
    /// One workbook row in sheet (table) q for quarter q.
    func row(_ q: Int, realisasi: Double?, spent: Double?, doc: String = "doc-1",
             file: String = "pengukuran_kinerja_2022_dinkes.pdf", row: Int = 17) -> Record {
        record("Jumlah bulan penyediaan peralatan rumah tangga", doc: doc, file: file, table: q, row: row,
               period: "2022-Q\(q)", level: .subKegiatan, name: "Penyediaan Peralatan Rumah Tangga",
               target: cell("12", 12), realisasi: realisasi.map { cell(String(Int($0)), $0) } ?? .empty,
               pagu: cell("20.317.000", 20_317_000),
               realisasiRp: spent.map { cell(String(Int($0)), $0) } ?? .empty)
    }

    @Test func cumulativeRealisasiMayNotFall() throws {
        // tw01: realisasi 5 in Triwulan II, 2 in Triwulan III.
        let rows = [row(1, realisasi: 2, spent: 2_422_698), row(2, realisasi: 5, spent: 4_000_000),
                    row(3, realisasi: 2, spent: 6_000_000), row(4, realisasi: 12, spent: 5_999_999)]
        let found = findings(rows).filter { $0.rule == .quarterRegression }
        #expect(found.map(\.period.description) == ["2022-Q3", "2022-Q4"])
        #expect(found.map(\.field) == ["realisasi", "realisasi_rp"])
        #expect(found.map(\.expected) == [5, 6_000_000])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func rowsArePairedByTextNotRowNumber() {
        // Triwulan II has an extra row above, so the same row is row 18 there.
        let rows = [row(1, realisasi: 3, spent: nil, row: 17), row(2, realisasi: 6, spent: nil, row: 18)]
        #expect(findings(rows).isEmpty)
        let fallen = [row(1, realisasi: 3, spent: nil, row: 17), row(2, realisasi: 1, spent: nil, row: 18)]
        #expect(rules(fallen) == ["quarter.regression"])
    }

    @Test("Each quarter's own amounts (no annual target or pagu printed) are not running totals")
    func perQuarterAmountsAreNotChecked() {
        func own(_ q: Int, _ spent: Double) -> Record {
            record("Jumlah dokumen perencanaan", table: 1, row: 6, period: "2023-Q\(q)", level: .subKegiatan,
                   name: "Penyusunan Dokumen Perencanaan", realisasiRp: cell(String(Int(spent)), spent))
        }
        #expect(findings([own(1, 32_505_360), own(2, 15_145_000)]).isEmpty)
        // A target printed per quarter (0 %, 50 %, 100 %, 0 %) is no annual target either.
        var rows = [own(1, 10), own(2, 5)]
        rows[0].target = cell("50", 50)
        rows[1].target = cell("100", 100)
        #expect(findings(rows).isEmpty)
    }

    @Test func emptyOrDashIsNotCompared() {
        let rows = [row(1, realisasi: 3, spent: 100), row(2, realisasi: nil, spent: nil)]
        #expect(findings(rows).isEmpty)
    }

    @Test func acrossDocumentsOfOneAgencyAndYear() {
        let q2 = row(2, realisasi: 6, spent: nil, doc: "a", file: "pk_tw2_2022_dinkes.pdf")
        let q3 = row(3, realisasi: 4, spent: nil, doc: "b", file: "pk_tw3_2022_dinkes.pdf")
        #expect(rules([q2, q3]) == ["quarter.regression"])
        var config = ValidateConfig()
        config.checks.quarterRegressionAcrossDocuments = false
        #expect(findings([q2, q3], config: config).isEmpty)
        // Another agency is another series.
        let other = row(3, realisasi: 4, spent: nil, doc: "c", file: "pk_tw3_2022_dinsos.pdf")
        #expect(findings([q2, other]).isEmpty)
    }

    @Test func agencyKeyDropsQuarterMarkers() {
        #expect(AgencyKey("in/pk_tw2_2022_dinkes.pdf") == AgencyKey("pk_TW3_2022_dinkes.pdf"))
        #expect(AgencyKey("Triwulan II 2024 DPKP.pdf") == AgencyKey("triwulan-iv 2024 dpkp.pdf"))
        #expect(AgencyKey("q1_2024_dpkp.pdf").text == "2024 dpkp")
        #expect(AgencyKey("pk_2024_dinsos.pdf") != AgencyKey("pk_2024_dinkes.pdf"))
    }
}
