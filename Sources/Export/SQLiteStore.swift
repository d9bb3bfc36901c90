import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kinerja.sqlite`: the output tables (`documents`, `records`,
/// `discrepancies`, columns as in the CSV files) in one SQLite database,
/// with primary keys and indexes (`TableSpec`).
///
/// A run's database is built beside the old one and renamed over it
/// (`replace`), so it holds exactly the run's documents and rows, as the
/// other files do: a document that left the input or changed leaves no
/// stale rows. `load` updates an existing file document by document (each
/// in one transaction, replacing that document's rows). The schema is
/// created by GRDB's migrator, which records the migrations it applied.
public final class SQLiteStore {
    public let url: URL
    private let queue: DatabaseQueue

    public init(url: URL) throws {
        self.url = url
        do {
            var config = Configuration()
            config.busyMode = .timeout(30) // another process may be writing
            queue = try DatabaseQueue(path: url.path, configuration: config)
            try Self.migrator.migrate(queue)
        } catch {
            throw ExportError(operation: "open SQLite database (\(error))", path: url.path, code: 0)
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: documents, records, discrepancies") { db in
            for table in TableSpec.all {
                try db.execute(sql: table.createTableSQL(.sqlite))
                for index in table.createIndexSQL() { try db.execute(sql: index) }
            }
        }
        m.registerMigration("v2: views") { db in
            for view in SQLViews.all { try db.execute(sql: view.createSQL) }
        }
        return m
    }

    /// Writes `batches` into a new database at `url`, replacing the file
    /// there only once it is complete.
    public static func replace(_ url: URL, with batches: [DocumentRows]) throws {
        let path = url.standardizedFileURL.path
        let directory = (path as NSString).deletingLastPathComponent
        let temp = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        let fm = FileManager.default
        for suffix in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
        do {
            let store = try SQLiteStore(url: URL(fileURLWithPath: temp))
            try store.load(batches)
            try store.queue.close()
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
            throw error
        }
        // A journal left by a killed writer of the old file would be played
        // back into the new one: it goes first.
        for suffix in ["-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        guard rename(temp, path) == 0 else {
            let code = errno
            try? fm.removeItem(atPath: temp)
            throw ExportError(operation: "rename \(temp) to", path: path, code: code)
        }
    }

    /// Writes each batch in one transaction.
    public func load(_ batches: [DocumentRows]) throws {
        for batch in batches {
            do {
                try queue.write { db in
                    for (sql, value) in TableSpec.replacedRows(by: batch, .sqlite) {
                        try db.execute(sql: sql, arguments: [value])
                    }
                    for table in TableSpec.all {
                        let statement = try db.cachedStatement(sql: table.upsertSQL(.sqlite))
                        for row in batch.rows(of: table) {
                            try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                        }
                    }
                }
            } catch {
                throw ExportError(operation: "write document \(batch.docID) (\(error))", path: url.path, code: 0)
            }
        }
    }

    /// Rows in each table.
    /// The rows of a query, each value as text (NULL as empty), as `psql
    /// -At` prints them.
    public func rows(_ sql: String) throws -> [[String]] {
        try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: ""
                    case .int64(let i): String(i)
                    case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
                    case .string(let s): s
                    case .blob(let b): b.base64EncodedString()
                    }
                }
            }
        }
    }

    public func counts() throws -> [String: Int] {
        try queue.read { db in
            var out: [String: Int] = [:]
            for table in TableSpec.all {
                out[table.name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(sqlIdentifier(table.name))") ?? 0
            }
            return out
        }
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .text(let s): return s.databaseValue
        case .integer(let i): return i.databaseValue
        case .real(let d): return d.databaseValue
        }
    }
}
