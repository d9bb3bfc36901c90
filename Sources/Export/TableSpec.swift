import Foundation
import Model

/// The kind of value a column holds, whatever the output: a Table Schema
/// type in `datapackage.json`, a SQL type in the databases, a cell type in
/// the workbook.
public enum ColumnType: String, Sendable, Equatable {
    case string, integer, number
    /// JSON text (`extra`): a Table Schema `object`, `jsonb` in PostgreSQL.
    case object
}

/// One column of an output table.
public struct ColumnSpec: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    /// Never empty in a row the pipeline writes.
    public var required: Bool
    public var description: String

    public init(_ name: String, _ type: ColumnType, required: Bool = false, _ description: String) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
    }
}

/// One of the three output tables (records, discrepancies, documents): its
/// columns, in the CSV's order, and its key. The CSV, the workbook, the
/// datapackage descriptor and both databases are written from it, so they
/// cannot disagree about a column.
public struct TableSpec: Sendable {
    /// Table (and sheet) name.
    public var name: String
    /// The CSV file holding it.
    public var csvFile: String
    public var title: String
    public var columns: [ColumnSpec]
    /// Columns that identify a row. Rerunning on the same inputs replaces
    /// rows with the same key.
    public var primaryKey: [String]
    /// Further columns looked up by, each list one index.
    public var indexes: [[String]]

    public var columnNames: [String] { columns.map(\.name) }

    public func column(_ name: String) -> ColumnSpec? { columns.first { $0.name == name } }
}

extension TableSpec {
    /// `records.csv`: one row per indicator per period.
    public static let records: TableSpec = {
        var columns: [ColumnSpec] = [
            ColumnSpec("schema", .string, required: true, "Schema version of the row, `records/1`."),
            ColumnSpec("doc_id", .string, required: true, "SHA-256 of the source PDF's bytes, lowercase hex."),
            ColumnSpec("source_file", .string, required: true, "Path of the PDF relative to the input root."),
            ColumnSpec("page", .integer, required: true, "1-based page on which the row starts."),
            ColumnSpec("x0", .number, "Row box on the page: left, PDF points from the top-left corner."),
            ColumnSpec("y0", .number, "Row box: top."),
            ColumnSpec("x1", .number, "Row box: right."),
            ColumnSpec("y1", .number, "Row box: bottom."),
            ColumnSpec("table", .integer, required: true, "1-based table number within the document."),
            ColumnSpec("row", .integer, required: true, "1-based row number within the table."),
            ColumnSpec("period", .string, required: true, "`2021` for a year, `2022-Q1` … `2022-Q4` for a quarter (Triwulan I–IV)."),
            ColumnSpec("level", .string, "tujuan, sasaran, program, kegiatan or sub_kegiatan; empty when the table has no hierarchy."),
            ColumnSpec("path", .string, "Enclosing names, outermost first, joined with ` > `."),
            ColumnSpec("name", .string, "Goal, programme or activity text of the row."),
            ColumnSpec("indicator", .string, "Indicator text (may be empty for budget-only rows)."),
            ColumnSpec("unit", .string, "Unit as printed."),
        ]
        let fieldMeaning: [ValueField: String] = [
            .target: "target", .realisasi: "realisasi (achieved value)", .capaian: "capaian (achievement, %)",
            .pagu: "pagu (budget ceiling, Rp)", .realisasiRp: "budget spent (Rp)",
            .capaianAnggaran: "capaian anggaran (budget absorption, %)",
        ]
        for field in ValueField.allCases {
            let meaning = fieldMeaning[field] ?? field.rawValue
            columns.append(ColumnSpec("\(field.rawValue)_raw", .string, "The \(meaning) cell exactly as printed."))
            columns.append(ColumnSpec(field.rawValue, .number, "The \(meaning) as a number; empty for empty, dash, error or text cells."))
        }
        columns += [
            ColumnSpec("category", .string, "Rating label as printed (Sangat Berhasil …)."),
            ColumnSpec("polarity", .string, required: true, "positive (higher is better) or negative (lower is better)."),
            ColumnSpec("indicator_ref", .string, "Key of the matching indicator-catalog entry."),
            ColumnSpec("extra", .object, "Other columns of the row, header text to {raw, value}, as JSON."),
            ColumnSpec("ocr_confidence", .number, "Lowest OCR confidence (0–100) of the row's cells; empty for text-layer pages."),
            ColumnSpec("formula", .string, "The row's Cara/Formula Pengukuran text."),
            ColumnSpec("row_kind", .string, required: true, "item, average (group average row) or total (printed total)."),
            ColumnSpec("polarity_basis", .string, "Why the polarity is what it is."),
        ]
        return TableSpec(name: "records", csvFile: OutputWriter.recordsCSV, title: "Records",
                         columns: columns, primaryKey: ["doc_id", "table", "row", "period"],
                         indexes: [["source_file"], ["level"], ["indicator"]])
    }()

