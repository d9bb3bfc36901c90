import Export
import Foundation
import Logging
import Model
import PostgresNIO

/// A failed load, one line, naming the server (password hidden).
public struct LoadError: Error, CustomStringConvertible {
    public var description: String
}

/// What a load wrote.
public struct LoadSummary: Sendable, Equatable {
    public var documents = 0
    public var records = 0
    public var discrepancies = 0
    /// Schema version of the database after the load.
    public var schemaVersion = 0
    /// Documents removed by `prune`.
    public var pruned = 0
}

/// One row of the `runs` table: a run, a shard of one or the step that
/// joined the shards, with what it loaded. The rows of one sharded run tell
/// which shards are in.
public struct RunLedgerEntry: Sendable, Equatable {
    /// `run`, `shard` or `finish`.
    public var kind: String
    /// `K/N` for a shard.
    public var shard: String?
    public var version: String
    public var configDigest: String
    /// ISO 8601.
    public var started: String
    public var documents: Int
    public var records: Int
    public var discrepancies: Int

    public init(kind: String, shard: String?, version: String, configDigest: String, started: String,
                documents: Int, records: Int, discrepancies: Int) {
        self.kind = kind
        self.shard = shard
        self.version = version
        self.configDigest = configDigest
        self.started = started
        self.documents = documents
        self.records = records
        self.discrepancies = discrepancies
    }
}

/// Loads the output tables (`documents`, `records`, `discrepancies`, columns
/// as in the CSV files, `extra` as `jsonb`) into PostgreSQL.
///
/// - The schema is created on first use and versioned: `schema_version`
///   lists the migrations applied; a load applies the missing ones, under an
///   advisory lock so concurrent loaders do not race.
/// - Each document is loaded in its own transaction (`DocumentRows`): the
///   rows it replaces are removed (its source files' and its content's
///   under another name), then rows are upserted on their keys (records on
///   doc_id, table, row, period). Loading the same output twice leaves the
///   same rows as loading it once.
/// - A transaction the server aborts for a deadlock or a serialization
///   failure (another loader at work on the same tables) is retried.
/// - `prune`: documents the load does not name leave the database, so it
///   holds exactly the output loaded.
public struct PostgresLoader: Sendable {
    public var target: PostgresTarget
    public var logger: Logger

    public init(target: PostgresTarget, logger: Logger = Logger(label: "kinerja.postgres")) {
        self.target = target
        self.logger = logger
    }

