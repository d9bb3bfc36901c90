import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
@testable import Export
import Testing
import ZIPFoundation

@Suite("Table specs")
struct TableSpecTests {
    @Test func columnsAreTheCSVColumns() throws {
        #expect(TableSpec.records.columnNames == CSVLayout.records)
        #expect(TableSpec.discrepancies.columnNames == CSVLayout.discrepancies)
        #expect(TableSpec.documents.columnNames == CSVLayout.documents)
        for t in TableSpec.all {
            for key in t.primaryKey { #expect(t.column(key) != nil, "\(t.name).\(key)") }
            for index in t.indexes { for c in index { #expect(t.column(c) != nil, "\(t.name).\(c)") } }
        }
        // The field types follow what the CSV writer writes.
        let fields = try CSVLayout.fields(of: Fixtures.full)
        for (column, field) in zip(TableSpec.records.columns, fields) {
            switch field {
            case .text: #expect(column.type == .string || column.type == .object, "\(column.name)")
            case .number: #expect(column.type == .number, "\(column.name)")
            case .integer: #expect(column.type == .integer, "\(column.name)")
            }
        }
    }

    @Test func upsertStatements() {
        let sql = TableSpec.discrepancies.upsertSQL(.postgres)
        #expect(sql.hasPrefix("INSERT INTO \"discrepancies\" (\"schema\", \"doc_id\""))
        #expect(sql.contains("ON CONFLICT (\"doc_id\", \"table\", \"row\", \"period\", \"field\", \"rule\") DO UPDATE SET"))
        #expect(sql.contains("$13"))
        #expect(!sql.contains("\"doc_id\" = excluded"))
        #expect(TableSpec.records.upsertSQL(.postgres).contains("$32::jsonb"))
        #expect(!TableSpec.records.upsertSQL(.sqlite).contains("$"))
        #expect(TableSpec.records.createTableSQL(.sqlite).contains("PRIMARY KEY (\"doc_id\", \"table\", \"row\", \"period\")"))
    }
}

@Suite("kinerja.sqlite")
struct SQLiteStoreTests {
    /// Each write is a snapshot: the database holds exactly the rows written
    /// last, a document read anew or left out leaves no stale row.
    @Test func eachWriteReplacesTheDatabase() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var config = ExportConfig()
        config.formats = [.sqlite]
        let writer = try OutputWriter(directory: dir, config: config)
        func counts() throws -> [String: Int] { try SQLiteStore(url: dir.appendingPathComponent("kinerja.sqlite")).counts() }
        try writer.writeAll(records: Fixtures.records, discrepancies: Fixtures.discrepancies, documents: Fixtures.documents)
        let once = try counts()
        #expect(once == ["records": 3, "discrepancies": 2, "documents": 2])
        try writer.writeAll(records: Fixtures.records, discrepancies: Fixtures.discrepancies, documents: Fixtures.documents)
        #expect(try counts() == once)

        // The document read anew with one record fewer: its stale row goes.
        try writer.writeAll(records: Array(Fixtures.records.prefix(2)), discrepancies: Fixtures.discrepancies,
                            documents: Fixtures.documents)
        #expect(try counts()["records"] == 2)

        // A run of another document only: the first one's rows go.
        var other = Fixtures.sparse
        other.docID = String(repeating: "e", count: 64)
        other.sourceFile = "other.pdf"
        let summary = DocumentSummary(docID: other.docID, sourceFile: "other.pdf", status: .ok, pages: 1, records: 1)
        try writer.writeAll(records: [other], discrepancies: [], documents: [summary])
        #expect(try counts() == ["records": 1, "discrepancies": 0, "documents": 1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    /// Loading into an existing database (`SQLiteStore.load`) replaces a
    /// document's rows and keeps the others'.
    @Test func loadReplacesADocumentsRowsAndKeepsOthers() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(url: dir.appendingPathComponent("kinerja.sqlite"))
        let batches = try DocumentRows.make(records: Fixtures.records, discrepancies: Fixtures.discrepancies,
                                             documents: Fixtures.documents)
        try store.load(batches)
        try store.load(batches)
        #expect(try store.counts() == ["records": 3, "discrepancies": 2, "documents": 2])
        var other = Fixtures.sparse
        other.docID = String(repeating: "e", count: 64)
        other.sourceFile = "other.pdf"
        let summary = DocumentSummary(docID: other.docID, sourceFile: "other.pdf", status: .ok, pages: 1, records: 1)
        try store.load(try DocumentRows.make(records: [other], discrepancies: [], documents: [summary]))
        #expect(try store.counts() == ["records": 4, "discrepancies": 2, "documents": 3])
    }

    @Test func batchesGroupByDocument() throws {
        var other = Fixtures.sparse
        other.docID = "other"
        let batches = try DocumentRows.make(records: Fixtures.records + [other], discrepancies: Fixtures.discrepancies,
                                             documents: Fixtures.documents)
        #expect(batches.map(\.docID) == [Fixtures.docID, "", "other"])
        #expect(batches[0].records.count == 3 && batches[0].discrepancies.count == 2 && batches[0].documents.count == 1)
        #expect(batches[1].documents.count == 1 && batches[1].records.isEmpty)
        // Text is stored as printed: no formula neutralisation in a database.
        let formulaRow = batches[0].records[2]
        #expect(formulaRow[TableSpec.records.columnNames.firstIndex(of: "indicator")!] == .text("-2+3"))
    }
}

@Suite("kinerja.xlsx parts")
struct WorkbookPartsTests {
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return out
    }

    @Test func sheetsHoldTypedCellsFrozenHeaderAndWidths() throws {
        let rows = try OutputRows(records: Fixtures.records, discrepancies: Fixtures.discrepancies, documents: Fixtures.documents)
        let parts = try Self.parts(try Workbook(rows).data())
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/workbook.xml",
                                    "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
                                    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                                    "xl/worksheets/sheet4.xml"])
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains("<sheet name=\"summary\" sheetId=\"1\" r:id=\"rId1\"/>"))
        #expect(workbook.contains("<sheet name=\"records\" sheetId=\"2\" r:id=\"rId2\"/>"))
        #expect(workbook.contains("<sheet name=\"documents\""))
        let sheet = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width="))
        // The document and page first, then the indicator, period and figures.
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\">"))
        // Pagu of the first record (column P) is a number cell shown as rupiah.
        #expect(sheet.contains("<c r=\"P2\" s=\"2\"><v>9756893547</v></c>"))
        // Page (column B) is a number; text cells point into shared strings.
        #expect(sheet.contains("<c r=\"B2\"><v>12</v></c>"))
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains("formatCode=\"#,##0\"") && styles.contains("formatCode=\"0.00\""))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\">"))
        let strings = try #require(parts["xl/sharedStrings.xml"])
        #expect(strings.contains("<t>'=HYPERLINK(&quot;http://x&quot;)</t>") || strings.contains("<t>'=HYPERLINK(\"http://x\")</t>"))
        #expect(strings.contains("<t>'-2+3</t>"))
        #expect(strings.contains("<t>-12,5</t>"))
        #expect(strings.contains("<t xml:space=\"preserve\">Persentase ibu hamil\nmendapat layanan</t>"))
        // Parsed back as XML.
        for (name, text) in parts {
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse(), "\(name) is not well-formed")
        }
    }

    @Test func controlCharactersStayWellFormed() throws {
        var r = Fixtures.sparse
        r.indicator = "a\u{1}b\u{0}c\u{FFFF}"
        let parts = try Self.parts(try Workbook(try OutputRows(records: [r], discrepancies: [], documents: [])).data())
        let strings = try #require(parts["xl/sharedStrings.xml"])
        #expect(strings.contains("<t>a\u{FFFD}b\u{FFFD}c\u{FFFD}</t>"))
        #expect(XMLParser(data: Data(strings.utf8)).parse())
    }
}

