import Foundation
import Ingest
import Model
@testable import Normalize
import Testing
import TestSupport

/// Header mapping, wrapped cells and tables running over pages, checked on
/// header texts and on a real quarterly workbook export.
@Suite struct HeaderMappingTests {
    let mapper = HeaderMapper(columns: NormalizeConfig().columns)

    @Test func quarterlyWorkbookHeader() {
        #expect(mapper.role(for: ["Target", "Kinerja"]) == .value(.target, nil))
        #expect(mapper.role(for: ["Target", "Pagu (Rp)"]) == .value(.pagu, nil))
        #expect(mapper.role(for: ["Realisasi", "Kinerja"]) == .value(.realisasi, nil))
        #expect(mapper.role(for: ["Realisasi", "Anggaran (Rp)"]) == .value(.realisasiRp, nil))
        #expect(mapper.role(for: ["Capaian (%)", "Kinerja"]) == .value(.capaian, nil))
        #expect(mapper.role(for: ["Capaian (%)", "Anggaran"]) == .value(.capaianAnggaran, nil))
        #expect(mapper.role(for: ["Indikator Kinerja"]) == .indicator)
        #expect(mapper.role(for: ["Cara/ Formula Pengukuran"]) == .formula)
        #expect(mapper.role(for: ["Satuan"]) == .unit)
        #expect(mapper.role(for: ["Program/ Kegiatan/ Sub Kegiatan"]) == .name)
        #expect(mapper.role(for: ["Sasaran Strategis"]) == .sasaran)
    }

