import Foundation
import Model
@testable import Export
import Testing

@Suite("JSON Lines")
struct JSONLinesTests {
    @Test func recordsRoundTrip() throws {
        let data = try JSONLinesEncoder().encode(Fixtures.records)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == Fixtures.records.count + 1)
        #expect(lines.last == "")
        let decoder = JSONDecoder()
        let back = try lines.dropLast().map { try decoder.decode(Record.self, from: Data($0.utf8)) }
        #expect(back == Fixtures.records)
    }

    @Test func discrepanciesRoundTrip() throws {
        let data = try JSONLinesEncoder().encode(Fixtures.discrepancies)
        let back = try String(decoding: data, as: UTF8.self).split(separator: "\n")
            .map { try JSONDecoder().decode(Discrepancy.self, from: Data($0.utf8)) }
        #expect(back == Fixtures.discrepancies)
    }

    @Test func keysFollowTheContract() throws {
        let line = try JSONLinesEncoder().encodeLine(Fixtures.full)
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(Set(object.keys) == Set(Record.CodingKeys.allCases.map(\.stringValue)))
        let target = try #require(object["target"] as? [String: Any])
        #expect(Set(target.keys) == ["raw", "value"])
        let capaian = try #require(object["capaian"] as? [String: Any])
        #expect(capaian["value"] is NSNull) // null written, not omitted
        #expect(object["bbox"] as? [Double] == [56.7, 301.2, 785.3, 330.1])
        #expect(object["period"] as? String == "2021")
        #expect(object["level"] as? String == "sub_kegiatan")
        let sparse = try JSONSerialization.jsonObject(with: try JSONLinesEncoder().encodeLine(Fixtures.sparse))
            as? [String: Any]
        #expect(sparse?["bbox"] is NSNull)
        #expect(sparse?["period"] as? String == "2022-Q3")
        #expect((sparse?["extra"] as? [String: Any])?.isEmpty == true)
    }

    @Test func linesAreCompactDeterministicAndUnescaped() throws {
        let a = try JSONLinesEncoder().encode(Fixtures.records)
        // Same records with their maps built in another order.
        let shuffled = Fixtures.records.map { r -> Record in
            var r = r
            r.extra = Dictionary(uniqueKeysWithValues: r.extra.sorted { $0.key > $1.key })
            r.cellBoxes = Dictionary(uniqueKeysWithValues: r.cellBoxes.sorted { $0.key > $1.key })
            return r
        }
        let b = try JSONLinesEncoder().encode(shuffled)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(!text.contains("\\/"))
        #expect(text.contains("#DIV/0!"))
        #expect(text.contains("\"pagu\":{\"raw\":\"9,756,893,547\",\"value\":9756893547}"))
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
    }

    @Test func emptyInputIsEmptyFile() throws {
        #expect(try JSONLinesEncoder().encode([Record]()).isEmpty)
    }
}

@Suite("CSV")
struct CSVTests {
    static let recordsHeader = [
        "schema", "doc_id", "source_file", "page", "x0", "y0", "x1", "y1", "table", "row", "period", "level",
        "path", "name", "indicator", "unit",
        "target_raw", "target", "realisasi_raw", "realisasi", "capaian_raw", "capaian", "pagu_raw", "pagu",
        "realisasi_rp_raw", "realisasi_rp", "capaian_anggaran_raw", "capaian_anggaran",
        "category", "polarity", "indicator_ref", "extra", "ocr_confidence", "formula", "row_kind", "polarity_basis",
    ]

    static func recordsCSV(_ records: [Record]) throws -> String {
        var t = CSVTable(header: CSVLayout.records)
        for r in records { t.append(try CSVLayout.fields(of: r)) }
        return t.string
    }

