import Model
@testable import Normalize
import Testing

/// The reader on generated layout variants: the same table printed with
/// other header wording, the header nested the other way round, the other
/// number style, levels side by side, list markers, relative years. Each
/// variant is a page grid read end to end by `Normalizer`, and every
/// variant must give the same records.
struct VariantTable {
    /// Header rows: each cell a text and how many columns it spans.
    var header: [[(String, Int)]]
    var body: [[String]]
    /// Lines printed above the table (its title).
    var caption: [String] = ["LAPORAN KINERJA DINAS CONTOH TAHUN 2022"]

    var columnCount: Int { body.first?.count ?? 0 }

    /// A body cell's text meaning "the cell above runs on over this row".
    static let mergedDown = "↑"

    /// One page holding the caption and the table, as Ingest would hand it.
    func document() -> IngestedDocument {
        let width = 60.0, height = 14.0, top = 100.0
        var lines: [TextLine] = []
        for (i, text) in caption.enumerated() {
            lines.append(Self.line(text, x: 20, y: 20 + Double(i) * 14))
        }
        var cells: [GridCell] = []
        var rowEdges: [Double] = [top]
        var r = 0
        for headerRow in header {
            var c = 0
            for (text, span) in headerRow {
                let box = BBox(x0: 20 + Double(c) * width, y0: top + Double(r) * height,
                               x1: 20 + Double(c + span) * width, y1: top + Double(r + 1) * height)
                cells.append(GridCell(row: r, column: c, columnSpan: span, bbox: box,
                                      lines: text.isEmpty ? [] : [Self.line(text, x: box.x0 + 1, y: box.y0 + 2)]))
                c += span
            }
            r += 1
            rowEdges.append(top + Double(r) * height)
        }
        var above: [Int: Int] = [:]   // column → index in `cells` of the cell above
        for bodyRow in body {
            for (c, text) in bodyRow.enumerated() {
                // `↑`: the cell above is merged down over this row.
                if text == Self.mergedDown, let i = above[c] {
                    cells[i].rowSpan += 1
                    cells[i].bbox.y1 += height
                    continue
                }
                let box = BBox(x0: 20 + Double(c) * width, y0: top + Double(r) * height,
                               x1: 20 + Double(c + 1) * width, y1: top + Double(r + 1) * height)
                above[c] = cells.count
                cells.append(GridCell(row: r, column: c, bbox: box,
                                      lines: text.isEmpty ? [] : [Self.line(text, x: box.x0 + 1, y: box.y0 + 2)]))
            }
            r += 1
            rowEdges.append(top + Double(r) * height)
        }
        let columnEdges = (0...columnCount).map { 20 + Double($0) * width }
        var grid = TableGrid(page: 1, bbox: BBox(x0: 20, y0: top, x1: columnEdges.last!, y1: rowEdges.last!),
                             columnEdges: columnEdges, rowEdges: rowEdges, cells: cells, ruled: true)
        grid.headerRowCount = header.count
        let page = Page(number: 1, width: 1000, height: 800, lines: lines, rulings: [], tables: [grid],
                        textSource: .textLayer)
        return IngestedDocument(docID: "variant", sourceFile: "variant.pdf", pages: [page])
    }

    static func line(_ text: String, x: Double, y: Double) -> TextLine {
        var words: [Word] = []
        var at = x
        for w in text.split(separator: " ") {
            let wide = Double(w.count) * 4
            words.append(Word(text: String(w), bbox: BBox(x0: at, y0: y, x1: at + wide, y1: y + 8)))
            at += wide + 3
        }
        return TextLine(words: words)
    }

    func records() -> [Record] { Normalizer().normalize(document()).records }
}

@Suite struct LayoutVariantTests {
    /// Two indicators over two years, with target, realisasi and capaian.
    static let values: [(indicator: String, figures: [[Double]])] = [
        ("Persentase dokumen perencanaan tepat waktu", [[90, 85.5, 95], [95, 100, 105.26]]),
        ("Jumlah desa yang dibina", [[1200, 1250, 104.17], [1300, 1100, 84.62]]),
    ]

    enum Nesting: CaseIterable { case yearOverMeasure, measureOverYear }
    enum Style: CaseIterable { case indonesian, english }
    static let wordings: [(target: String, realisasi: String, capaian: String)] = [
        ("Target", "Realisasi", "Capaian (%)"),
        ("Target", "Realisasi", "% Realisasi"),
        ("TARGET", "REALISASI", "Tingkat Capaian"),
        ("Target", "Realisasi", "Persentase Capaian"),
    ]

