import Export
import Foundation
import Testing

/// A PostgreSQL server for the tests: `KINERJA_TEST_POSTGRES_URL`, or one
/// started by `scripts/start-postgres` (stopped when the tests exit).
enum TestPostgres {
    static let server: Result<String, TestFailure> = {
        if let url = ProcessInfo.processInfo.environment["KINERJA_TEST_POSTGRES_URL"], !url.isEmpty {
            return .success(url)
        }
        let script = TestEnvironment.packageRoot.appendingPathComponent("scripts/start-postgres")
        do {
            let r = try runProcess(URL(fileURLWithPath: "/bin/bash"),
                                   [script.path, "--owner", String(ProcessInfo.processInfo.processIdentifier)],
                                   timeout: 120)
            let url = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            guard r.status == 0, url.hasPrefix("postgres") else {
                return .failure(TestFailure("scripts/start-postgres failed: \(r.stderr.suffix(800))"))
            }
            return .success(url)
        } catch {
            return .failure(TestFailure("scripts/start-postgres: \(error)"))
        }
    }()

    static func psql() throws -> URL {
        guard let url = TestEnvironment.tool(["psql"]) else { throw TestFailure("psql not found") }
        return url
    }

    /// Runs SQL through psql (an independent client) and returns its
    /// unaligned output.
    static func query(_ url: String, _ sql: String) throws -> String {
        let r = try runProcess(try psql(), [url, "-v", "ON_ERROR_STOP=1", "-X", "-At", "-c", sql], timeout: 60)
        guard r.status == 0 else { throw TestFailure("psql: \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A new empty database on the server; its URL.
    static func freshDatabase(on server: String) throws -> String {
        let name = "kinerja_test_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try query(server, "CREATE DATABASE \(name)")
        guard var c = URLComponents(string: server) else { throw TestFailure("bad server URL") }
        c.path = "/" + name
        return c.string!
    }

    /// The server's URL; without one, the test is cancelled with a banner,
    /// or fails under `CI=true` (CI must run every test).
    static func serverOrCancel() throws -> String {
        switch server {
        case .success(let url): return url
        case .failure(let why):
            try unavailable(why.description)
            throw why
        }
    }

    static func unavailable(_ why: String) throws {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            throw TestFailure("PostgreSQL is needed under CI=true and no server could be started: \(why)")
        }
        print("""
            ********************************************************************
            SKIPPED a PostgreSQL test: no server could be started
            (\(why)). Set KINERJA_TEST_POSTGRES_URL or install Debian's
            postgresql package.
            ********************************************************************
            """)
        try Test.cancel("PostgreSQL: no server (\(why))")
    }

    static func counts(_ url: String) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in TableSpec.all {
            out[t.name] = Int(try query(url, "SELECT COUNT(*) FROM \"\(t.name)\""))
        }
        return out
    }
}

@Suite("SQLite and PostgreSQL")
struct DatabaseTests {
    /// Rows of each output CSV.
    static func csvCounts(_ dir: URL) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in TableSpec.all { out[t.name] = try readCSV(dir.appendingPathComponent(t.csvFile)).rows.count }
        return out
    }

