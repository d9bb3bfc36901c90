import Foundation
import Testing

/// The scanned dev report as users see it in the output files.
@Suite("Scanned report in the output")
struct ScannedReportTests {
    static let scan = "sc01_lkjip_2023_dinsos_kab_sijunjung_scan.pdf"

    @Test("documents.csv says the scan has no text layer and how many pages OCR read")
    func documentsRow() async throws {
        let out = try await DevCorpusRun.shared.output()
        let table = try DocumentsTable(contentsOf: out.appendingPathComponent("documents.csv"))
        let scan = try #require(table.row(Self.scan))
        #expect(scan["text_layer"] == "no")
        #expect(scan["ocr_pages"] == "13")
        #expect(scan["status"] == "ok")
        #expect(scan["error"] == "")
        let typed = try #require(table.row("lk01_lkjip_2022_dp3a_kab_bantul.pdf"))
        #expect(typed["text_layer"] == "yes")
        #expect(typed["ocr_pages"] == "0")
    }

    @Test("Records from the scan carry their OCR confidence; typed ones do not")
    func confidences() async throws {
        let out = try await DevCorpusRun.shared.output()
        let text = try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8)
        var scanned = 0
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = object["source_file"] as? String ?? ""
            let confidence = object["ocr_confidence"] as? Double
            if file.hasSuffix(Self.scan) {
                scanned += 1
                #expect(confidence.map { $0 > 50 && $0 <= 100 } == true, "\(object["indicator"] ?? "")")
            } else {
                #expect(confidence == nil, "\(file)")
            }
        }
        #expect(scanned == 51)
    }

    @Test("The scan read again, one reader instead of several, gives the same bytes")
    func sameBytesWhateverTheReaders() async throws {
        let out = try await DevCorpusRun.shared.output()
        let again = try Corpus.kinerja([Corpus.dev.appendingPathComponent(Self.scan)], name: "scan-again", jobs: 1)
        for name in ["records.jsonl", "discrepancies.jsonl", "tables.csv"] {
            func lines(_ folder: URL) throws -> [Substring] {
                try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    .split(whereSeparator: \.isNewline).filter { $0.contains(Self.scan) }   // CSV lines end in CR LF
            }
            let first = try lines(out), second = try lines(again)
            #expect(!first.isEmpty || name == "discrepancies.jsonl")
            #expect(first == second, "\(name) differs between two reads of the scan")
        }
    }
}