    static func figure(_ v: Double, _ style: Style) -> String {
        let whole = Int(v)
        var grouped = String(whole)
        if whole >= 1000 {
            let sep = style == .indonesian ? "." : ","
            grouped = String(whole / 1000) + sep + String(format: "%03d", whole % 1000)
        }
        let cents = Int((v - Double(whole)) * 100 + 0.5)
        guard cents > 0 else { return grouped }
        return grouped + (style == .indonesian ? "," : ".") + String(format: "%02d", cents)
    }

    static func table(_ nesting: Nesting, _ style: Style, _ words: (target: String, realisasi: String, capaian: String))
        -> VariantTable {
        let measures = [words.target, words.realisasi, words.capaian]
        let header: [[(String, Int)]]
        var order: [(year: Int, measure: Int)] = []
        switch nesting {
        case .yearOverMeasure:
            header = [[("No", 1), ("Indikator Kinerja", 1), ("Tahun 2021", 3), ("Tahun 2022", 3)],
                      [("", 1), ("", 1)] + (measures + measures).map { ($0, 1) }]
            for y in 0..<2 { for m in 0..<3 { order.append((y, m)) } }
        case .measureOverYear:
            header = [[("No", 1), ("Indikator Kinerja", 1)] + measures.map { ($0, 2) },
                      [("", 1), ("", 1)] + (0..<3).flatMap { _ in [("2021", 1), ("2022", 1)] }]
            for m in 0..<3 { for y in 0..<2 { order.append((y, m)) } }
        }
        let body = values.enumerated().map { i, v in
            ["\(i + 1)", v.indicator] + order.map { figure(v.figures[$0.year][$0.measure], style) }
        }
        return VariantTable(header: header, body: body)
    }

    @Test("Header nesting, wording and number style do not change the records",
          arguments: Nesting.allCases, Style.allCases)
    func headerVariants(nesting: Nesting, style: Style) {
        for words in Self.wordings {
            let records = Self.table(nesting, style, words).records()
            #expect(records.count == 4, "\(nesting) \(style) \(words)")
            for (v, year) in [(0, 2021), (1, 2022)] {
                for item in Self.values {
                    let r = records.first { $0.indicator == item.indicator && $0.period == Period(year: year) }
                    #expect(r?.target.value == item.figures[v][0], "\(nesting) \(style) \(words) \(year)")
                    #expect(r?.realisasi.value == item.figures[v][1], "\(nesting) \(style) \(words) \(year)")
                    #expect(r?.capaian.value == item.figures[v][2], "\(nesting) \(style) \(words) \(year)")
                }
            }
        }
    }

