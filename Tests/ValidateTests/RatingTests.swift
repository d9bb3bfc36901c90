import Testing
import Model
@testable import Validate

struct RatingTests {
    let lan = RatingScale(.lan239)
    let permendagri = RatingScale(.permendagri86)

    @Test func lanBands() {
        // > 85 Sangat Berhasil, 70 < X ≤ 85 Berhasil, 55 < X ≤ 70 Cukup, ≤ 55 Tidak.
        #expect(lan.rate(121) == "Sangat Berhasil")
        #expect(lan.rate(85.01) == "Sangat Berhasil")
        #expect(lan.rate(85) == "Berhasil")
        #expect(lan.rate(70.01) == "Berhasil")
        #expect(lan.rate(70) == "Cukup Berhasil")
        #expect(lan.rate(55) == "Tidak Berhasil")
        #expect(lan.rate(0) == "Tidak Berhasil")
    }

    @Test func permendagriBands() {
        // ≥ 91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah, ≤ 50 Sangat Rendah.
        #expect(permendagri.rate(184.75) == "Sangat Tinggi")
        #expect(permendagri.rate(91) == "Sangat Tinggi")
        #expect(permendagri.rate(90.5) == "Tinggi")
        #expect(permendagri.rate(76) == "Tinggi")
        #expect(permendagri.rate(75.9) == "Sedang")
        #expect(permendagri.rate(51) == "Rendah")
        #expect(permendagri.rate(50.9) == "Sangat Rendah")
    }

    @Test func scaleIsChosenByTheLabelsADocumentPrints() {
        let chooser = RatingScaleChooser(config: ValidateConfig())
        #expect(chooser.scale(forLabels: ["Sangat berhasil", "Berhasil"])?.name == "lan_239_2003")
        #expect(chooser.scale(forLabels: ["Tinggi", "SANGAT TINGGI"])?.name == "permendagri_86_2017")
        #expect(chooser.scale(forLabels: ["Baik"]) == nil)
        // A document's own scale that shares one word with a regulation's
        // (a LKjIP's `> 100 Sangat baik, 80–100 Baik, 55–80 Sedang, < 55
        // Kurang`) is not that regulation's scale.
        #expect(chooser.scale(forLabels: ["Sangat baik", "Baik", "Sedang", "Sedang", "Kurang"]) == nil)
        #expect(chooser.scale(forLabels: ["Sedang", "Berhasil"]) == nil)
        #expect(chooser.scale(forLabels: ["Sedang", "Tinggi", "sedang"])?.name == "permendagri_86_2017")
    }

    @Test func categoryMismatchOnPrintedCapaian() throws {
        // lk02: capaian 100,99 labelled "Berhasil"; it rates Sangat Berhasil.
        let wrong = record("Angka kematian bayi", target: cell("12,14", 12.14), realisasi: cell("12,02", 12.02),
                           capaian: cell("100,99", 100.99), category: "Berhasil")
        // 85 exactly is Berhasil (70 < X ≤ 85); case is ignored.
        let edge = record("Persentase puskesmas terakreditasi", row: 2, target: cell("100", 100),
                          realisasi: cell("85", 85), capaian: cell("85", 85), category: "berhasil")
        let found = findings([wrong, edge])
        #expect(found.map(\.rule) == [.categoryMismatch])
        let f = try #require(found.first)
        #expect(f.field == "category")
        #expect(f.reported == "Berhasil")
        #expect(f.message.contains("Sangat Berhasil"))
    }

    @Test func permendagriDocument() {
        let rows = [
            record("Indikator A", target: cell("100", 100), realisasi: cell("90,5", 90.5), capaian: cell("90,5", 90.5), category: "Tinggi"),
            record("Indikator B", row: 2, target: cell("100", 100), realisasi: cell("66", 66), capaian: cell("66", 66), category: "Rendah"),
        ]
        #expect(findings(rows).map(\.row) == [2])
    }
}
