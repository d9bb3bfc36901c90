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
            print("""
                ********************************************************************
                SKIPPED the PostgreSQL half of this test: no server could be started
                (\(noServer ?? "")). Set KINERJA_TEST_POSTGRES_URL or install Debian's
                postgresql package.
                ********************************************************************
                """)
            try Test.cancel("PostgreSQL: no server (\(noServer ?? ""))")
        }
        #expect(try TestPostgres.counts(database) == csv, "PostgreSQL after one load")
        #expect(try TestPostgres.query(database, "SELECT string_agg(version::text, ',') FROM schema_version") == "1")

        let load = try runKinerja(["load", "--postgres", database, out.path, "--quiet"])
        #expect(load.status == 0, "kinerja load: \(load.stderr.suffix(1500))")
        #expect(try TestPostgres.counts(database) == csv, "PostgreSQL after two loads")
        #expect(try TestPostgres.query(database, "SELECT COUNT(*) FROM schema_version") == "1")
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