    @Test("A budget table's Realisasi is rupiah and its % the capaian anggaran",
          arguments: ["Anggaran", "Pagu", "Anggaran (Rp)", "PAGU ANGGARAN"], ["%", "Capaian", "Persen"])
    func budgetTable(pagu: String, percent: String) {
        let table = VariantTable(
            header: [[("Kode", 1), ("Program/Kegiatan", 1), (pagu, 1), ("Realisasi", 1), (percent, 1)]],
            body: [["29", "Program Pelayanan Administrasi Perkantoran", "1.200.000.000", "1.140.000.000", "95,00"],
                   ["", "Penyediaan Jasa Surat Menyurat", "200.000.000", "190.000.000", "95,00"]])
        let records = table.records()
        #expect(records.count == 2, "\(pagu) \(percent)")
        #expect(records.first?.pagu.value == 1_200_000_000)
        #expect(records.first?.realisasiRp.value == 1_140_000_000, "\(pagu) \(percent)")
        #expect(records.first?.realisasi.value == nil)
        if percent != "Persen" { #expect(records.first?.capaianAnggaran.value == 95, "\(pagu) \(percent)") }
    }

    @Test("Relative years (n-2) resolve from the year the form calls tahun berjalan",
          arguments: ["(n-2)", "(n- 2)", "n-2", "(n – 2)"])
    func relativeYears(mark: String) {
        let group = "Target dan Realisasi Kinerja Tahun Lalu " + mark
        let table = VariantTable(
            header: [[("Indikator Kinerja Program", 1), ("Realisasi s/d tahun (n-1)", 1), (group, 3),
                      ("Target Renja tahun n", 1)],
                     [("", 1), ("", 1), ("Target Renja OPD tahun " + mark, 1), ("Realisasi Renja OPD tahun " + mark, 1),
                      ("Tingkat Realisasi (%)", 1), ("", 1)]],
            body: [["Tingkat kesesuaian perencanaan", "160", "80", "80", "100", "85"]],
            caption: ["Rekapitulasi Evaluasi Hasil Pelaksanaan Renja", "s.d. Tahun 2015 (tahun berjalan)"])
        let records = table.records()
        #expect(records.count == 1, "\(mark)")
        #expect(records.first?.period == Period(year: 2014), "\(mark)")
        #expect(records.first?.target.value == 80)
        #expect(records.first?.capaian.value == 100)
        #expect(records.first?.extra.keys.contains { $0.contains("s/d") } == true)
    }

    @Test("Levels printed side by side give one record per level", arguments: ["TARGET", "Target"])
    func levelBands(target: String) {
        let table = VariantTable(
            header: [[("SASARAN STRATEGIS", 1), ("INDIKATOR SASARAN", 1), (target, 1), ("REALISASI", 1),
                      ("PROGRAM DAN KEGIATAN", 1), ("INDIKATOR KEGIATAN", 1), (target + " KEGIATAN", 1),
                      ("ANGGARAN (RP.)", 1)]],
            body: [["Meningkatnya pelayanan", "Persentase layanan", "55,56 %", "59,26 %", "Program Pelayanan", "", "", ""],
                   ["", "", "", "", "Pemilihan Awak Kendaraan", "Jumlah peserta", "35 orang", "452.750.000"],
                   ["", "", "", "", "", "Jumlah kab/kota", "16", ""]])
        let normalized = Normalizer().normalize(table.document())
        let records = normalized.records
        #expect(records.count == 3, "\(normalized.tables.map(\.mappingText))")
        let sasaran = records.first { $0.indicator == "Persentase layanan" }
        #expect(sasaran?.level == .sasaran)
        #expect(sasaran?.target.value == 55.56)
        #expect(sasaran?.pagu.value == nil)
        let peserta = records.first { $0.indicator == "Jumlah peserta" }
        #expect(peserta?.level == .kegiatan)
        #expect(peserta?.target.value == 35)
        #expect(peserta?.pagu.value == 452_750_000)
        #expect(Set(records.map(\.row)).count == 3, "each record keeps a row of its own")
    }

    @Test("A list item wrapped onto a row of its own joins its item", arguments: ["-", "•"])
    func listContinuation(marker: String) {
        let table = VariantTable(
            header: [[("Indikator Kinerja", 1), ("Target", 1), ("Realisasi", 1), ("%", 1)]],
            body: [["\(marker) Jumlah Produksi Kacang", "81.262", "70.676", "86,97"],
                   ["Tanah", "", "", ""],
                   ["\(marker) Jumlah Produksi Kacang", "10.823", "9.699", "89,61"],
                   ["Hijau", "", "", ""]])
        let records = table.records()
        #expect(records.map(\.indicator) == ["Jumlah Produksi Kacang Tanah", "Jumlah Produksi Kacang Hijau"])
        #expect(records.map(\.target.value) == [81262, 10823])
    }

    @Test("An indicator row that prints nothing is no record; a dash is a value")
    func blankRows() {
        let table = VariantTable(
            header: [[("Indikator Kinerja", 1), ("Target", 1), ("Realisasi", 1)]],
            body: [["Predikat SAKIP", "", ""], ["Jumlah dokumen", "-", "-"], ["Jumlah laporan", "12", "12"]])
        #expect(table.records().map(\.indicator) == ["Jumlah dokumen", "Jumlah laporan"])
    }
}

/// The report year comes from what the document states, not from the
/// regulations its prose cites.
@Suite struct ReportYearTests {
    @Test("A citation's year is not the report year", arguments: [
        "sesuai dengan Instruksi Presiden Nomor 7 Tahun 1999 tentang Akuntabilitas Kinerja",
        "Peraturan Pemerintah No. 8 Tahun 2006 tentang Pelaporan Keuangan",
        "Lembaran Negara Republik Indonesia Tahun 2006 Nomor 25",
    ])
    func citations(line: String) {
        #expect(DocumentContext.statedYears(in: line).isEmpty)
        #expect(DocumentContext.statedYear(in: [line, "Akuntabilitas Kinerja Tahun Anggaran 2016"]) == 2016)
    }

    @Test func titleLinesOutweighProse() {
        let lines = ["LAPORAN KINERJA TAHUN 2016",
                     "hasil pengukuran kinerja tahun 2015 akan dituangkan dalam laporan ini sebagai bahan evaluasi"]
        #expect(DocumentContext.statedYear(in: lines) == 2016)
    }

