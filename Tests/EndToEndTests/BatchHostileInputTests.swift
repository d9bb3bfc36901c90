import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A corpus of bad, odd and huge files, built here: each file ends as one
/// documents.csv row with a clear error or a result, and the good files
/// next to them are read as if they were alone. Then the two ways a reader
/// process can fail — it dies, or it runs past the document time limit —
/// each cost one document only.
@Suite(.serialized)
struct BatchHostileInputTests {
    static let control = "tw02_pengukuran_kinerja_2024_dinsospmd_kab_lombok_timur"
    static let wordFile = "lk01_lkjip_2022_dp3a_kab_bantul"
    static let workbook = "tw01_pengukuran_kinerja_2022_dinkes_kab_tanah_datar"
    static let nonASCIIName = "laporan kinerja ü 2022 – Dinas (salinan).pdf"

    /// Builds the corpus in `root`; returns whether the unreadable file
    /// really is unreadable (not when the tests run as root).
    static func buildCorpus(in root: URL) throws -> Bool {
        let fm = FileManager.default
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }
        let workbookData = try Data(contentsOf: BatchSupport.devPDF(workbook))

        fm.createFile(atPath: path("empty.pdf"), contents: Data())
        var generator = SystemRandomNumberGenerator()
        fm.createFile(atPath: path("random-bytes.pdf"),
                      contents: Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        fm.createFile(atPath: path("truncated.pdf"), contents: workbookData.prefix(workbookData.count * 2 / 5))
        fm.createFile(atPath: path("broken-xref.pdf"), contents: breakXref(workbookData))
        try BatchSupport.tool("qpdf", ["--encrypt", "geheim", "geheim", "256", "--",
                                       BatchSupport.devPDF(workbook).path, path("encrypted.pdf")])
        // The first page of the scanned dev report: a picture, no text.
        try BatchSupport.tool("qpdf", ["--empty", "--pages",
                                       BatchSupport.devCorpus.appendingPathComponent("sc01_lkjip_2023_dinsos_kab_sijunjung_scan.pdf").path,
                                       "1", "--", path("images-only.pdf")], okStatuses: [0, 3])
        try BatchSupport.thousandPagePDF(at: root.appendingPathComponent("thousand-pages.pdf"))
        try fm.copyItem(at: BatchSupport.devPDF(wordFile), to: root.appendingPathComponent(nonASCIIName))
        try fm.copyItem(at: BatchSupport.devPDF(control), to: root.appendingPathComponent("control.pdf"))

        try fm.copyItem(at: BatchSupport.devPDF("lk02_lkjip_2021_dinkes_kota_cilegon"),
                        to: root.appendingPathComponent("unreadable.pdf"))
        chmod(path("unreadable.pdf"), 0)
        let unreadable = open(path("unreadable.pdf"), O_RDONLY)
        if unreadable >= 0 { close(unreadable) }

        // Link loops: a folder linking to itself, and a file link to itself.
        let loops = root.appendingPathComponent("loops")
        try fm.createDirectory(at: loops, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: loops.appendingPathComponent("again").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: loops.appendingPathComponent("up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: loops.appendingPathComponent("circle.pdf").path, withDestinationPath: "circle.pdf")
        return unreadable < 0
    }

    /// Sends `startxref` to a wrong offset and garbles the cross-reference
    /// table's keyword.
    static func breakXref(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        let keyword = Array("startxref".utf8)
        if let at = (0...(bytes.count - keyword.count)).last(where: { Array(bytes[$0..<($0 + keyword.count)]) == keyword }) {
            var i = at + keyword.count
            while i < bytes.count, !(0x30...0x39).contains(bytes[i]) { i += 1 }
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { bytes[i] = 0x37; i += 1 }
        }
        let xref = Array("\nxref".utf8)
        if let at = (0...(bytes.count - xref.count)).last(where: { Array(bytes[$0..<($0 + xref.count)]) == xref }) {
            bytes[at + 1] = UInt8(ascii: "q")
        }
        return Data(bytes)
    }

    @Test func everyHostileFileEndsAsARowAndTheRestIsUnaffected() throws {
        let folders = try BatchSupport.runFolders("hostile")
        let (root, input, out) = (folders.root, folders.input, folders.out)
        defer {
            chmod(root.appendingPathComponent("unreadable.pdf").path, 0o644)
            try? FileManager.default.removeItem(at: root)
        }
        let reallyUnreadable = try Self.buildCorpus(in: input)

        let run = try BatchSupport.run(["run", input.path, "--out", out.path, "--no-cache"])
        #expect(run.status == 0, "the batch ran, so it exits 0 even with failed documents: \(run.stderr)")
        let table = try DocumentsTable(contentsOf: out.appendingPathComponent("documents.csv"))
        let expected = ["empty.pdf", "random-bytes.pdf", "truncated.pdf", "broken-xref.pdf", "encrypted.pdf",
                        "images-only.pdf", "thousand-pages.pdf", Self.nonASCIIName, "control.pdf", "unreadable.pdf",
                        "loops/circle.pdf"]
        #expect(Set(table.rows.compactMap { $0["source_file"] }) == Set(expected))
        #expect(table.rows.count == expected.count, "one row per file, the loops not followed")

        func row(_ name: String) throws -> [String: String] { try #require(table.row(name), "no row for \(name)") }
        func failed(_ name: String, saying words: String) throws {
            let r = try row(name)
            #expect(r["status"] == "failed", "\(name): \(r)")
            #expect(r["error"]?.hasPrefix(name + ":") == true, "the error names the file: \(r["error"] ?? "")")
            #expect(r["error"]?.localizedCaseInsensitiveContains(words) == true, "\(name): \(r["error"] ?? "")")
        }
        func resultOrClearError(_ name: String) throws {
            let r = try row(name)
            if r["status"] == "failed" {
                #expect(r["error"]?.hasPrefix(name + ":") == true && (r["error"]?.count ?? 0) > name.count + 5, "\(r)")
            } else {
                #expect(["ok", "partial"].contains(r["status"] ?? ""), "\(r)")
                #expect(Int(r["pages"] ?? "") ?? 0 > 0)
            }
        }

        try failed("empty.pdf", saying: "empty")
        try failed("random-bytes.pdf", saying: "not a PDF")
        try failed("encrypted.pdf", saying: "encrypted")
        try failed("loops/circle.pdf", saying: "symbolic link")
        try resultOrClearError("truncated.pdf")
        try resultOrClearError("broken-xref.pdf")

        let images = try row("images-only.pdf")
        #expect(images["status"] != "failed", "\(images)")
        #expect(images["pages"] == "1")
        #expect(images["text_layer"] == "no")

        let big = try row("thousand-pages.pdf")
        #expect(big["status"] == "ok", "\(big)")
        #expect(big["pages"] == "1008")

        let named = try row(Self.nonASCIIName)
        #expect(named["status"] == "ok", "\(named)")
        #expect(Int(named["records"] ?? "") == (try BatchSupport.goldRecordCount(Self.wordFile)))

        let control = try row("control.pdf")
        #expect(control["status"] == "ok", "\(control)")
        #expect(Int(control["records"] ?? "") == (try BatchSupport.goldRecordCount(Self.control)))

        if reallyUnreadable {
            try failed("unreadable.pdf", saying: "permission denied")
        } else {
            // Running as root: mode 000 does not stop reads, so the file is
            // simply read. Unreadability is not testable here.
            #expect(try row("unreadable.pdf")["status"] == "ok")
        }
    }

    /// A reader process killed in the middle of a document: that document's
    /// row says so and the next document is read by a fresh process.
    @Test func aDeadReaderCostsOneDocument() throws {
        let folders = try BatchSupport.runFolders("crash")
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let (input, out) = (folders.input, folders.out)
        try BatchSupport.thousandPagePDF(at: input.appendingPathComponent("a-thousand-pages.pdf"))
        try FileManager.default.copyItem(at: BatchSupport.devPDF(Self.control), to: input.appendingPathComponent("b-control.pdf"))

        let logs = try BatchSupport.temporaryFolder("crash-logs")
        defer { try? FileManager.default.removeItem(at: logs) }
        let process = try BatchSupport.start(["run", input.path, "--out", out.path, "--jobs", "1", "--no-cache"], logs: logs)
        var worker: Int32?
        #expect(BatchSupport.wait(upTo: 60) {
            worker = BatchSupport.children(of: process.processIdentifier).first
            return worker != nil
        }, "a reader process starts")
        Thread.sleep(forTimeInterval: 1)
        if let worker { kill(worker, SIGKILL) }
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        let table = try DocumentsTable(contentsOf: out.appendingPathComponent("documents.csv"))
        let big = try #require(table.row("a-thousand-pages.pdf"))
        #expect(big["status"] == "failed")
        #expect(big["error"]?.contains("killed by signal 9") == true, "\(big)")
        let control = try #require(table.row("b-control.pdf"))
        #expect(control["status"] == "ok", "\(control)")
        #expect(Int(control["records"] ?? "") == (try BatchSupport.goldRecordCount(Self.control)))
    }

    /// `ingest.document_time_limit` from pipeline.yml: a document running
    /// past it is abandoned (its reader stopped), the others are read. The
    /// long one is a scan: OCR reads its pages in seconds each, far past a
    /// limit of four seconds for the whole (the page limit is off).
    @Test func aDocumentPastTheTimeLimitCostsOneDocument() throws {
        let folders = try BatchSupport.runFolders("timeout")
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let (root, input, out) = (folders.root, folders.input, folders.out)
        let scan = BatchSupport.devCorpus.appendingPathComponent("sc01_lkjip_2023_dinsos_kab_sijunjung_scan.pdf")
        try FileManager.default.copyItem(at: scan, to: input.appendingPathComponent("a-scan.pdf"))
        let small = BatchSupport.realCorpus.appendingPathComponent("pohon-cascading-bkd-kab-tanah-bumbu.pdf")
        try FileManager.default.copyItem(at: small, to: input.appendingPathComponent("b-one-page.pdf"))
        let config = root.appendingPathComponent("pipeline.yml")
        try "ingest:\n  document_time_limit: 4\n  page_time_limit: 0\n".write(to: config, atomically: true, encoding: .utf8)

        let started = Date()
        let run = try BatchSupport.run(["run", input.path, "--out", out.path, "--config", config.path, "--no-cache"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Date().timeIntervalSince(started) < 60, "the long document was abandoned, not read to the end")
        let table = try DocumentsTable(contentsOf: out.appendingPathComponent("documents.csv"))
        let big = try #require(table.row("a-scan.pdf"))
        #expect(big["status"] == "failed")
        #expect(big["error"]?.contains("gave up after 4 s (ingest.document_time_limit)") == true, "\(big)")
        let one = try #require(table.row("b-one-page.pdf"))
        #expect(one["status"] != "failed", "\(one)")
        #expect(one["pages"] == "1")
    }

    /// `ingest.page_time_limit`: a document that goes that long without
    /// finishing a page is stopped, with the page named (here a scan whose
    /// pages OCR reads in seconds, against a limit of half a second).
    @Test func aPageThatTakesTooLongIsNamed() throws {
        let folders = try BatchSupport.runFolders("page-timeout")
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let (root, input, out) = (folders.root, folders.input, folders.out)
        let scan = BatchSupport.devCorpus.appendingPathComponent("sc01_lkjip_2023_dinsos_kab_sijunjung_scan.pdf")
        try FileManager.default.copyItem(at: scan, to: input.appendingPathComponent("scan.pdf"))
        let config = root.appendingPathComponent("pipeline.yml")
        try "ingest:\n  page_time_limit: 0.5\n".write(to: config, atomically: true, encoding: .utf8)

        let run = try BatchSupport.run(["run", input.path, "--out", out.path, "--config", config.path, "--no-cache"])
        #expect(run.status == 1, "the only document failed, so nothing was read: \(run.stderr)")
        let table = try DocumentsTable(contentsOf: out.appendingPathComponent("documents.csv"))
        let row = try #require(table.row("scan.pdf"))
        #expect(row["status"] == "failed")
        #expect(row["error"]?.contains("(ingest.page_time_limit)") == true, "\(row)")
        #expect(row["error"]?.contains("gave up on page 1 ") == true, "\(row)")
    }
}