    @Test func periodsFromHeaders() {
        #expect(mapper.role(for: ["Tahun 2021", "Target"]) == .value(.target, .year(2021)))
        #expect(mapper.role(for: ["Realisasi Kinerja Pada Triwulan I - IV Tahun 2023", "II", "K"])
                == .value(.realisasi, .quarter(2)))
        #expect(mapper.role(for: ["TW III", "Realisasi"]) == .value(.realisasi, .quarter(3)))
    }

    @Test func extraAndIgnoredColumns() {
        #expect(mapper.role(for: ["Target Akhir RPJMD"]) == .extra("Target Akhir RPJMD"))
        #expect(mapper.role(for: ["PPTK"]) == .ignored)
        #expect(mapper.role(for: ["Kode"]) == .code("Kode"))
        #expect(mapper.role(for: ["ANGGARAN PER SUB KEGIATAN"]) == .levelPagu(.subKegiatan, "ANGGARAN PER SUB KEGIATAN"))
        #expect(mapper.role(for: ["ANGGARAN PER KEGIATAN"]) == .levelPagu(.kegiatan, "ANGGARAN PER KEGIATAN"))
    }

    @Test func percentOfRealisasiIsCapaian() {
        #expect(mapper.role(for: ["Tahun 2016", "% Realisasi"]) == .value(.capaian, .year(2016)))
        #expect(mapper.role(for: ["Tingkat Realisasi (%)"]) == .value(.capaian, nil))
        #expect(mapper.role(for: ["Capaian Realisasi"]) == .value(.realisasi, nil))
        #expect(mapper.role(for: ["Realisasi"]) == .value(.realisasi, nil))
    }

    @Test func earlierYearsLoneCapaianIsExtra() {
        // LKjIP Tabel 9: last year's capaian beside this year's group.
        let paths = [["Indikator"], ["Capaian Tahun 2015"], ["Tahun 2016", "Target"], ["Tahun 2016", "Realisasi"],
                     ["Tahun 2016", "% Realisasi"]]
        let roles = mapper.resolve(paths.map { mapper.role(for: $0) }, paths: paths)
        #expect(roles[1] == .extra("Capaian Tahun 2015"))
        #expect(roles[4] == .value(.capaian, .year(2016)))
        // Year groups that each print target and realisasi stay periods.
        let groups = [["Indikator"], ["Tahun 2020", "Target"], ["Tahun 2020", "Realisasi"], ["Tahun 2020", "Capaian"],
                      ["Tahun 2021", "Target"], ["Tahun 2021", "Realisasi"], ["Tahun 2021", "Capaian"]]
        let yearly = mapper.resolve(groups.map { mapper.role(for: $0) }, paths: groups)
        #expect(yearly[3] == .value(.capaian, .year(2020)))
    }

    @Test func wordsBrokenOrRunTogetherInHeaders() {
        // A narrow cell breaks `TARGET`; a text layer loses a space.
        #expect(mapper.role(for: ["TARGE T"]) == .value(.target, nil))
        #expect(mapper.role(for: ["REALISA SI"]) == .value(.realisasi, nil))
        #expect(mapper.role(for: ["IndikatorKinerja"]) == .indicator)
        #expect(mapper.role(for: ["SasaranStrategis"]) == .sasaran)
        // Known words stay as they are.
        #expect(mapper.role(for: ["Realisasi K"]) == .value(.realisasi, nil))
    }

    @Test func headerWordsOCRMisread() {
        // One letter read as a digit or a symbol in a scanned header.
        #expect(mapper.role(for: ["TARGE!"]) == .value(.target, nil))
        #expect(mapper.role(for: ["REAL1SASI"]) == .value(.realisasi, nil))
        #expect(mapper.role(for: ["Indikator Kiner|a"]) == .indicator)
        #expect(mapper.role(for: ["Tahun 2014", "CAPA1AN"]) == .value(.capaian, .year(2014)))
        // A percent sign read as letters.
        #expect(mapper.role(for: ["Vo"]) == .value(.capaian, nil))
        #expect(mapper.role(for: ["Capaian", "Yo"]) == .value(.capaian, nil))
        // Two misread characters, a letter for a letter, or a short word: no guess.
        #expect(mapper.role(for: ["TAR6E!"]) != .value(.target, nil))
        #expect(mapper.role(for: ["TARGEX"]) != .value(.target, nil))
    }

    @Test func plannedCapaianIsATarget() {
        // Rencana Capaian: the planned figure of a year (Renja Bab II tables).
        #expect(mapper.role(for: ["Rencana Capaian 2015"]) == .value(.target, .year(2015)))
        #expect(mapper.role(for: ["Rencana Capaian", "2015"]) == .value(.target, .year(2015)))
        #expect(mapper.role(for: ["Capaian", "2015"]) == .value(.capaian, .year(2015)))
    }

    @Test func renjaFormKeepsLastYearsTargetAndRealisasi() {
        // Tabel J-1 (Renja evaluation): the "tahun lalu" group is the
        // period; the cumulative realisation, next year's target and the
        // running-year estimate are context.
        let group = "Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu 2015"
        let paths = [["Indikator Kinerja Program (outcomes)/ Kegiatan (output)"],
                     ["Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan sd Tahun 2014"],
                     [group, "Target Renja SKPD tahun 2015"], [group, "Realisasi Renja SKPD tahun 2015"],
                     [group, "Tingkat Realisasi (%)"],
                     ["Target Program dan Kegiatan (Renja SKPD tahun 2016)"],
                     ["Prakiraan Realisasi Capaian Target Renstra SKPD sd Tahun Berjalan (data TW II 2016)",
                      "Realisasi Capaian Program dan Kegiatan sd Tahun Berjalan"]]
        let roles = mapper.resolve(paths.map { mapper.role(for: $0) }, paths: paths)
        #expect(roles[2] == .value(.target, .year(2015)))
        #expect(roles[3] == .value(.realisasi, .year(2015)))
        #expect(roles[4] == .value(.capaian, .year(2015)))
        #expect(roles[1] == .extra(paths[1].joined(separator: " ")))
        #expect(roles[5] == .extra(paths[5][0]))
        #expect(roles[6] == .extra(paths[6].joined(separator: " ")))
    }

    @Test func unitsPrintedAfterFigures() {
        #expect(TextCleaner.splitUnit("1,060,632.41 ton", style: .english)! == ("1,060,632.41", "ton"))
        #expect(TextCleaner.splitUnit("31.02 Kg/ Kap/ Thn", style: .english)! == ("31.02", "Kg/ Kap/ Thn"))
        #expect(TextCleaner.splitUnit("- ton", style: nil)! == ("-", "ton"))
        #expect(TextCleaner.splitUnit("N/A ekor", style: nil)! == ("N/A", "ekor"))
        #expect(TextCleaner.splitUnit("100,00 %", style: .indonesian) == nil)
        #expect(TextCleaner.splitUnit("a. Jumlah sampel 1,143", style: .english) == nil)
        #expect(TextCleaner.splitUnit("Pratama", style: nil) == nil)
    }

    @Test func bareRupiahAfterPaguIsRealisasi() {
        let paths = [["ANGGARAN PER PAKET"], ["Rupiah"], ["%"]]
        let roles = mapper.resolve(paths.map { mapper.role(for: $0) }, paths: paths)
        #expect(roles[1] == .value(.realisasiRp, nil))
        #expect(roles[2] == .value(.capaianAnggaran, nil))
    }

    @Test func columnNumberRowsWithLetteredColumns() {
        func cells(_ texts: [String]) -> [GridCell] {
            texts.enumerated().map { i, t in
                let box = BBox(x0: Double(i) * 20, y0: 0, x1: Double(i) * 20 + 10, y1: 8)
                return GridCell(row: 0, column: i, bbox: box, lines: [TextLine(words: [Word(text: t, bbox: box)])])
            }
        }
        let assembler = TableAssembler(mapper: mapper)
        #expect(assembler.isColumnNumberRow(cells(["1", "2", "3", "3a", "3b", "4", "5"])))
        #expect(assembler.isColumnNumberRow(cells(["(1)", "(2)", "(3)", "(4)"])))
        #expect(assembler.isColumnNumberRow(cells(["2", "3", "7", "8", "9", "10", "14"])))
        #expect(!assembler.isColumnNumberRow(cells(["12", "35", "1.250", "7"])))
        // A header printed again inside a body is no row; a total is.
        #expect(assembler.isRepeatedHeader(cells(["INDIKATOR", "TARGET REALISASI %"])))
        #expect(!assembler.isRepeatedHeader(cells(["Jumlah", "-", "-"])))
        #expect(!assembler.isRepeatedHeader(cells(["Persentase sampel air", "12", "12"])))
        // OCR misreads digits; brackets round every cell still say it.
        #expect(assembler.isColumnNumberRow(cells(["(4)", "(2)", "(8)", "(4)"])))
        #expect(!assembler.isColumnNumberRow(cells(["(4)", "Rasio luas", "(8)", "89,16%"])))
    }
}