    /// Runs `work` again (up to 6 times, waiting a little longer each time)
    /// while the server aborts it for a deadlock or a serialization failure.
    func retrying<T>(_ work: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await work()
            } catch where attempt < 6 && Self.isTransient(error) {
                attempt += 1
                logger.info("retrying after a transient PostgreSQL error", metadata: ["error": "\(Self.describe(error))"])
                try await Task.sleep(nanoseconds: UInt64.random(in: 50_000_000...150_000_000) << attempt)
            }
        }
    }

    /// Deadlock detected (40P01) or serialization failure (40001).
    static func isTransient(_ error: Error) -> Bool {
        if let e = error as? PostgresTransactionError {
            return [e.closureError, e.beginError, e.commitError].contains { $0.map(isTransient) ?? false }
        }
        guard let e = error as? PSQLError, let state = e.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }

    /// Removes the documents (and their records and findings) whose source
    /// file is not in `kept`; returns how many documents went.
    private func prune(keeping kept: [String], on connection: PostgresConnection) async throws -> Int {
        let logger = self.logger
        return try await connection.withTransaction(logger: logger) { c in
            var removed = 0
            for table in [TableSpec.records, .discrepancies, .documents] {
                var binds = PostgresBindings()
                binds.append(Array(Set(kept)).sorted())
                let sql = "DELETE FROM \(sqlIdentifier(table.name)) WHERE NOT (\"source_file\" = ANY($1)) RETURNING 1"
                var n = 0
                for try await _ in try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) { n += 1 }
                if table.name == TableSpec.documents.name { removed = n }
            }
            return removed
        }
    }

    /// The migrations, in order; the index + 1 is the version.
    static let migrations: [(description: String, statements: [String])] = [
        ("documents, records, discrepancies",
         TableSpec.all.flatMap { [$0.createTableSQL(.postgres)] + $0.createIndexSQL() }),
        ("runs: the ledger of the runs, shards and finish steps that loaded the database",
         ["""
          CREATE TABLE IF NOT EXISTS runs (
            id BIGSERIAL PRIMARY KEY,
            kind TEXT NOT NULL,
            shard TEXT,
            version TEXT NOT NULL,
            config_digest TEXT NOT NULL,
            started_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            documents INTEGER NOT NULL,
            records INTEGER NOT NULL,
            discrepancies INTEGER NOT NULL
          )
          """]),
        ("views: indicator_capaian, findings_by_rule, findings_by_document, finding_rows",
         SQLViews.all.map(\.createSQL)),
    ]

    public static var currentVersion: Int { migrations.count }

    /// Arbitrary constant identifying this program's schema lock.
    static let lockKey: Int64 = 0x6B696E65726A61 // "kinerja"

    /// Loads the batches; with `prune`, then removes every document (and its
    /// rows) whose source file is not among theirs; then adds `ledger` to
    /// the `runs` table.
    public func load(_ batches: [DocumentRows], prune: Bool = false, ledger: RunLedgerEntry? = nil) async throws -> LoadSummary {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: try target.configuration(), id: 1, logger: logger)
        } catch {
            throw LoadError(description: "cannot connect to \(target): \(Self.describe(error))")
        }
        do {
            var summary = LoadSummary()
            summary.schemaVersion = try await migrate(connection)
            for batch in batches {
                do {
                    try await retrying { try await load(batch, on: connection) }
                } catch {
                    throw LoadError(description: "\(target): document \(batch.docID.isEmpty ? "(unread files)" : batch.docID): \(Self.describe(error))")
                }
                summary.documents += batch.documents.count
                summary.records += batch.records.count
                summary.discrepancies += batch.discrepancies.count
            }
            if prune {
                do {
                    summary.pruned = try await retrying {
                        try await self.prune(keeping: batches.flatMap(\.sourceFiles), on: connection)
                    }
                } catch {
                    throw LoadError(description: "\(target): removing documents no longer in the output: \(Self.describe(error))")
                }
            }
            if let ledger {
                do {
                    try await retrying { try await record(ledger, on: connection) }
                } catch {
                    throw LoadError(description: "\(target): recording the run in table runs: \(Self.describe(error))")
                }
            }
            try? await connection.close()
            return summary
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Brings the schema to `currentVersion`; returns it.
    func migrate(_ connection: PostgresConnection) async throws -> Int {
        do {
            return try await retrying { try await connection.withTransaction(logger: logger) { c in
                try await c.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
                try await c.query("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                      version INTEGER PRIMARY KEY,
                      description TEXT NOT NULL,
                      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """, logger: logger)
                var current = 0
                for try await version in try await c.query("SELECT COALESCE(MAX(version), 0) FROM schema_version", logger: logger)
                    .decode(Int.self) {
                    current = version
                }
                guard current <= Self.currentVersion else {
                    throw LoadError(description: "the database's schema is version \(current), newer than this program's \(Self.currentVersion)")
                }
                for (i, migration) in Self.migrations.enumerated() where i + 1 > current {
                    for sql in migration.statements {
                        try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                    }
                    try await c.query("INSERT INTO schema_version (version, description) VALUES (\(i + 1), \(migration.description))",
                                      logger: logger)
                }
                return Self.currentVersion
            } }
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(description: "\(target): creating the schema failed: \(Self.describe(error))")
        }
    }

    private func record(_ entry: RunLedgerEntry, on connection: PostgresConnection) async throws {
        let sql = """
            INSERT INTO runs (kind, shard, version, config_digest, started_at, documents, records, discrepancies)
            VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7, $8)
            """
        var binds = PostgresBindings()
        binds.append(entry.kind)
        if let shard = entry.shard { binds.append(shard) } else { binds.appendNull() }
        binds.append(entry.version)
        binds.append(entry.configDigest)
        binds.append(entry.started)
        binds.append(entry.documents)
        binds.append(entry.records)
        binds.append(entry.discrepancies)
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
    }

    private func load(_ batch: DocumentRows, on connection: PostgresConnection) async throws {
        let logger = self.logger
        try await connection.withTransaction(logger: logger) { c in
            for (sql, value) in TableSpec.replacedRows(by: batch, .postgres) {
                var binds = PostgresBindings()
                binds.append(value)
                try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            }
            for table in TableSpec.all {
                let sql = table.upsertSQL(.postgres)
                for row in batch.rows(of: table) {
                    var binds = PostgresBindings(capacity: row.count)
                    for value in row {
                        switch value {
                        case .null: binds.appendNull()
                        case .text(let s): binds.append(s)
                        case .integer(let i): binds.append(i)
                        case .real(let d): binds.append(d)
                        }
                    }
                    try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
                }
            }
        }
    }

    /// Rows in each output table.
    public func counts() async throws -> [String: Int] {
        let connection = try await PostgresConnection.connect(configuration: try target.configuration(), id: 1, logger: logger)
        defer { Task { try? await connection.close() } }
        var out: [String: Int] = [:]
        for table in TableSpec.all {
            for try await n in try await connection.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(sqlIdentifier(table.name))"),
                                                          logger: logger).decode(Int.self) {
                out[table.name] = n
            }
        }
        return out
    }

    /// The server's message when there is one (PSQLError hides it from
    /// `description`).
    static func describe(_ error: Error) -> String {
        if let e = error as? PostgresTransactionError {
            if let inner = e.closureError { return describe(inner) }
            if let inner = e.beginError { return describe(inner) }
            if let inner = e.commitError { return describe(inner) }
        }
        if let e = error as? PSQLError {
            if e.code == .authMechanismRequiresPassword {
                return "the server asks for a password: give it in PGPASSWORD, in the password file (~/.pgpass or PGPASSFILE) or in the URL"
            }
            if let message = e.serverInfo?[.message] {
                let detail = e.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return message + detail
            }
            if let underlying = e.underlying { return "\(e.code): \(underlying)" }
            return "\(e.code)"
        }
        return "\(error)"
    }
}