    /// `discrepancies.csv`: one row per finding.
    public static let discrepancies = TableSpec(
        name: "discrepancies", csvFile: OutputWriter.discrepanciesCSV, title: "Discrepancies",
        columns: [
            ColumnSpec("schema", .string, required: true, "Schema version of the row, `discrepancies/1`."),
            ColumnSpec("doc_id", .string, required: true, "SHA-256 of the source PDF's bytes."),
            ColumnSpec("source_file", .string, required: true, "Path of the PDF relative to the input root."),
            ColumnSpec("page", .integer, required: true, "1-based page of the row."),
            ColumnSpec("table", .integer, required: true, "Table of the record the finding is about."),
            ColumnSpec("row", .integer, required: true, "Row of the record the finding is about."),
            ColumnSpec("period", .string, required: true, "Period of the record the finding is about."),
            ColumnSpec("field", .string, required: true, "The field found wrong (capaian, pagu …)."),
            ColumnSpec("rule", .string, required: true, "Rule code (capaian.mismatch …)."),
            ColumnSpec("severity", .string, required: true, "error, warning or info."),
            ColumnSpec("reported", .string, "What the document prints."),
            ColumnSpec("expected", .number, "What the rule recomputes."),
            ColumnSpec("message", .string, required: true, "One sentence a reviewer can act on."),
        ],
        primaryKey: ["doc_id", "table", "row", "period", "field", "rule"],
        indexes: [["rule"], ["severity"], ["source_file"]])

    /// `documents.csv`: one row per input file.
    public static let documents = TableSpec(
        name: "documents", csvFile: OutputWriter.documentsCSV, title: "Documents",
        columns: [
            ColumnSpec("doc_id", .string, "SHA-256 of the PDF's bytes; empty when the file could not be read."),
            ColumnSpec("source_file", .string, required: true, "Path of the PDF relative to the input root."),
            ColumnSpec("status", .string, required: true, "ok, partial, empty, failed or skipped."),
            ColumnSpec("pages", .integer, required: true, "Pages in the PDF."),
            ColumnSpec("text_layer", .string, "yes, no or partial."),
            ColumnSpec("tables", .integer, required: true, "Tables found."),
            ColumnSpec("records", .integer, required: true, "Records written."),
            ColumnSpec("discrepancies", .integer, required: true, "Findings written."),
            ColumnSpec("error", .string, "What went wrong, one line; empty when nothing did."),
            ColumnSpec("seconds", .number, "Time spent on the document."),
            ColumnSpec("kind", .string, "lkjip, pk, triwulan, pohon or other."),
            ColumnSpec("ocr_pages", .integer, required: true, "Pages read by OCR."),
        ],
        primaryKey: ["source_file"],
        indexes: [["doc_id"]])

    public static let all: [TableSpec] = [.records, .discrepancies, .documents]
}

/// The three tables' rows, as typed fields in column order.
public struct OutputRows: Sendable {
    public var records: [[CSVField]]
    public var discrepancies: [[CSVField]]
    public var documents: [[CSVField]]

    public init(records: [Record], discrepancies: [Discrepancy], documents: [DocumentSummary]) throws {
        self.records = try records.map { try CSVLayout.fields(of: $0.finiteValued) }
        self.discrepancies = discrepancies.map { CSVLayout.fields(of: $0.finiteValued) }
        self.documents = documents.map(CSVLayout.fields(of:))
    }

    public func rows(of table: TableSpec) -> [[CSVField]] {
        switch table.name {
        case TableSpec.records.name: return records
        case TableSpec.discrepancies.name: return discrepancies
        default: return documents
        }
    }
}

extension CSVField {
    /// The text before neutralisation (databases store it as it is).
    public var plainText: String? {
        switch self {
        case .text(let s): return s
        case .number(let d): return d.flatMap { $0.isFinite ? PlainNumber.format($0) : nil }
        case .integer(let i): return i.map(String.init)
        }
    }
}
