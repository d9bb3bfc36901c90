import Foundation
import Model

/// The SQL databases the output tables are written to.
public enum SQLDialect: Sendable {
    case sqlite, postgres

    public func type(of column: ColumnSpec) -> String {
        switch (self, column.type) {
        case (_, .string): return "TEXT"
        case (.sqlite, .integer): return "INTEGER"
        case (.postgres, .integer): return "BIGINT"
        case (.sqlite, .number): return "REAL"
        case (.postgres, .number): return "DOUBLE PRECISION"
        case (.sqlite, .object): return "TEXT"   // JSON text
        case (.postgres, .object): return "JSONB"
        }
    }

    /// The n-th (1-based) bound parameter of a statement.
    public func parameter(_ n: Int, _ column: ColumnSpec) -> String {
        switch self {
        case .sqlite: return "?"
        case .postgres: return column.type == .object ? "$\(n)::jsonb" : "$\(n)"
        }
    }
}

/// Quotes an SQL identifier (`table` and `row` are keywords).
public func sqlIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

extension TableSpec {
    /// `CREATE TABLE IF NOT EXISTS` with the columns, NOT NULL for required
    /// and key columns, and the primary key.
    public func createTableSQL(_ dialect: SQLDialect) -> String {
        var lines = columns.map { c -> String in
            let notNull = c.required || primaryKey.contains(c.name)
            return "  \(sqlIdentifier(c.name)) \(dialect.type(of: c))\(notNull ? " NOT NULL" : "")"
        }
        lines.append("  PRIMARY KEY (\(primaryKey.map(sqlIdentifier).joined(separator: ", ")))")
        return "CREATE TABLE IF NOT EXISTS \(sqlIdentifier(name)) (\n\(lines.joined(separator: ",\n"))\n)"
    }

    public func createIndexSQL() -> [String] {
        indexes.map { cols in
            "CREATE INDEX IF NOT EXISTS \(sqlIdentifier("\(name)_\(cols.joined(separator: "_"))")) ON \(sqlIdentifier(name)) (\(cols.map(sqlIdentifier).joined(separator: ", ")))"
        }
    }

    /// Inserts one row, or updates the row with the same key.
    public func upsertSQL(_ dialect: SQLDialect) -> String {
        let names = columns.map { sqlIdentifier($0.name) }.joined(separator: ", ")
        let params = columns.enumerated().map { dialect.parameter($0.offset + 1, $0.element) }.joined(separator: ", ")
        let updates = columns.filter { !primaryKey.contains($0.name) }
            .map { "\(sqlIdentifier($0.name)) = excluded.\(sqlIdentifier($0.name))" }
            .joined(separator: ", ")
        return "INSERT INTO \(sqlIdentifier(name)) (\(names)) VALUES (\(params)) "
            + "ON CONFLICT (\(primaryKey.map(sqlIdentifier).joined(separator: ", "))) DO UPDATE SET \(updates)"
    }

    /// Removes the rows whose `column` (`doc_id`, `source_file`) equals the
    /// one parameter.
    public func deleteSQL(where column: String, _ dialect: SQLDialect) -> String {
        "DELETE FROM \(sqlIdentifier(name)) WHERE \(sqlIdentifier(column)) = \(dialect == .sqlite ? "?" : "$1")"
    }

    /// What loading `batch` removes first, as (statement, parameter) pairs:
    /// the rows of its source files (a file read anew or failing now), its
    /// document's rows under any other name (a renamed file), so that no
    /// row of an earlier load of the same file or content is left behind.
    public static func replacedRows(by batch: DocumentRows, _ dialect: SQLDialect) -> [(sql: String, value: String)] {
        var out: [(String, String)] = []
        for table in [TableSpec.records, .discrepancies] {
            for file in batch.sourceFiles { out.append((table.deleteSQL(where: "source_file", dialect), file)) }
        }
        if !batch.docID.isEmpty {
            for table in TableSpec.all { out.append((table.deleteSQL(where: "doc_id", dialect), batch.docID)) }
        }
        return out
    }
}

/// A database value of one field: what both databases bind.
public enum SQLValue: Sendable, Equatable {
    case null
    case text(String)
    case integer(Int)
    case real(Double)

    /// A field's value as stored: text as it is (not neutralised: the
    /// databases do not evaluate formulas), numbers as numbers.
    public init(_ field: CSVField) {
        switch field {
        case .text(let s?): self = .text(s)
        case .number(let d?) where d.isFinite: self = .real(d)
        case .integer(let i?): self = .integer(i)
        default: self = .null
        }
    }
}

/// What is written for one document in one transaction: its documents.csv
/// row(s), records and findings. Loading a batch first removes what it
/// replaces (`TableSpec.replacedRows`), then upserts, so loading the same
/// output twice leaves the same rows as loading it once, and a document
/// read anew, renamed or now unreadable leaves no stale rows behind.
public struct DocumentRows: Sendable {
    public var docID: String
    /// Every `source_file` the batch's rows name.
    public var sourceFiles: [String] = []
    public var documents: [[SQLValue]]
    public var records: [[SQLValue]]
    public var discrepancies: [[SQLValue]]

    public func rows(of table: TableSpec) -> [[SQLValue]] {
        switch table.name {
        case TableSpec.records.name: return records
        case TableSpec.discrepancies.name: return discrepancies
        default: return documents
        }
    }

    /// One batch per `doc_id`, in the order documents first appear (a
    /// document with no summary row comes after the rest). Files that could
    /// not be read (empty `doc_id`) share one batch and remove nothing.
    public static func make(records: [Record], discrepancies: [Discrepancy],
                            documents: [DocumentSummary]) throws -> [DocumentRows] {
        var order: [String] = []
        var batches: [String: DocumentRows] = [:]
        func add(_ id: String, _ update: (inout DocumentRows) -> Void) {
            if batches[id] == nil {
                order.append(id)
                batches[id] = DocumentRows(docID: id, documents: [], records: [], discrepancies: [])
            }
            update(&batches[id]!)
        }
        func note(_ file: String, in batch: inout DocumentRows) {
            if batch.sourceFiles.last != file, !batch.sourceFiles.contains(file) { batch.sourceFiles.append(file) }
        }
        for s in documents {
            let row = CSVLayout.fields(of: s).map(SQLValue.init)
            add(s.docID) { $0.documents.append(row); note(s.sourceFile, in: &$0) }
        }
        for r in records {
            let row = try CSVLayout.fields(of: r.finiteValued).map(SQLValue.init)
            add(r.docID) { $0.records.append(row); note(r.sourceFile, in: &$0) }
        }
        for d in discrepancies {
            let row = CSVLayout.fields(of: d.finiteValued).map(SQLValue.init)
            add(d.docID) { $0.discrepancies.append(row); note(d.sourceFile, in: &$0) }
        }
        return order.compactMap { batches[$0] }
    }
}