@Suite struct WorkbookTableTests {
    static let workbook = SharedFolder.dev.appendingPathComponent(
        "tw01_pengukuran_kinerja_2022_dinkes_kab_tanah_datar.pdf")

    static func normalized() throws -> NormalizedDocument {
        let doc = try Ingestor().read(workbook, sourceFile: workbook.lastPathComponent)
        return Normalizer().normalize(doc)
    }

    @Test func tableContinuingOverPagesIsOneTable() throws {
        let records = try Self.normalized().records.filter { $0.period == Period(year: 2022, quarter: 1) }
        // Triwulan I runs over pages 1–3 under a header repeated on each page.
        #expect(Set(records.map(\.table)) == [1])
        #expect(Set(records.map(\.page)) == [1, 2, 3])
        let rows = records.map(\.row)
        #expect(rows == Array(1...rows.count))
        // The repeated header is never read as a record.
        #expect(!records.contains { $0.indicator.lowercased().hasPrefix("indikator") })
    }

    @Test func wrappedCellsAreJoined() throws {
        let records = try Self.normalized().records
        let wrapped = "Persentase dokumen perencanaan, penganggaran dan evaluasi kinerja perangkat daerah yang tersusun tepat waktu"
        #expect(records.contains { $0.indicator == wrapped })
        #expect(Set(records.map(\.period.quarter)) == [1, 2, 3, 4])
    }
}