    /// The corpus run wrote kinerja.sqlite. Running again on the same
    /// inputs into the same folder (with `--postgres`: the first load into
    /// a new database), then `kinerja load` of that folder (the second
    /// load), leaves row counts equal to the CSV files' in both databases.
    @Test func loadingTwiceLeavesTheSameRows() throws {
        let run = try CorpusRun.get()
        let scratch = try TestEnvironment.temporaryDirectory("databases")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        try FileManager.default.copyItem(at: run.output, to: out)
        let sqlite = out.appendingPathComponent("kinerja.sqlite")

        let csv = try Self.csvCounts(out)
        #expect(csv["records"]! > 600 && csv["discrepancies"]! > 50 && csv["documents"] == 5)
        #expect(try SQLiteStore(url: sqlite).counts() == csv, "SQLite after one run")

        var database: String? = nil
        var noServer: String? = nil
        switch TestPostgres.server {
        case .success(let server): database = try TestPostgres.freshDatabase(on: server)
        case .failure(let why): noServer = why.description
        }

        let rerun = try runKinerja(["run"] + run.inputs.map(\.path) + ["--out", out.path, "--quiet"]
                                   + (database.map { ["--postgres", $0] } ?? []))
        #expect(rerun.status == 0, "second run: \(rerun.stderr.suffix(1500))")
        #expect(try Self.csvCounts(out) == csv, "the CSV files of the second run")
        #expect(try SQLiteStore(url: sqlite).counts() == csv, "SQLite after two runs")

        guard let database else {
            try TestPostgres.unavailable(noServer ?? "")
            return
        }
        #expect(try TestPostgres.counts(database) == csv, "PostgreSQL after one load")
        #expect(try TestPostgres.query(database, "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version") == "1,2,3")
        #expect(try TestPostgres.query(database, "SELECT kind FROM runs") == "run", "the run is in the ledger")

        let load = try runKinerja(["load", "--postgres", database, out.path, "--quiet"])
        #expect(load.status == 0, "kinerja load: \(load.stderr.suffix(1500))")
        #expect(try TestPostgres.counts(database) == csv, "PostgreSQL after two loads")
        #expect(try TestPostgres.query(database, "SELECT COUNT(*) FROM schema_version") == "3", "migrations applied once")

        // The README's example queries give the same rows in both databases.
        let readme = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```sql\n").dropFirst().first?.components(separatedBy: "```").first)
        let queries = block.split(separator: "\n").map(String.init).filter { $0.hasPrefix("SELECT") }
        #expect(queries.count >= 4)
        let store = try SQLiteStore(url: sqlite)
        for query in queries {
            let fromSQLite = try store.rows(query).map { $0.joined(separator: "|") }.sorted()
            let fromPostgres = try TestPostgres.query(database, query).split(separator: "\n").map(String.init).sorted()
            #expect(!fromSQLite.isEmpty, "\(query)")
            #expect(fromSQLite == fromPostgres, "\(query)")
        }
        // Keys hold: no (doc_id, table, row, period) twice.
        #expect(try TestPostgres.query(database, """
            SELECT COUNT(*) FROM (SELECT 1 FROM records GROUP BY doc_id, "table", "row", period HAVING COUNT(*) > 1) d
            """) == "0")
        // Values arrive typed: a number column sums, extra is JSON.
        let pagu = Double(try TestPostgres.query(database, "SELECT SUM(pagu) FROM records WHERE level = 'program'")) ?? 0
        #expect(pagu > 1_000_000)
        #expect(try TestPostgres.query(database, "SELECT COUNT(*) FROM records WHERE jsonb_typeof(extra) <> 'object'") == "0")
    }
}

@Suite("PostgreSQL: a batch it can trust")
struct WarehouseIntegrityTests {
    static func devFile(_ name: String) -> URL { TestEnvironment.devCorpus.appendingPathComponent(name + ".pdf") }

    static func replace(_ target: URL, with source: URL) throws {
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
    }

    /// A corrected file and a removed one: the database follows the
    /// output's source files, and `--prune` leaves exactly the last run.
    @Test func aRerunReplacesByFileAndPruneRemovesWhatLeft() throws {
        let database = try TestPostgres.freshDatabase(on: try TestPostgres.serverOrCancel())
        let root = try TestEnvironment.temporaryDirectory("pg-stale")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Self.replace(input.appendingPathComponent("report.pdf"), with: Self.devFile("lk01_lkjip_2022_dp3a_kab_bantul"))
        try Self.replace(input.appendingPathComponent("other.pdf"),
                         with: Self.devFile("tw02_pengukuran_kinerja_2024_dinsospmd_kab_lombok_timur"))
        let one = try runKinerja(["run", input.path, "--out", out.path, "--quiet", "--postgres", database])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(try TestPostgres.counts(database) == (try DatabaseTests.csvCounts(out)))

        try Self.replace(input.appendingPathComponent("report.pdf"), with: Self.devFile("lk02_lkjip_2021_dinkes_kota_cilegon"))
        try FileManager.default.removeItem(at: input.appendingPathComponent("other.pdf"))
        let two = try runKinerja(["run", input.path, "--out", out.path, "--quiet", "--postgres", database])
        #expect(two.status == 0, "\(two.stderr)")
        let reportRecords = try readCSV(out.appendingPathComponent("records.csv")).rows.count
        #expect(try TestPostgres.query(database, "SELECT COUNT(*) FROM records WHERE source_file = 'report.pdf'")
                == "\(reportRecords)", "the corrected file's rows replace the old ones")
        #expect(try TestPostgres.query(database, "SELECT COUNT(DISTINCT doc_id) FROM records WHERE source_file = 'report.pdf'") == "1")
        #expect(try TestPostgres.query(database, "SELECT COUNT(*) FROM documents") == "2", "without --prune other.pdf stays")

        let three = try runKinerja(["run", input.path, "--out", out.path, "--quiet", "--postgres", database, "--prune"])
        #expect(three.status == 0, "\(three.stderr)")
        #expect(try TestPostgres.counts(database) == (try DatabaseTests.csvCounts(out)), "--prune: exactly the last run")
    }

    /// Four loads of one output into one database at once: none fails
    /// (deadlocks and serialization failures are retried), rows as once.
    @Test func concurrentLoadsIntoOneDatabase() throws {
        let database = try TestPostgres.freshDatabase(on: try TestPostgres.serverOrCancel())
        let run = try CorpusRun.get()
        let results = ProcessSlots(4)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            results.set(i, Result { try runKinerja(["load", "--postgres", database, run.output.path, "--quiet"]) })
        }
        for result in results.all {
            let r = try result.get()
            #expect(r.status == 0, "\(r.stderr.suffix(1500))")
        }
        #expect(try TestPostgres.counts(database) == (try DatabaseTests.csvCounts(run.output)))
    }

    /// The password and the rest of the connection from the standard PG*
    /// variables, never echoed.
    @Test func credentialsFromPGVariables() throws {
        let server = try TestPostgres.serverOrCancel()
        let database = try TestPostgres.freshDatabase(on: server)
        let url = try #require(URLComponents(string: database))
        let secret = "s3cret-\(UUID().uuidString.prefix(6))"
        let run = try CorpusRun.get()
        let r = try runProcess(try TestEnvironment.kinerjaBinary(),
                               ["load", "--postgres", "postgres:///\(url.path.dropFirst())", run.output.path],
                               environment: ["PGHOST": url.host ?? "127.0.0.1", "PGPORT": "\(url.port ?? 5432)",
                                             "PGUSER": url.user ?? "postgres", "PGPASSWORD": secret],
                               currentDirectory: TestEnvironment.packageRoot, timeout: 300)
        #expect(r.status == 0, "\(r.stderr.suffix(1500))")
        #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret))
        #expect(r.stderr.contains(":***@"), "the log names the server with the password hidden: \(r.stderr)")
        #expect(try TestPostgres.counts(database) == (try DatabaseTests.csvCounts(run.output)))
    }
}
