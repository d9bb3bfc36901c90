import Foundation
import Model

/// Records, discrepancies and documents with the awkward bits the writers
/// must survive: commas, quotes, newlines, slashes, formula-like text,
/// unicode, nil everywhere, quarters, big and small numbers.
enum Fixtures {
    static let docID = "5f4dcc3b5aa765d61d8327deb882cf99aa1cb0b6fbbd1e7c2e3a1c0d9f4b2e11"

    static let full = Record(
        docID: docID, sourceFile: "dinkes/LKjIP 2021, final.pdf", page: 12,
        bbox: BBox(x0: 56.7, y0: 301.2, x1: 785.3, y1: 330.1), table: 3, row: 7,
        period: Period(year: 2021), level: .subKegiatan,
        path: ["Program Pemenuhan Upaya Kesehatan", "Kegiatan \"Penyediaan\" Layanan, Rujukan"],
        name: "Sub kegiatan A/B", indicator: "Persentase ibu hamil\nmendapat layanan",
        unit: "%", target: ValueCell(raw: "100", value: 100), realisasi: ValueCell(raw: "81,10%", value: 81.1),
        capaian: ValueCell(raw: "#DIV/0!", value: nil), pagu: ValueCell(raw: "9,756,893,547", value: 9_756_893_547),
        realisasiRp: ValueCell(raw: "Rp. 9.985.639. 757,-", value: 9_985_639_757),
        capaianAnggaran: ValueCell(raw: "-", value: nil),
        category: "Sangat Berhasil", polarity: .negative, indicatorRef: "ind/12",
        extra: ["Keterangan": ValueCell(raw: "naik, \"baik\"", value: nil),
                "Target Akhir RPJMD": ValueCell(raw: "6,20", value: 6.2),
                "Realisasi Nasional": ValueCell(raw: "0,0039", value: 0.0039)],
        ocrConfidence: 87.5, formula: "= Realisasi / Target x 100%", rowKind: .item,
        polarityBasis: "keyword: kematian",
        cellBoxes: ["target": BBox(x0: 400.1, y0: 301.2, x1: 440, y1: 330.1),
                    "pagu": BBox(x0: 500, y0: 301.2, x1: 560.5, y1: 330.1)])

    static let sparse = Record(
        docID: docID, sourceFile: "tw/Triwulan.pdf", page: 1, bbox: nil, table: 1, row: 1,
        period: Period(year: 2022, quarter: 3), indicator: "")

    static let formulaLike = Record(
        docID: docID, sourceFile: "@evil.pdf", page: 2, bbox: BBox(x0: 0, y0: 0, x1: 1, y1: 1), table: 1, row: 2,
        period: Period(year: 2020), level: .program, path: ["=HYPERLINK(\"http://x\")"], name: "+62 812",
        indicator: "-2+3", unit: "\tDok",
        target: ValueCell(raw: "-", value: nil), realisasi: ValueCell(raw: "-12,5", value: -12.5),
        capaian: ValueCell(raw: "- Persentase", value: nil), pagu: ValueCell(raw: "--", value: nil),
        realisasiRp: ValueCell(raw: "- 1.234", value: -1234), capaianAnggaran: ValueCell(raw: "\rx", value: nil),
        category: "@SUM(A1)", polarity: .positive,
        extra: [:], ocrConfidence: nil, formula: "-A1", rowKind: .total, polarityBasis: "default")

    static let records = [full, sparse, formulaLike]

    static let discrepancies = [
        Discrepancy(about: full, field: "capaian", rule: .capaianDiv0, severity: .error, reported: "#DIV/0!",
                    expected: 81.1, message: "Capaian prints #DIV/0! but target is 100, so it is 81.1."),
        Discrepancy(docID: docID, sourceFile: "a,b.pdf", page: 3, table: 2, row: 9, period: Period(year: 2023, quarter: 1),
                    field: "pagu", rule: "rollup.pagu", severity: .warning, reported: "=1+1", expected: nil,
                    message: "Line one\nline \"two\""),
    ]

    static let documents = [
        DocumentSummary(docID: docID, sourceFile: "dinkes/LKjIP 2021, final.pdf", status: .ok, pages: 15,
                        textLayer: .yes, tables: 6, records: 61, discrepancies: 10, error: "", seconds: 12.3456,
                        kind: .lkjip, ocrPages: 0),
        DocumentSummary(docID: "", sourceFile: "broken.pdf", status: .failed,
                        error: "-could not open: \"encrypted\", sorry", seconds: 0.0004),
    ]
}

/// A fresh directory under the system temporary directory.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("kinerja-export-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func readText(_ url: URL) throws -> String {
    String(decoding: try Data(contentsOf: url), as: UTF8.self)
}
