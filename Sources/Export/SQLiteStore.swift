import Foundation
import GRDB

/// `kinerja.sqlite`: the output tables (`documents`, `records`,
/// `discrepancies`, columns as in the CSV files) in one SQLite database,
/// with primary keys and indexes (`TableSpec`).
///
/// The file is updated, not replaced: each document is written in its own
/// transaction (`DocumentBatch`), so rerunning on the same inputs leaves
/// the same rows, and documents from other runs stay. The schema is created
/// by GRDB's migrator, which records the migrations it applied.
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
        return m
    }

    /// Writes each batch in one transaction.
    public func load(_ batches: [DocumentBatch]) throws {
        for batch in batches {
            do {
                try queue.write { db in
                    if !batch.docID.isEmpty {
                        for table in [TableSpec.records, TableSpec.discrepancies] {
                            try db.execute(sql: table.deleteDocumentSQL(.sqlite), arguments: [batch.docID])
                        }
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