    @Test("A file name's one year, when the text states none", arguments: [
        ("LKjIP_2021_Dinkes.pdf", 2021), ("eiku-2021-12-diskominfo.pdf", 2021), ("dinsos/PK 2019 (revisi).pdf", 2019),
        ("laporan-2020-2021.pdf", nil), ("scan_20210115.pdf", nil), ("laporan.pdf", nil), ("2016/laporan.pdf", nil),
    ] as [(String, Int?)])
    func fileNameYear(name: String, year: Int?) {
        #expect(DocumentContext.fileNameYear(name) == year)
    }

    @Test("A reporting month gives the year of a monitoring sheet",
          arguments: ["Bulan : Januari 2021", "Bulan Januari 2021", "BULAN : JANUARI 2021"])
    func reportingMonth(line: String) {
        #expect(DocumentContext.reportingMonthYear(in: ["PELAKSANAAN KEGIATAN TAHUN ANGGARAN 2020", line]) == 2021)
    }

    @Test("Document kinds from the title block", arguments: [
        ("RENCANA AKSI KINERJA TAHUN 2022", DocumentSummary.Kind.renaksi),
        ("LAPORAN MONITORING RENCANA AKSI KINERJA SASARAN TAHUN 2016", .renaksi),
        ("REALISASI FISIK DAN KEUANGAN", .rfk),
        ("Rekapitulasi Evaluasi Hasil Pelaksanaan Renja OPD", .renjaEval),
        ("PERNYATAAN PERJANJIAN KINERJA TAHUN 2017", .pk),
        ("LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2016", .lkjip),
    ])
    func kinds(title: String, kind: DocumentSummary.Kind) {
        #expect(DocumentContext.kind(title: title.lowercased(), opening: title.lowercased()) == kind)
    }

    /// Levels in columns of their own (`Program | Kegiatan | Sub Kegiatan |
    /// Target | Realisasi`), the outer names merged down over their rows,
    /// with and without a figure of the outer level between them, in
    /// several wordings: each row is a record of the deepest level, its
    /// path the outer names, an outer level's figure kept as extra.
    @Test("Levels in columns of their own", arguments: [
        ["Program", "Kegiatan", "Sub Kegiatan"],
        ["PROGRAM", "KEGIATAN", "SUB KEGIATAN"],
        ["Nama Program", "Nama Kegiatan", "Nama Sub Kegiatan"],
        ["Program", "Kegiatan", "Subkegiatan"],
    ], [false, true])
    func levelColumns(words: [String], outerTarget: Bool) throws {
        let m = VariantTable.mergedDown
        let subs = [("Monitoring Opini Publik", "1", "1"), ("Pelayanan Informasi Publik", "2", "1,5"),
                    ("Pengelolaan Media Sosial", "12", "12")]
        var header: [(String, Int)] = [(words[0], 1), (words[1], 1)]
        if outerTarget { header.append(("Target Kinerja", 1)) }
        header += [(words[2], 1), ("Target", 1), ("Realisasi", 1)]
        let body: [[String]] = subs.enumerated().map { i, sub in
            var row = i == 0 ? ["Program Informasi Publik", "Pengelolaan Komunikasi Publik"] : [m, m]
            if outerTarget { row.append(i == 0 ? "100%" : m) }
            return row + [sub.0, sub.1, sub.2]
        }
        let records = VariantTable(header: [header], body: body).records()
        #expect(records.map(\.name) == subs.map(\.0))
        #expect(records.map(\.indicator) == subs.map(\.0))
        #expect(records.allSatisfy { $0.level == .subKegiatan })
        #expect(records.allSatisfy { $0.path == ["Program Informasi Publik", "Pengelolaan Komunikasi Publik"] })
        #expect(records.map(\.target.value) == [1, 2, 12])
        #expect(records.map(\.realisasi.value) == [1, 1.5, 12])
        #expect(records.allSatisfy { $0.period == Period(year: 2022) })
        #expect(records.filter { $0.extra["Target Kinerja"]?.raw == "100%" }.count == (outerTarget ? 1 : 0))
    }

    @Test func twoLevelColumnsGiveRecordsOfTheDeeper() throws {
        let m = VariantTable.mergedDown
        let body = [["Program A", "Kegiatan satu", "5", "4"], [m, "Kegiatan dua", "3", "3"]]
        let records = VariantTable(header: [[("Program", 1), ("Kegiatan", 1), ("Target", 1), ("Realisasi", 1)]],
                                   body: body).records()
        #expect(records.map(\.name) == ["Kegiatan satu", "Kegiatan dua"])
        #expect(records.allSatisfy { $0.level == .kegiatan && $0.path == ["Program A"] })
    }