/// A real LKjIP (Biro Organisasi, Jawa Barat, 2016) whose Tabel 9 breaks a
/// row over pages 23–24: the last lines of the row's sasaran and indicator
/// cells are printed at the top of page 24.
@Suite(.enabled(if: SharedFolder.isAvailable)) struct PageBreakInRowTests {
    static let report = SharedFolder.real.appendingPathComponent("lkip-2016-biro-organisasi-prov-jabar.pdf")

    @Test func wordsCarriedOverJoinTheirRow() throws {
        let doc = try Ingestor().read(Self.report, sourceFile: Self.report.lastPathComponent)
        let records = Normalizer().normalize(doc).records.filter { (23...24).contains($0.page) }
        // The fragment (`Daerah`, `kebijakan`, no figures) is no record.
        #expect(!records.contains { $0.indicator == "kebijakan" })
        // Its indicator words end the indicator of page 23's row …
        let broken = try #require(records.first { $0.page == 23 && $0.indicator.hasPrefix("1.") })
        #expect(broken.indicator.hasSuffix("kebijakan"))
        // … and the sasaran cell merged down page 24 reads whole there.
        let below = try #require(records.first { $0.indicator.hasPrefix("2. Presentase OPD") })
        #expect(below.name == "Meningkatnya kapasitas Organisasi Perangkat Daerah")
        // One record per indicator row of the report year, with `% Realisasi`
        // as capaian and last year's capaian kept under extra.
        #expect(Set(records.map(\.period)) == [Period(year: 2016)])
        let seven = try #require(records.first { $0.indicator.hasPrefix("7.") })
        #expect(seven.realisasi.raw == "78,57")
        #expect(seven.capaian.raw == "31,57")
        #expect(seven.extra["Capaian Tahun 2015"]?.raw == "30")
    }
}

/// Perjanjian Kinerja (performance agreement) documents: their targets and
/// programme budgets are records, with no realisasi yet.
@Suite(.enabled(if: SharedFolder.isAvailable)) struct PerjanjianKinerjaTests {
    static func records(_ name: String) throws -> NormalizedDocument {
        let url = SharedFolder.real.appendingPathComponent(name)
        return Normalizer().normalize(try Ingestor().read(url, sourceFile: name))
    }

    @Test func targetsAndBudgetsOfAStandaloneAgreement() throws {
        // Bappeda Jawa Barat 2016: page 2 lists 14 indicators with their
        // targets (header `SasaranStrategis | IndikatorKinerja | Target`),
        // page 3 six programmes with their Anggaran.
        let doc = try Self.records("pk-2016-bappeda-prov-jabar.pdf")
        #expect(doc.kind == .pk)
        let targets = doc.records.filter { $0.page == 2 }
        #expect(targets.count == 14)
        #expect(targets.allSatisfy { $0.period == Period(year: 2016) && $0.realisasi.raw == nil && $0.target.raw != nil })
        #expect(targets.first?.target.value == 80)
        // `500 ribu org` (500 thousand people): the figure, and its unit.
        #expect(targets.contains { $0.target.raw == "500" && $0.target.value == 500 && $0.unit == "ribu org" })
        let budgets = doc.records.filter { $0.page == 3 }
        #expect(budgets.count == 6)
        #expect(budgets.allSatisfy { $0.level == .program && $0.pagu.value != nil && $0.target.raw == nil })
        #expect(budgets.first?.pagu.value == 950_000_000)
    }

    @Test func agreementYearAndMeasurementYear() throws {
        // Sulawesi Utara: PK 2021 (pages 2–3, `Jumlah` row) and the
        // Pengukuran Kinerja 2020 whose header breaks `TARGE T`.
        let doc = try Self.records("pk-2021-pengukuran-2020-diskominfo-prov-sulut.pdf")
        let total = try #require(doc.records.first { $0.indicator == "Jumlah" })
        #expect(total.period == Period(year: 2021))
        #expect(total.pagu.value == 23_972_036_198)
        #expect(total.rowKind == .total)
        let measured = doc.records.filter { $0.page == 4 }
        #expect(measured.count == 2)
        #expect(measured.allSatisfy { $0.period == Period(year: 2020) && $0.target.value == 100 && $0.realisasi.value == 100 })
    }
}

