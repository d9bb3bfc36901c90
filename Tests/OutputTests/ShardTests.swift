import Export
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A batch split over four shard processes (as on a cluster), loading one
/// PostgreSQL database at once, then joined by `kinerja finish`: the same
/// records and findings as one run over the whole input.
@Suite("Shards on one database", .serialized)
struct ShardTests {
    /// The input: the samples (a performance tree and the quarters of one
    /// agency, whose checks look across documents), the dev text PDFs, and
    /// one longer real report.
    static func makeInput(_ root: URL) throws -> URL {
        let input = root.appendingPathComponent("in")
        let fm = FileManager.default
        for folder in ["pohon", "triwulan"] {
            let target = input.appendingPathComponent(folder)
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
            let source = TestEnvironment.packageRoot.appendingPathComponent("samples/\(folder)")
            for name in try fm.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".pdf") {
                try fm.createSymbolicLink(at: target.appendingPathComponent(name),
                                          withDestinationURL: source.appendingPathComponent(name))
            }
        }
        let dev = input.appendingPathComponent("dev")
        try fm.createDirectory(at: dev, withIntermediateDirectories: true)
        for pdf in try TestEnvironment.textPDFs() {
            try fm.createSymbolicLink(at: dev.appendingPathComponent(pdf.lastPathComponent), withDestinationURL: pdf)
        }
        let real = SharedFolder.real.appendingPathComponent("lkip-2016-bplhd-prov-jabar.pdf")
        try fm.createSymbolicLink(at: input.appendingPathComponent(real.lastPathComponent), withDestinationURL: real)
        return input
    }

    /// The shard (1-based, of `count`) each PDF under `input` goes to, as
    /// `--shard` splits by SHA-256 (computed here by sha256sum).
    static func shards(of input: URL, count: Int) throws -> [String: Int] {
        let files = FileManager.default.enumerator(atPath: input.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".pdf") }.sorted()
        let sum = try #require(TestEnvironment.tool(["sha256sum"]), "sha256sum not found")
        let r = try runProcess(sum, files.map { input.appendingPathComponent($0).path })
        var out: [String: Int] = [:]
        for line in r.stdout.split(separator: "\n") {
            let hash = line.prefix(64)
            let path = line.dropFirst(64).trimmingCharacters(in: .whitespaces)
            let prefix = UInt64(hash.prefix(16), radix: 16) ?? 0
            out[path] = Int(prefix % UInt64(count)) + 1
        }
        return out
    }

    @Test func fourShardsThenFinishGiveOneRun() throws {
        let database = try TestPostgres.freshDatabase(on: try TestPostgres.serverOrCancel())
        let root = try TestEnvironment.temporaryDirectory("shards")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try Self.makeInput(root)
        @Sendable func out(_ name: String) -> URL { root.appendingPathComponent(name) }

        let single = try runKinerja(["run", input.path, "--out", out("single").path, "--quiet"])
        #expect(single.status == 0, "\(single.stderr.suffix(1500))")

        // The shard with the most files is killed after its first document.
        let owner = try Self.shards(of: input, count: 4)
        let sizes = (1...4).map { k in owner.values.filter { $0 == k }.count }
        let victim = sizes.indices.max { sizes[$0] < sizes[$1] }! + 1
        try #require(sizes[victim - 1] >= 3, "shard sizes \(sizes)")
        let logs = try TestEnvironment.temporaryDirectory("shard-logs")
        defer { try? FileManager.default.removeItem(at: logs) }
        let killed = try Self.startAndKill(["run", input.path, "--out", out("shard-\(victim)").path, "--shard", "\(victim)/4",
                                            "--jobs", "1", "--postgres", database], logs: logs)
        #expect(killed, "shard \(victim) was still reading when killed")
        #expect(!FileManager.default.fileExists(atPath: out("shard-\(victim)").appendingPathComponent("run.json").path))

        // Four shards at once into one database, the killed one run again.
        let results = ProcessSlots(4)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let k = i + 1
            results.set(i, Result { try runKinerja(["run", input.path, "--out", out("shard-\(k)").path, "--shard", "\(k)/4",
                                                    "--quiet", "--postgres", database]) })
        }
        for result in results.all {
            let r = try result.get()
            #expect(r.status == 0, "\(r.stderr.suffix(1500))")
        }
        let shardFolders = (1...4).map { out("shard-\($0)").path }
        // Each shard alone misses what needs the others (a quarter compared
        // with the one before it in another shard).
        let perShard = try (1...4).map { try readCSV(out("shard-\($0)").appendingPathComponent("discrepancies.csv")).rows.count }
        let whole = try readCSV(out("single").appendingPathComponent("discrepancies.csv")).rows.count
        #expect(perShard.reduce(0, +) != whole, "shards \(perShard), one run \(whole)")

        // Three of four shards are not a run.
        let partial = try runKinerja(["finish"] + shardFolders.dropLast() + ["--out", out("partial").path, "--quiet"])
        #expect(partial.status == 1)
        #expect(partial.stderr.contains("missing 4/4"), "\(partial.stderr)")

        let finish = try runKinerja(["finish"] + shardFolders + ["--out", out("joined").path, "--postgres", database])
        #expect(finish.status == 0, "\(finish.stderr.suffix(1500))")

        for name in ["records.jsonl", "discrepancies.jsonl", "tables.csv", "indicators.jsonl"] {
            let a = try Data(contentsOf: out("single").appendingPathComponent(name))
            let b = try Data(contentsOf: out("joined").appendingPathComponent(name))
            #expect(a == b, "\(name): the joined shards differ from one run")
        }
        func withoutSeconds(_ dir: URL) throws -> [[String]] {
            let csv = try readCSV(dir.appendingPathComponent("documents.csv"))
            let seconds = try #require(csv.header.firstIndex(of: "seconds"))
            return csv.rows.map { row in row.enumerated().filter { $0.offset != seconds }.map(\.element) }
        }
        #expect(try withoutSeconds(out("single")) == (try withoutSeconds(out("joined"))))
        let discrepancies = try readCSV(out("single").appendingPathComponent("discrepancies.csv")).rows.count
        #expect(discrepancies > 0)

        // The database holds exactly one run's rows, findings and all.
        #expect(try TestPostgres.counts(database) == (try DatabaseTests.csvCounts(out("single"))))
        let fromDatabase = try TestPostgres.query(database, """
            SELECT doc_id || ' ' || page || ' ' || "table" || ' ' || "row" || ' ' || rule || ' ' || field
            FROM discrepancies ORDER BY 1
            """).split(separator: "\n").map(String.init)
        let csv = try readCSV(out("single").appendingPathComponent("discrepancies.csv"))
        func column(_ name: String) throws -> Int { try #require(csv.header.firstIndex(of: name)) }
        let keys = [try column("doc_id"), try column("page"), try column("table"), try column("row"),
                    try column("rule"), try column("field")]
        let fromRun = csv.rows.map { row in keys.map { row[$0] }.joined(separator: " ") }.sorted()
        #expect(fromDatabase == fromRun)

        // The ledger: each shard once (the killed run never finished), then the join.
        let ledger = try TestPostgres.query(database, "SELECT kind || ' ' || COALESCE(shard, '-') FROM runs ORDER BY kind, shard")
        #expect(ledger.split(separator: "\n") == ["finish -", "shard 1/4", "shard 2/4", "shard 3/4", "shard 4/4"])
    }

    /// Starts kinerja with `arguments`, waits for its first document to be
    /// read, and kills it (SIGKILL); true when it was still running then.
    static func startAndKill(_ arguments: [String], logs: URL) throws -> Bool {
        let p = Process()
        p.executableURL = try TestEnvironment.kinerjaBinary()
        p.arguments = arguments
        p.currentDirectoryURL = TestEnvironment.packageRoot
        let errURL = logs.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: errURL)
        p.standardOutput = FileHandle.nullDevice
        p.environment = ProcessInfo.processInfo.environment.merging(["TERM": "dumb"]) { _, b in b }
        try p.run()
        let deadline = Date().addingTimeInterval(600)
        while p.isRunning, Date() < deadline {
            let text = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
            if text.contains("document read") { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let running = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        return running
    }
}

/// Process results filled from concurrent threads.
final class ProcessSlots: @unchecked Sendable {
    private var values: [Result<ProcessResult, Error>?]
    private let lock = NSLock()
    init(_ n: Int) { values = Array(repeating: nil, count: n) }
    func set(_ i: Int, _ value: Result<ProcessResult, Error>) { lock.lock(); values[i] = value; lock.unlock() }
    var all: [Result<ProcessResult, Error>] { lock.lock(); defer { lock.unlock() }; return values.compactMap { $0 } }
}
