import Testing
import Model
@testable import Validate

struct RollupAndTotalTests {
    /// lk01 Tabel 3.x: a kegiatan pagu typed 1.000.000 too high.
    let table: [Record] = [
        budget("Program Penunjang", .program, row: 1, pagu: cell("415.596.352", 415_596_352), spent: cell("396.417.096", 396_417_096)),
        budget("Perencanaan", .kegiatan, row: 2, pagu: cell("186.470.300", 186_470_300), spent: cell("176.699.400", 176_699_400)),
        budget("Penyusunan Dokumen", .subKegiatan, row: 3, pagu: cell("145.921.300", 145_921_300), spent: cell("139.813.000", 139_813_000)),
        budget("Koordinasi RKA", .subKegiatan, row: 4, pagu: cell("12.647.000", 12_647_000), spent: cell("12.361.100", 12_361_100)),
        budget("Laporan Capaian", .subKegiatan, row: 5, pagu: cell("26.902.000", 26_902_000), spent: cell("24.525.300", 24_525_300)),
        budget("Administrasi Umum", .kegiatan, row: 6, pagu: cell("229.126.052", 229_126_052), spent: cell("219.717.696", 219_717_696)),
        budget("Barang Cetakan", .subKegiatan, row: 7, pagu: cell("229.126.052", 229_126_052), spent: cell("219.717.696", 219_717_696)),
        budget("Program KB", .program, row: 8, pagu: cell("27.379.000", 27_379_000), spent: cell("25.150.796", 25_150_796)),
        budget("Pembinaan KS", .kegiatan, row: 9, pagu: cell("27.379.000", 27_379_000), spent: cell("25.150.796", 25_150_796)),
        budget("Orientasi", .subKegiatan, row: 10, pagu: cell("27.379.000", 27_379_000), spent: cell("25.150.796", 25_150_796)),
        budget("TOTAL", nil, row: 11, pagu: cell("442.975.352", 442_975_352), spent: cell("421.567.892", 421_567_892)),
    ]

    @Test func kegiatanIsTheSumOfItsSubKegiatan() throws {
        // 145.921.300 + 12.647.000 + 26.902.000 = 185.470.300, printed 186.470.300.
        // The program (186.470.300 + 229.126.052 = 415.596.352) is consistent with the printed kegiatan.
        let found = findings(table)
        #expect(found.map(\.rule) == [.rollupPagu])
        let f = try #require(found.first)
        #expect(f.row == 2)
        #expect(f.field == "pagu")
        #expect(f.expected == 185_470_300)
        #expect(f.reported == "186.470.300")
    }

    /// An RFK sheet: pakets (no budget level) listed under each sub
    /// kegiatan; `kegiatanTwo` is K2's printed pagu, `total` whether a TOTAL
    /// row closes the table.
    static func rfk(kegiatanTwo: (String, Double), total: Bool) -> [Record] {
        var rows = [
            budget("Program Jalan", .program, row: 1, pagu: cell("300.000", 300_000), spent: .empty, table: 3),
            budget("Kegiatan Satu", .kegiatan, row: 2, pagu: cell("100.000", 100_000), spent: .empty, table: 3),
            budget("Sub Satu", .subKegiatan, row: 3, pagu: cell("100.000", 100_000), spent: .empty, table: 3),
            budget("Paket a", nil, row: 4, pagu: cell("60.000", 60_000), spent: .empty, table: 3),
            budget("Paket b", nil, row: 5, pagu: cell("40.000", 40_000), spent: .empty, table: 3),
            budget("Kegiatan Dua", .kegiatan, row: 6, pagu: cell(kegiatanTwo.0, kegiatanTwo.1), spent: .empty, table: 3),
            budget("Sub Dua", .subKegiatan, row: 7, pagu: cell("200.000", 200_000), spent: .empty, table: 3),
            budget("Paket c", nil, row: 8, pagu: cell("200.000", 200_000), spent: .empty, table: 3),
        ]
        if total {
            rows.append(budget("TOTAL", nil, row: 9, pagu: cell("300.000", 300_000), spent: .empty, table: 3))
        }
        return rows
    }