    @Test func recordsHeaderAndValues() throws {
        let (header, rows) = try CSVReader.records(try Self.recordsCSV(Fixtures.records))
        #expect(header == Self.recordsHeader)
        #expect(rows.count == 3)
        let r = rows[0]
        #expect(r["schema"] == "records/1")
        #expect(r["doc_id"] == Fixtures.docID)
        #expect(r["source_file"] == "dinkes/LKjIP 2021, final.pdf")
        #expect(r["page"] == "12")
        #expect([r["x0"], r["y0"], r["x1"], r["y1"]] == ["56.7", "301.2", "785.3", "330.1"])
        #expect(r["table"] == "3" && r["row"] == "7" && r["period"] == "2021")
        #expect(r["level"] == "sub_kegiatan")
        #expect(r["path"] == "Program Pemenuhan Upaya Kesehatan > Kegiatan \"Penyediaan\" Layanan, Rujukan")
        #expect(r["indicator"] == "Persentase ibu hamil\nmendapat layanan")
        #expect(r["target_raw"] == "100" && r["target"] == "100")
        #expect(r["realisasi_raw"] == "81,10%" && r["realisasi"] == "81.1")
        #expect(r["capaian_raw"] == "#DIV/0!" && r["capaian"] == "")
        #expect(r["pagu_raw"] == "9,756,893,547" && r["pagu"] == "9756893547")
        #expect(r["realisasi_rp"] == "9985639757")
        #expect(r["capaian_anggaran_raw"] == "-" && r["capaian_anggaran"] == "")
        #expect(r["category"] == "Sangat Berhasil" && r["polarity"] == "negative")
        #expect(r["indicator_ref"] == "ind/12")
        #expect(r["ocr_confidence"] == "87.5")
        #expect(r["formula"] == "'= Realisasi / Target x 100%")
        #expect(r["row_kind"] == "item" && r["polarity_basis"] == "keyword: kematian")
        // extra is its JSON text
        let extra = try JSONDecoder().decode([String: ValueCell].self, from: Data(try #require(r["extra"]).utf8))
        #expect(extra == Fixtures.full.extra)
        #expect(r["extra"]?.hasPrefix("{\"Keterangan\":{\"raw\":\"naik, \\\"baik\\\"\",\"value\":null}") == true)

        let s = rows[1]
        #expect(s["period"] == "2022-Q3")
        #expect([s["x0"], s["level"], s["path"], s["name"], s["unit"], s["target_raw"], s["target"]]
                == ["", "", "", "", "", "", ""])
        #expect(s["extra"] == "{}" && s["ocr_confidence"] == "" && s["formula"] == "")
    }

    @Test func everyRowHasEveryColumn() throws {
        let rows = try CSVReader.parse(try Self.recordsCSV(Fixtures.records))
        #expect(rows.allSatisfy { $0.count == Self.recordsHeader.count })
    }

    @Test func rfc4180Quoting() throws {
        #expect(CSVTable.quote("plain") == "plain")
        #expect(CSVTable.quote("a,b") == "\"a,b\"")
        #expect(CSVTable.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quote("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.quote("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVTable.quote("") == "")
        #expect(CSVTable.quote("é – 日本") == "é – 日本")

        var t = CSVTable(header: ["a", "b", "c"])
        let awkward = ["x,y", "\"q\"", "l1\r\nl2", "\"", ",", "\n", " lead", "trail ", "", "ü,\"ö\"\n"]
        for (i, v) in awkward.enumerated() { t.append([.text(v), .integer(i), .number(Double(i) + 0.5)]) }
        let text = t.string
        #expect(text.hasPrefix("a,b,c\r\n"))
        #expect(text.hasSuffix("\r\n"))
        let rows = try CSVReader.parse(text)
        #expect(rows.count == awkward.count + 1)
        #expect(rows.dropFirst().map { $0[0] } == awkward)
        #expect(rows.dropFirst().map { $0[1] } == awkward.indices.map(String.init))
        #expect(rows[1][2] == "0.5")
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+62 812", "'+62 812"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
        ("\rx", "'\rx"), ("-2+3", "'-2+3"), ("-A1", "'-A1"), ("- Persentase", "'- Persentase"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"), ("-,-", "'-,-"), ("-12,5x", "'-12,5x"),
        // left alone
        ("-", "-"), ("--", "--"), ("- -", "- -"), ("-12,5", "-12,5"), ("- 1.234", "- 1.234"), ("-5 %", "-5 %"),
        ("-1.234.567,00", "-1.234.567,00"), ("Persentase", "Persentase"), ("", ""), (" =1", " =1"),
        ("a=b", "a=b"), ("#DIV/0!", "#DIV/0!"), ("'quoted", "'quoted"), ("{}", "{}"),
    ])
    func formulaNeutralisation(_ input: String, _ expected: String) {
        #expect(CSVTable.neutralize(input) == expected)
    }

    @Test func neutralisationOnlyInTextColumns() throws {
        let (_, rows) = try CSVReader.records(try Self.recordsCSV([Fixtures.formulaLike]))
        let r = try #require(rows.first)
        #expect(r["source_file"] == "'@evil.pdf")
        #expect(r["path"] == "'=HYPERLINK(\"http://x\")")
        #expect(r["name"] == "'+62 812")
        #expect(r["indicator"] == "'-2+3")
        #expect(r["unit"] == "'\tDok")
        #expect(r["target_raw"] == "-")
        #expect(r["realisasi_raw"] == "-12,5" && r["realisasi"] == "-12.5")
        #expect(r["capaian_raw"] == "'- Persentase")
        #expect(r["pagu_raw"] == "--")
        #expect(r["realisasi_rp_raw"] == "- 1.234" && r["realisasi_rp"] == "-1234")
        #expect(r["capaian_anggaran_raw"] == "'\rx")
        #expect(r["category"] == "'@SUM(A1)")
        #expect(r["formula"] == "'-A1")
        #expect(r["row_kind"] == "total")
    }

    @Test func discrepanciesAndDocuments() throws {
        var d = CSVTable(header: CSVLayout.discrepancies)
        Fixtures.discrepancies.forEach { d.append(CSVLayout.fields(of: $0)) }
        let (dh, drows) = try CSVReader.records(d.string)
        #expect(dh == ["schema", "doc_id", "source_file", "page", "table", "row", "period", "field", "rule",
                       "severity", "reported", "expected", "message"])
        #expect(drows[0]["schema"] == "discrepancies/1")
        #expect(drows[0]["rule"] == "capaian.div0" && drows[0]["severity"] == "error")
        #expect(drows[0]["page"] == "12" && drows[0]["table"] == "3" && drows[0]["row"] == "7")
        #expect(drows[0]["reported"] == "#DIV/0!" && drows[0]["expected"] == "81.1")
        #expect(drows[1]["source_file"] == "a,b.pdf" && drows[1]["period"] == "2023-Q1")
        #expect(drows[1]["reported"] == "'=1+1" && drows[1]["expected"] == "")
        #expect(drows[1]["message"] == "Line one\nline \"two\"")

