@testable import Export
import Foundation
import Model
import Testing

/// kinerja.xlsx read by a real spreadsheet program: LibreOffice Calc
/// (Debian's `libreoffice-calc`), converting every sheet to CSV.
@Suite("kinerja.xlsx in LibreOffice")
struct WorkbookLibreOfficeTests {
    /// Records with formula-like, multi-line, quoted and non-ASCII text.
    static let awkward: [Record] = {
        let doc = String(repeating: "ab", count: 32)
        return [
            Record(docID: doc, sourceFile: "@evil.pdf", page: 2, bbox: BBox(x0: 0, y0: 0, x1: 10.5, y1: 1), table: 1, row: 2,
                   period: Period(year: 2020), level: .program, path: ["=HYPERLINK(\"http://x\")", "B"], name: "+62 812",
                   indicator: "-2+3", unit: "\tDok",
                   target: ValueCell(raw: "-", value: nil), realisasi: ValueCell(raw: "-12,5", value: -12.5),
                   capaian: ValueCell(raw: "=1+1", value: 2), pagu: ValueCell(raw: "9,756,893,547", value: 9_756_893_547),
                   realisasiRp: ValueCell(raw: "- 1.234", value: -1234), capaianAnggaran: ValueCell(raw: "0,0039", value: 0.0039),
                   category: "@SUM(A1)", extra: ["Keterangan": ValueCell(raw: "naik, \"baik\"", value: nil)],
                   formula: "Realisasi\nTarget x 100%", rowKind: .item, polarityBasis: "kata kunci: kemiskinan"),
        ]
    }()

    @Test func sheetsRoundTripThroughLibreOffice() throws {
        let run = try CorpusRun.get()
        guard let soffice = TestEnvironment.tool(["soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice"]) else {
            throw TestFailure("soffice not found: install Debian's libreoffice-calc package")
        }
        let scratch = try TestEnvironment.temporaryDirectory("libreoffice")
        defer { try? FileManager.default.removeItem(at: scratch) }

        // The corpus workbook and one of awkward text, converted in one start.
        let corpusBook = scratch.appendingPathComponent("corpus.xlsx")
        try FileManager.default.copyItem(at: run.file("kinerja.xlsx"), to: corpusBook)
        let awkwardBook = scratch.appendingPathComponent("awkward.xlsx")
        let rows = try OutputRows(records: Self.awkward, discrepancies: [], documents: [])
        try Workbook(rows).data().write(to: awkwardBook)

        // Filter options: comma, double quote, UTF-8, from line 1, standard
        // cell formats, quoted text as text, no special numbers, full
        // precision instead of "as shown", no formulas, keep spaces, all
        // sheets (-1: one file per sheet, NAME-SHEET.csv).
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
        let result = try runProcess(soffice, [
            "--headless", "--norestore", "--nolockcheck",
            "-env:UserInstallation=\(scratch.appendingPathComponent("profile").absoluteString)",
            "--convert-to", filter, "--outdir", scratch.path, corpusBook.path, awkwardBook.path,
        ], environment: ["HOME": scratch.path], timeout: 300)
        #expect(result.status == 0, "soffice: \(result.stderr.suffix(1500))")

        // Every sheet of the corpus workbook against its CSV file.
        for (sheet, csv) in [("records", "records.csv"), ("discrepancies", "discrepancies.csv"), ("documents", "documents.csv")] {
            let converted = scratch.appendingPathComponent("corpus-\(sheet).csv")
            let (lh, lrows) = try readCSV(converted)
            let (ch, crows) = try readCSV(run.file(csv))
            // The same columns (the sheet puts the reader's first).
            #expect(Set(lh) == Set(ch) && lh.count == ch.count, "\(sheet): header")
            #expect(lh.first == "source_file", "\(sheet): the document first")
            #expect(lrows.count == crows.count, "\(sheet): rows")
            var mismatches: [String] = []
            for (i, (l, c)) in zip(lrows, crows).enumerated() {
                for (j, name) in ch.enumerated() where j < c.count {
                    guard let k = lh.firstIndex(of: name), k < l.count else { continue }
                    if !Self.sameValue(l[k], c[j]) { mismatches.append("\(sheet) row \(i + 2) \(name): \(l[k].debugDescription) vs \(c[j].debugDescription)") }
                }
                if l.count != c.count { mismatches.append("\(sheet) row \(i + 2): \(l.count) vs \(c.count) fields") }
            }
            #expect(mismatches.isEmpty, "\(mismatches.count) differences, first: \(mismatches.prefix(5))")
            if sheet == "records" { #expect(crows.count > 600) }
        }
        // The summary: one row per document, findings by severity adding up.
        let (sh, srows) = try readCSV(scratch.appendingPathComponent("corpus-summary.csv"))
        #expect(sh == ["source_file", "status", "kind", "pages", "records", "errors", "warnings", "infos"])
        let (_, documentRows) = try readCSV(run.file("documents.csv"))
        #expect(srows.count == documentRows.count)
        let findings = srows.reduce(0) { $0 + (Int($1[5]) ?? 0) + (Int($1[6]) ?? 0) + (Int($1[7]) ?? 0) }
        #expect(findings == (try readCSV(run.file("discrepancies.csv"))).rows.count)

        // Awkward text: neutralised exactly as in the CSV, never evaluated.
        let (ah, arows) = try readCSV(scratch.appendingPathComponent("awkward-records.csv"))
        let row = try #require(arows.first)
        func cell(_ name: String) throws -> String { row[try #require(ah.firstIndex(of: name))] }
        #expect(try cell("path") == "'=HYPERLINK(\"http://x\") > B")
        #expect(try cell("name") == "'+62 812")
        #expect(try cell("indicator") == "'-2+3")
        #expect(try cell("unit") == "'\tDok")
        #expect(try cell("category") == "'@SUM(A1)")
        #expect(try cell("capaian_raw") == "'=1+1")
        #expect(try cell("capaian") == "2")
        #expect(try cell("realisasi_raw") == "-12,5")     // a plain figure: left alone
        #expect(try cell("realisasi") == "-12.5")         // numbers are numbers
        #expect(try cell("pagu") == "9756893547")
        #expect(try cell("capaian_anggaran") == "0.0039")
        #expect(try cell("formula") == "Realisasi\nTarget x 100%")
        #expect(try cell("extra") == "{\"Keterangan\":{\"raw\":\"naik, \\\"baik\\\"\",\"value\":null}}")
        #expect(try cell("polarity_basis") == "kata kunci: kemiskinan")
    }

    /// Equal text, or equal numbers when both read as numbers (LibreOffice
    /// may print a double with other digits, never another value).
    static func sameValue(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = Double(a), let y = Double(b) else { return false }
        return abs(x - y) <= 1e-9 * max(1, abs(y))
    }
}

/// The workbook's own structure, without a spreadsheet program.
@Suite("kinerja.xlsx structure")
struct WorkbookStructureTests {
    @Test func columnNamesAndTextLimits() {
        #expect(Workbook.columnName(0) == "A")
        #expect(Workbook.columnName(25) == "Z")
        #expect(Workbook.columnName(26) == "AA")
        #expect(Workbook.columnName(35) == "AJ")
        #expect(Workbook.columnName(701) == "ZZ")
        #expect(Workbook.columnName(702) == "AAA")
        #expect(Workbook.cellText("=A1") == "'=A1")
        #expect(Workbook.cellText("-5 %") == "-5 %")
        #expect(Workbook.cellText(String(repeating: "x", count: 40_000)).count == Workbook.maxCellText)
    }
}