    @Test func paketsUnderASubKegiatanDoNotEndItsGroup() {
        // Program = K1 + K2 although pakets stand between them.
        #expect(findings(Self.rfk(kegiatanTwo: ("200.000", 200_000), total: true)).filter { $0.rule == .rollupPagu }.isEmpty)
        // K2 printed 250.000 over its sub kegiatan's 200.000; the program then is not K1 + K2 either.
        let wrong = findings(Self.rfk(kegiatanTwo: ("250.000", 250_000), total: true)).filter { $0.rule == .rollupPagu }
        #expect(wrong.map(\.row) == [1, 6])
    }

    @Test func aGroupTheTableEndsInIsNotChecked() {
        // No closing row after K2's group: its sub kegiatan may go on in the next page's table.
        #expect(findings(Self.rfk(kegiatanTwo: ("250.000", 250_000), total: false)).filter { $0.rule == .rollupPagu }.isEmpty)
    }

    @Test func totalIsTheSumOfPrograms() throws {
        var rows = table
        // TOTAL realisasi typed 100.000 short: 396.417.096 + 25.150.796 = 421.567.892.
        rows[10].realisasiRp = cell("421.467.892", 421_467_892)
        let found = findings(rows).filter { $0.rule == .totalMismatch }
        #expect(found.count == 1)
        #expect(found[0].field == "realisasi_rp")
        #expect(found[0].expected == 421_567_892)
    }

    @Test func flatTableTotalsEveryLine() {
        let rows = [
            budget("Gaji Pokok PNS", nil, row: 1, pagu: cell("1.803.808.000", 1_803_808_000), spent: cell("1.368.024.232", 1_368_024_232), table: 9),
            budget("Tunjangan Keluarga PNS", nil, row: 2, pagu: cell("177.610.000", 177_610_000), spent: cell("172.064.952", 172_064_952), table: 9),
            budget("Jumlah", nil, row: 3, pagu: cell("1.981.418.000", 1_981_418_000), spent: cell("1.540.089.185", 1_540_089_185), table: 9),
        ]
        #expect(findings(rows).map(\.rule) == [.totalMismatch])
        #expect(findings(rows).first?.expected == 1_540_089_184)
    }

    @Test func secondIndicatorRowsAndDashes() {
        // Workbook: a sub kegiatan with a second indicator row (budget cells
        // empty) and a sub kegiatan with `-` (zero) pagu.
        let q = "2022-Q1"
        let rows = [
            record("Persentase administrasi", row: 1, period: q, level: .kegiatan, name: "Administrasi Kepegawaian",
                   pagu: cell("41.777.000", 41_777_000), realisasiRp: cell("9.260.200", 9_260_200)),
            record("Jumlah pegawai dilatih", row: 2, period: q, level: .subKegiatan, name: "Diklat",
                   pagu: cell("41.777.000", 41_777_000), realisasiRp: cell("9.260.200", 9_260_200)),
            record("Jumlah dokumen monev", row: 3, period: q, level: .subKegiatan, name: "Diklat"),
            record("Jumlah pakaian dinas", row: 4, period: q, level: .subKegiatan, name: "Pakaian Dinas",
                   pagu: cell("-"), realisasiRp: cell("-")),
        ]
        #expect(findings(rows).isEmpty)
    }

    @Test func outcomeRowsEndTheChildren() {
        // A sasaran row between programs closes the kegiatan above it.
        let rows = [
            budget("Administrasi Umum", .kegiatan, row: 1, pagu: cell("52.040.400", 52_040_400), spent: cell("5.974.482", 5_974_482)),
            budget("Peralatan", .subKegiatan, row: 2, pagu: cell("43.040.400", 43_040_400), spent: cell("5.974.482", 5_974_482)),
            record("Prevalensi stunting", table: 8, row: 3, level: .sasaran, name: "Meningkatnya kesehatan", target: cell("22,61", 22.61)),
            budget("Bahan Bacaan", .subKegiatan, row: 4, pagu: cell("9.000.000", 9_000_000), spent: cell("0", 0)),
        ]
        let found = findings(rows)
        #expect(found.map(\.rule) == [.rollupPagu])
        #expect(found.first?.expected == 43_040_400)
    }
}