@Suite("datapackage.json")
struct DataPackageTests {
    @Test func describesTheCSVFiles() throws {
        let data = try DataPackage(tables: TableSpec.all).data()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["profile"] as? String == "tabular-data-package")
        let resources = try #require(json["resources"] as? [[String: Any]])
        #expect(resources.map { $0["path"] as? String } == ["records.csv", "discrepancies.csv", "documents.csv"])
        let records = try #require(resources.first)
        let schema = try #require(records["schema"] as? [String: Any])
        #expect(schema["primaryKey"] as? [String] == ["doc_id", "table", "row", "period"])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == CSVLayout.records)
        let types = Set(fields.compactMap { $0["type"] as? String })
        #expect(types.isSubset(of: ["string", "integer", "number", "object"]))
        let page = try #require(fields.first { $0["name"] as? String == "page" })
        #expect(page["type"] as? String == "integer")
        #expect((page["constraints"] as? [String: Any])?["required"] as? Bool == true)
        let dialect = try #require(records["dialect"] as? [String: Any])
        #expect(dialect["lineTerminator"] as? String == "\r\n")
    }
}

@Suite("report.html")
struct HTMLReportTests {
    @Test func selfContainedAndEscaped() throws {
        var d = Fixtures.discrepancies[1]
        d.message = "<script>alert(1)</script> & more"
        let picture = FindingImage(png: Data([0x89, 0x50, 0x4E, 0x47]), width: 300, height: 40, scale: 2)
        let html = HTMLReport(records: Fixtures.records, discrepancies: [Fixtures.discrepancies[0], d],
                              documents: Fixtures.documents, pictures: [Fixtures.discrepancies[0]: picture]).html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(!html.contains("<link") && !html.contains("src=\"http") && !html.contains("url(http"))
        #expect(html.components(separatedBy: "<article class=\"finding").count == 3)
        #expect(html.contains("src=\"data:image/png;base64,iVBORw==\""))
        #expect(html.contains("Gambar baris tidak tersedia"))
        // Plain-language rule text in both languages.
        #expect(html.contains("Galat pembagian padahal bisa dihitung"))
        #expect(html.contains("Spreadsheet error where a value is computable"))
    }