        var s = CSVTable(header: CSVLayout.documents)
        Fixtures.documents.forEach { s.append(CSVLayout.fields(of: $0)) }
        let (sh, srows) = try CSVReader.records(s.string)
        #expect(sh == ["doc_id", "source_file", "status", "pages", "text_layer", "tables", "records",
                       "discrepancies", "error", "seconds", "kind", "ocr_pages"])
        #expect(srows[0] == [
            "doc_id": Fixtures.docID, "source_file": "dinkes/LKjIP 2021, final.pdf", "status": "ok", "pages": "15",
            "text_layer": "yes", "tables": "6", "records": "61", "discrepancies": "10", "error": "",
            "seconds": "12.346", "kind": "lkjip", "ocr_pages": "0",
        ])
        #expect(srows[1]["status"] == "failed" && srows[1]["text_layer"] == "" && srows[1]["kind"] == "")
        #expect(srows[1]["error"] == "'-could not open: \"encrypted\", sorry")
        #expect(srows[1]["seconds"] == "0")
    }
}

@Suite("PlainNumber")
struct PlainNumberTests {
    @Test(arguments: [
        (9_756_893_547, "9756893547"), (6.2, "6.2"), (0, "0"), (-0.0, "0"), (100, "100"), (-12.5, "-12.5"),
        (81.1, "81.1"), (0.0039, "0.0039"), (1e-7, "0.0000001"), (1.5e-7, "0.00000015"),
        (1e15, "1000000000000000"), (1e16, "10000000000000000"), (1.2345e20, "123450000000000000000"),
        (1e21, "1000000000000000000000"), (-1e22, "-10000000000000000000000"), (0.1 + 0.2, "0.30000000000000004"),
        (123456789.123, "123456789.123"), (1234567890123.4567, "1234567890123.4568"),
    ] as [(Double, String)])
    func formats(_ value: Double, _ expected: String) {
        #expect(PlainNumber.format(value) == expected)
    }

    @Test func nonFiniteIsEmpty() {
        #expect(PlainNumber.format(.nan) == "")
        #expect(PlainNumber.format(.infinity) == "")
        #expect(PlainNumber.format(-.infinity) == "")
    }

    @Test func roundTripsExactly() {
        var values: [Double] = [.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                -.greatestFiniteMagnitude, 9_007_199_254_740_994, 0.1, 1 / 3.0, 2 / 3.0 * 1e-300]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            values.append(Double(bitPattern: g.next()))
            values.append(Double(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &g)) / 100)
            values.append(Double.random(in: -1e6...1e6, using: &g))
        }
        for v in values where v.isFinite {
            let s = PlainNumber.format(v)
            #expect(!s.contains("e") && !s.contains("E"), "\(v) -> \(s)")
            #expect(!s.hasSuffix(".0") && !s.hasSuffix("."), "\(v) -> \(s)")
            #expect(Double(s) == v, "\(v) -> \(s)")
        }
    }
}