/// A realisation report (RFK, Grobogan, August 2020) listing numbered
/// pekerjaan under `TAHUN ANGGARAN 2020`, some names in capitals.
@Suite(.enabled(if: SharedFolder.isAvailable)) struct NumberedWorksListTests {
    @Test func numberedPekerjaanAreOneFlatList() throws {
        let url = SharedFolder.real.appendingPathComponent("rfk-2020-08-dpupr-kab-grobogan.pdf")
        let records = Normalizer().normalize(try Ingestor().read(url, sourceFile: url.lastPathComponent)).records
        #expect(records.count > 100)
        // The budget year of the title is the period.
        #expect(records.allSatisfy { $0.period == Period(year: 2020) })
        // Names in capitals are pekerjaan like the others, not programmes.
        #expect(records.allSatisfy { $0.level == nil })
        let first = try #require(records.first)
        #expect(first.indicator.hasPrefix("Pembangunan Jalan Ruas Jalan Pulokulon"))
        #expect(first.pagu.value == 300_000_000)
        #expect(first.target.raw == "58.33")
        #expect(first.realisasi.raw == "100.00")
    }

    @Test func listNumbersMakeAFlatList() {
        func row(_ name: String, _ number: Int?, pagu: Double? = 100) -> HierarchyInput {
            HierarchyInput(ownName: name, outcomeStartsHere: false, bold: false, italic: false,
                           budgets: [Budget(pagu: pagu, realisasiRp: nil)], isTotal: false, listNumber: number)
        }
        #expect(HierarchyBuilder.isNumberedList([row("PAKET LPSE", nil, pagu: nil), row("a", 1), row("B", 2), row("c", 3),
                                                 row("PAKET PL", nil, pagu: nil), row("d", 1)]))
        #expect(!HierarchyBuilder.isNumberedList([row("PROGRAM X", 1), row("a", nil), row("b", nil), row("c", nil)]))
        #expect(!HierarchyBuilder.isNumberedList([row("a", 1), row("b", 3), row("c", 4)]))
    }
}

/// The Renja evaluation form J-1 of a real report (Diskanlaut Jawa Barat,
/// page 44): no row borders, so each grid row holds a run of indicators.
@Suite(.enabled(if: SharedFolder.isAvailable)) struct StackedRowsTests {
    @Test func eachStackedIndicatorIsARecord() throws {
        let url = SharedFolder.real.appendingPathComponent("renja-2017-diskanlaut-prov-jabar.pdf")
        let records = Normalizer().normalize(try Ingestor().read(url, sourceFile: url.lastPathComponent)).records
            .filter { $0.page == 44 }
        // 19 indicators print figures; the three headings above their
        // components (`Prosentase Peningkatan Produksi Perikanan`) do not.
        #expect(records.count == 19)
        #expect(!records.contains { $0.indicator == "Prosentase Peningkatan Produksi Perikanan" })
        #expect(records.allSatisfy { $0.period == Period(year: 2015) })
        let budidaya = try #require(records.first { $0.indicator == "Produksi Perikanan Budidaya" })
        #expect(budidaya.target.raw == "1,060,632.41" && budidaya.target.value == 1_060_632.41)
        #expect(budidaya.realisasi.raw == "1,060,201.02")
        #expect(budidaya.capaian.raw == "99.96%")
        #expect(budidaya.unit == "ton")
        // A unit wrapped onto the next line, a unit printed without its figure.
        let fish = try #require(records.first { $0.indicator == "Ketersediaan ikan untuk di konsumsi" })
        #expect(fish.unit == "Kg/ Kap/ Thn" && fish.target.value == 31.02 && fish.capaian.raw == "100.20%")
        let rtp = try #require(records.first { $0.indicator == "RTP Budidaya" })
        #expect(rtp.realisasi.raw == nil && rtp.target.value == 403_786)
        // A two-line indicator, its programme cell beside it.
        let cases = try #require(records.first { $0.indicator.hasPrefix("Prosentase Penurunan Jumlah Kasus") })
        #expect(cases.indicator.hasSuffix("(illegal fishing)"))
        #expect(cases.target.value == 171 && cases.realisasi.value == 149)
    }
}
