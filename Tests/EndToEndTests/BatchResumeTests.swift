import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Resume: a run killed with SIGKILL in the middle, then run again, writes
/// what one uninterrupted run writes, reusing the documents it had finished.
/// Sharding: the parts of `--shard K/N` split a corpus without overlap.
@Suite(.serialized)
struct BatchResumeTests {
    /// The dev corpus's text files, copied into `folder`.
    static func corpus(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in BatchSupport.devTextFiles {
            try FileManager.default.copyItem(at: BatchSupport.devPDF(name), to: folder.appendingPathComponent(name + ".pdf"))
        }
    }

    /// An output file's lines sorted; for documents.csv without the
    /// `seconds` column, which measures the run rather than the document.
    static func sortedLines(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        if url.lastPathComponent == "documents.csv" {
            let rows = DocumentsTable.parse(text)
            let seconds = try #require(rows.first?.firstIndex(of: "seconds"))
            return rows.map { row in row.enumerated().filter { $0.offset != seconds }.map(\.element).joined(separator: "\u{1F}") }
                .sorted()
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).sorted()
    }

    static let outputs = ["records.jsonl", "records.csv", "discrepancies.jsonl", "discrepancies.csv", "documents.csv"]

    @Test func killedAndRerunGivesTheUninterruptedOutput() throws {
        let root = try BatchSupport.temporaryFolder("resume")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try Self.corpus(in: input)
        let whole = root.appendingPathComponent("whole")
        let resumed = root.appendingPathComponent("resumed")

        let reference = try BatchSupport.run(["run", input.path, "--out", whole.path, "--quiet"])
        #expect(reference.status == 0, "\(reference.stderr)")

        // One reader, so documents finish one by one; kill the run (and so,
        // within a second, its reader) once the first is in the cache.
        let logs = try BatchSupport.temporaryFolder("resume-logs")
        defer { try? FileManager.default.removeItem(at: logs) }
        let cache = resumed.appendingPathComponent(".kinerja-cache")
        let process = try BatchSupport.start(["run", input.path, "--out", resumed.path, "--jobs", "1", "--quiet"], logs: logs)
        func entries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        }
        #expect(BatchSupport.wait(upTo: 120) { !entries().isEmpty }, "a document is finished and cached")
        let workers = BatchSupport.children(of: process.processIdentifier)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let cachedBeforeRerun = entries().count
        #expect(cachedBeforeRerun >= 1 && cachedBeforeRerun < BatchSupport.devTextFiles.count)
        #expect(!FileManager.default.fileExists(atPath: resumed.appendingPathComponent("records.jsonl").path),
                "the run was killed before writing its output")
        #expect(BatchSupport.wait(upTo: 10) { workers.allSatisfy { !BatchSupport.isAlive($0) } },
                "readers of a killed run stop by themselves")

        let rerun = try BatchSupport.run(["run", input.path, "--out", resumed.path, "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let summary = try #require(rerun.stdout.split(separator: "\n").last)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
        #expect(json["event"] as? String == "summary")
        #expect(json["cached"] as? Int == cachedBeforeRerun, "the rerun reused what the killed run had finished")
        #expect(json["documents"] as? Int == BatchSupport.devTextFiles.count)

        for name in Self.outputs {
            let expected = try Self.sortedLines(whole.appendingPathComponent(name))
            let got = try Self.sortedLines(resumed.appendingPathComponent(name))
            #expect(got == expected, "\(name) differs after kill and rerun")
        }
        #expect(try String(contentsOf: whole.appendingPathComponent("records.jsonl"), encoding: .utf8).count > 1000)

        // A third run takes everything from the cache and still agrees.
        let again = try BatchSupport.run(["run", input.path, "--out", resumed.path, "--json"])
        let last = try #require(again.stdout.split(separator: "\n").last)
        let againJSON = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(againJSON["cached"] as? Int == BatchSupport.devTextFiles.count)
        for name in Self.outputs {
            #expect(try Self.sortedLines(resumed.appendingPathComponent(name)) == Self.sortedLines(whole.appendingPathComponent(name)))
        }

        // Kept results depend on the reading settings only: another
        // validation setting reuses them, another reading setting does not.
        func cachedWith(_ yaml: String, _ name: String) throws -> Int? {
            let config = resumed.deletingLastPathComponent().appendingPathComponent("\(name).yml")
            try yaml.write(to: config, atomically: true, encoding: .utf8)
            let r = try BatchSupport.run(["run", input.path, "--out", resumed.path, "--json", "--config", config.path])
            #expect(r.status == 0, "\(r.stderr)")
            let line = try #require(r.stdout.split(separator: "\n").last)
            return (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["cached"] as? Int
        }
        #expect(try cachedWith("validate:\n  tolerance:\n    money: 1\n", "validate") == BatchSupport.devTextFiles.count)
        #expect(try cachedWith("ingest:\n  max_pages: 4000\n", "ingest") == 0)
    }

    @Test func shardsSplitTheCorpusWithoutOverlap() throws {
        let root = try BatchSupport.temporaryFolder("shard")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        // Small real files: what matters is which file lands where.
        let names = try FileManager.default.contentsOfDirectory(atPath: BatchSupport.realCorpus.path)
            .filter { $0.hasSuffix(".pdf") && !$0.contains("scan") }.sorted()
        let small = names.filter { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: BatchSupport.realCorpus.appendingPathComponent(name).path)[.size] as? NSNumber)?.intValue ?? .max
            return size < 250_000
        }.prefix(6)
        for name in small {
            try FileManager.default.copyItem(at: BatchSupport.realCorpus.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        try "this is not a PDF".write(to: input.appendingPathComponent("notes.pdf"), atomically: true, encoding: .utf8)
        let all = Set(small + ["notes.pdf"])

        var seen: [String] = []
        for k in 1...3 {
            let out = root.appendingPathComponent("out\(k)")
            let run = try BatchSupport.run(["run", input.path, "--out", out.path, "--shard", "\(k)/3", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            seen += try DocumentsTable(contentsOf: out.appendingPathComponent("documents.csv")).rows.compactMap { $0["source_file"] }
        }
        #expect(seen.count == all.count, "no file read twice: \(seen.sorted())")
        #expect(Set(seen) == all, "no file left out")

        for bad in ["0/3", "4/3", "1/0", "x", "1/2/3"] {
            let run = try BatchSupport.run(["run", input.path, "--out", root.appendingPathComponent("bad").path, "--shard", bad])
            #expect(run.status != 0 && run.status != 3, "--shard \(bad) is bad usage")
        }
    }
}