@Suite("AtomicFile")
struct AtomicFileTests {
    @Test func writesAndReplacesLeavingNoTemporaryFiles() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("records.csv")
        try AtomicFile.write(Data("first, longer content\n".utf8), to: url)
        #expect(try readText(url) == "first, longer content\n")
        try AtomicFile.write(Data("second\n".utf8), to: url)
        #expect(try readText(url) == "second\n")
        try AtomicFile.write(Data(), to: url)
        #expect(try Data(contentsOf: url).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["records.csv"])
    }

    @Test func largeContent() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.jsonl")
        let data = Data((0..<5_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try AtomicFile.write(data, to: url)
        #expect(try Data(contentsOf: url) == data)
    }

    @Test func failureLeavesTargetAndNoTemporaryFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The target is a non-empty directory: rename fails after the data is written.
        let target = dir.appendingPathComponent("records.jsonl")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        #expect(throws: ExportError.self) { try AtomicFile.write(Data("x".utf8), to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["records.jsonl"])
        #expect(try readText(target.appendingPathComponent("inside")) == "keep")
        // Missing directory: nothing is created.
        let missing = dir.appendingPathComponent("nope/records.csv")
        #expect(throws: ExportError.self) { try AtomicFile.write(Data("x".utf8), to: missing) }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nope").path))
    }
}

@Suite("OutputWriter")
struct OutputWriterTests {
    @Test func writesAllFiles() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("out/run 1")
        let writer = try OutputWriter(directory: dir)
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) && isDir.boolValue)

        try writer.writeAll(records: Fixtures.records, discrepancies: Fixtures.discrepancies,
                            documents: Fixtures.documents)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) ==
                ["records.jsonl", "records.csv", "discrepancies.jsonl", "discrepancies.csv", "documents.csv",
                 "indicators.jsonl", "indicators.csv", "tables.csv"])

        let lines = try readText(dir.appendingPathComponent("records.jsonl")).split(separator: "\n")
        let back = try lines.map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        #expect(back == Fixtures.records)
        let disc = try readText(dir.appendingPathComponent("discrepancies.jsonl")).split(separator: "\n")
            .map { try JSONDecoder().decode(Discrepancy.self, from: Data($0.utf8)) }
        #expect(disc == Fixtures.discrepancies)

        let (rh, rrows) = try CSVReader.records(try readText(dir.appendingPathComponent("records.csv")))
        #expect(rh == CSVTests.recordsHeader && rrows.count == 3)
        let (_, drows) = try CSVReader.records(try readText(dir.appendingPathComponent("discrepancies.csv")))
        #expect(drows.count == 2)
        let (_, srows) = try CSVReader.records(try readText(dir.appendingPathComponent("documents.csv")))
        #expect(srows.map { $0["source_file"] } == ["dinkes/LKjIP 2021, final.pdf", "broken.pdf"])

        // A second run replaces everything.
        try writer.writeAll(records: [], discrepancies: [], documents: [])
        #expect(try readText(dir.appendingPathComponent("records.jsonl")) == "")
        #expect(try CSVReader.parse(try readText(dir.appendingPathComponent("records.csv"))) == [CSVTests.recordsHeader])
        #expect(try readText(dir.appendingPathComponent("documents.csv")) ==
                "doc_id,source_file,status,pages,text_layer,tables,records,discrepancies,error,seconds,kind,ocr_pages\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 8)
    }

    @Test func formatsFromConfig() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var config = ExportConfig()
        config.formats = [.jsonl]
        try OutputWriter(directory: dir, config: config)
            .writeAll(records: Fixtures.records, discrepancies: [], documents: Fixtures.documents)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) ==
                ["records.jsonl", "discrepancies.jsonl", "indicators.jsonl", "documents.csv", "tables.csv"])
    }

    @Test func nonFiniteNumbersBecomeNull() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var r = Fixtures.full
        r.capaian = ValueCell(raw: "#DIV/0!", value: .nan)
        r.pagu = ValueCell(raw: "x", value: .infinity)
        r.extra["Keterangan"] = ValueCell(raw: "y", value: -.infinity)
        r.ocrConfidence = .nan
        r.bbox = BBox(x0: .nan, y0: 0, x1: 1, y1: 1)
        var d = Fixtures.discrepancies[0]
        d.expected = .infinity
        var s = Fixtures.documents[0]
        s.seconds = .nan
        try OutputWriter(directory: dir).writeAll(records: [r], discrepancies: [d], documents: [s])

        let line = try readText(dir.appendingPathComponent("records.jsonl"))
        let back = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
        #expect(back.capaian == ValueCell(raw: "#DIV/0!", value: nil))
        #expect(back.pagu == ValueCell(raw: "x", value: nil))
        #expect(back.extra["Keterangan"] == ValueCell(raw: "y", value: nil))
        #expect(back.ocrConfidence == nil && back.bbox == nil)
        let (_, rows) = try CSVReader.records(try readText(dir.appendingPathComponent("records.csv")))
        #expect(rows[0]["pagu"] == "" && rows[0]["x0"] == "")
        let disc = try JSONDecoder().decode(Discrepancy.self,
                                            from: Data(try readText(dir.appendingPathComponent("discrepancies.jsonl")).utf8))
        #expect(disc.expected == nil)
        let (_, docs) = try CSVReader.records(try readText(dir.appendingPathComponent("documents.csv")))
        #expect(docs[0]["seconds"] == "")
    }
}