    /// Indicators listed in one grid row (a sheet printed without row
    /// borders), each wrapped over lines that may open in capitals.
    static let stacked: [(lines: [String], target: String, realisasi: String)] = [
        (["Tercukupinya", "Persentase layanan", "dukungan administrasi", "sesuai SOP"], "70 %", "70 %"),
        (["Tercukupinya", "Jumlah laporan", "keuangan SKPD"], "100%", "100%"),
        (["Terlaksananya", "Penyediaan prasarana", "pelayanan publik."], "95%", "100%"),
        (["Terlaksananya", "pengadaan seragam"], "335", "335"),
    ]

    /// The stacked indicators in one grid row under a sasaran cell; with
    /// `average`, the sasaran's own capaian printed beside its name, a line
    /// or more above the first indicator.
    static func stackedDocument(marker: String, valueLine: Int, average: String? = nil) -> IngestedDocument {
        var indicator: [TextLine] = [], target: [TextLine] = [], realisasi: [TextLine] = [], capaian: [TextLine] = []
        var y = 130.0
        if let average {
            capaian.append(VariantTable.line(average, x: 322, y: y))
            y += 24
        }
        for item in Self.stacked {
            for (k, text) in item.lines.enumerated() {
                indicator.append(VariantTable.line(k == 0 ? marker + text : text, x: 82, y: y + Double(k) * 10))
            }
            // The figures beside the item's first line, or its second.
            let at = y + Double(min(valueLine, item.lines.count - 1)) * 10
            target.append(VariantTable.line(item.target, x: 202, y: at))
            realisasi.append(VariantTable.line(item.realisasi, x: 262, y: at))
            capaian.append(VariantTable.line("100", x: 322, y: at))
            y += Double(item.lines.count) * 10 + 6
        }
        let top = 100.0, bottom = y + 4
        func cell(_ c: Int, _ row: Int, _ y0: Double, _ y1: Double, _ lines: [TextLine]) -> GridCell {
            GridCell(row: row, column: c, bbox: BBox(x0: 20 + Double(c) * 60, y0: y0, x1: 80 + Double(c) * 60, y1: y1),
                     lines: lines)
        }
        let header = ["Sasaran", "Indikator", "Target", "Realisasi", "%"].enumerated().map { c, text in
            cell(c, 0, top, top + 20, [VariantTable.line(text, x: 22 + Double(c) * 60, y: top + 4)])
        }
        let body = [cell(0, 1, top + 20, bottom, [VariantTable.line("Meningkatnya pelayanan", x: 22, y: 130)]),
                    cell(1, 1, top + 20, bottom, indicator), cell(2, 1, top + 20, bottom, target),
                    cell(3, 1, top + 20, bottom, realisasi), cell(4, 1, top + 20, bottom, capaian)]
        var grid = TableGrid(page: 1, bbox: BBox(x0: 20, y0: top, x1: 320, y1: bottom),
                             columnEdges: [20, 80, 140, 200, 260, 320], rowEdges: [top, top + 20, bottom],
                             cells: header + body, ruled: true)
        grid.headerRowCount = 1
        let page = Page(number: 1, width: 600, height: 800,
                        lines: [VariantTable.line("LAPORAN KINERJA TAHUN 2021", x: 20, y: 20)], rulings: [],
                        tables: [grid], textSource: .textLayer)
        return IngestedDocument(docID: "v", sourceFile: "v.pdf", pages: [page])
    }

    @Test("Indicators listed under markers in one grid row keep every line",
          arguments: ["• ", "- ", "•"], [0, 1])
    func markedStackedIndicators(marker: String, valueLine: Int) {
        let records = Normalizer().normalize(Self.stackedDocument(marker: marker, valueLine: valueLine)).records
        #expect(records.map(\.indicator) == Self.stacked.map { $0.lines.joined(separator: " ") })
        #expect(records.map(\.target.raw) == Self.stacked.map(\.target))
        #expect(records.map(\.realisasi.raw) == Self.stacked.map(\.realisasi))
    }

    @Test("A sasaran's own figure above its stacked indicators is the sasaran's row", arguments: ["99,02", "98.5"])
    func sasaranFigureAboveStackedIndicators(average: String) {
        let records = Normalizer().normalize(Self.stackedDocument(marker: "- ", valueLine: 0, average: average)).records
        #expect(records.count == Self.stacked.count + 1)
        let sasaran = records.first
        #expect(sasaran?.indicator == "Meningkatnya pelayanan")
        #expect(sasaran?.capaian.raw == average)
        #expect(records.dropFirst().map(\.capaian.raw) == Self.stacked.map { _ in "100" })
        #expect(records.dropFirst().map(\.indicator) == Self.stacked.map { $0.lines.joined(separator: " ") })
    }
}