    @Test func programmesChartedAtTheirLatestPeriod() {
        func program(_ period: Period, row: Int, _ k: Double?, _ a: Double?) -> Record {
            Record(docID: "d", sourceFile: "tw.pdf", page: 1, bbox: nil, table: Int(period.quarter ?? 0), row: row,
                   period: period, level: .program, name: "PROGRAM A", indicator: "x",
                   capaian: ValueCell(raw: nil, value: k), capaianAnggaran: ValueCell(raw: nil, value: a))
        }
        let points = HTMLReport.programPoints([
            program(Period(year: 2022, quarter: 1), row: 3, 20, 25),
            program(Period(year: 2022, quarter: 4), row: 3, 90, 97.5),
            program(Period(year: 2022, quarter: 2), row: 3, 40, 50),
        ])
        #expect(points.count == 1)
        #expect(points.first?.points == [HTMLReport.ProgramPoint(name: "PROGRAM A", period: Period(year: 2022, quarter: 4),
                                                                 kinerja: 90, anggaran: 97.5)])
        let svg = HTMLReport.barChartSVG(points[0].points)
        #expect(svg.contains("<rect") && svg.contains("97,5"))
    }

    @Test func indonesianNumbers() {
        #expect(HTMLReport.decimal(1234567.891, maxFraction: 2) == "1.234.567,89")
        #expect(HTMLReport.decimal(95.0299, maxFraction: 4) == "95,0299")
        #expect(HTMLReport.decimal(-12.5, maxFraction: 2) == "−12,5")
        #expect(HTMLReport.decimal(100, maxFraction: 2) == "100")
    }
}

@Suite("Reading output back")
struct OutputReaderTests {
    @Test func readsWhatTheWriterWrote() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try OutputWriter(directory: dir).writeAll(records: Fixtures.records, discrepancies: Fixtures.discrepancies,
                                                  documents: Fixtures.documents)
        let back = try OutputReader(directory: dir).read()
        #expect(back.records == Fixtures.records)
        #expect(back.discrepancies == Fixtures.discrepancies)
        #expect(back.documents.map(\.sourceFile) == Fixtures.documents.map(\.sourceFile))
        // The writer's formula guard is undone: the error text is as it was.
        #expect(back.documents[1].error == Fixtures.documents[1].error)
        #expect(back.documents[0].kind == .lkjip && back.documents[0].pages == 15)
    }

    @Test func csvParser() throws {
        #expect(try CSVParser.parse("a,b\r\n\"x,\"\"y\"\"\",\r\n") == [["a", "b"], ["x,\"y\"", ""]])
        #expect(try CSVParser.parse("a\n\"line\nbreak\"") == [["a"], ["line\nbreak"]])
        #expect(throws: CSVParser.ParseError.self) { try CSVParser.parse("\"open") }
        #expect(CSVParser.unneutralize("'=A1") == "=A1")
        #expect(CSVParser.unneutralize("'plain") == "'plain")
    }
}

/// How the report orders what a reviewer reads.
struct ReportLayoutTests {
    @Test func errorsFirstUnreadCellsApartExpectedAsTheSentenceSaysIt() throws {
        let r = Fixtures.full
        let warning = Discrepancy(about: r, field: "capaian", rule: .capaianMismatch, severity: .warning,
                                  reported: "164,28", expected: 164.2857142, message: "truncated")
        let error = Discrepancy(about: r, field: "capaian", rule: .capaianMismatch, severity: .error,
                                reported: "31,57", expected: 82.70526315789472, message: "wrong figure")
        let unread = Discrepancy(about: r, field: "pagu", rule: .valueUnparsed, severity: .warning,
                                 reported: "9.985.639. 757,-", expected: nil, message: "not a number")
        let html = HTMLReport(records: [r], discrepancies: [warning, unread, error], documents: Fixtures.documents,
                              run: RunDescription(version: "9.9.9", configDigest: String(repeating: "ab", count: 32),
                                                  inputs: ["/data/in"])).html()
        let findings = try #require(html.range(of: "id=\"temuan\""))
        let unreadSection = try #require(html.range(of: "id=\"tidak-terbaca\""))
        #expect(findings.lowerBound < unreadSection.lowerBound)
        let wrong = try #require(html.range(of: "wrong figure")), truncated = try #require(html.range(of: "truncated"))
        let notNumber = try #require(html.range(of: "not a number"))
        #expect(wrong.lowerBound < truncated.lowerBound, "errors before warnings")
        #expect(notNumber.lowerBound > unreadSection.lowerBound, "an unreadable cell is not among the agency's findings")
        #expect(html.contains(">82,71<") && !html.contains("82,7053"))
        #expect(html.contains("<details class=\"doc\" open>"))
        #expect(html.contains("kinerja 9.9.9") && html.contains("abababababab") && html.contains("/data/in"))
    }
}
