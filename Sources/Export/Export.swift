import Foundation
import Model

/// Writes the pipeline's output files into one directory, per
/// `shared/spec/records.md`:
///
/// - `records.jsonl`, `discrepancies.jsonl` (format `jsonl`): one JSON
///   object per line, keys sorted (see `JSONLinesEncoder`);
/// - `records.csv`, `discrepancies.csv` (format `csv`): the flat columns of
///   `CSVLayout`;
/// - `documents.csv`: always, whatever the formats, as it is the batch's log;
/// - `kinerja.xlsx` (format `xlsx`): the three tables as sheets (`Workbook`);
/// - `report.html` (format `html`): the discrepancy report (`HTMLReport`);
/// - `kinerja.sqlite` (format `sqlite`): the three tables in SQLite
///   (`SQLiteStore`), built anew for each run;
/// - `datapackage.json` (format `datapackage`): the Frictionless descriptor
///   of the CSV files written (`DataPackage`).
///
/// Every file is replaced atomically (`AtomicFile`; the database is built
/// beside the old one and renamed over it), so the folder always holds the
/// documents and rows of one run. Records,
/// discrepancies and documents are written in the order given; non-finite
/// numbers are written as null.
public struct OutputWriter: Sendable {
    public typealias Format = ExportFormat

    public static let recordsJSONL = "records.jsonl"
    public static let recordsCSV = "records.csv"
    public static let discrepanciesJSONL = "discrepancies.jsonl"
    public static let discrepanciesCSV = "discrepancies.csv"
    public static let documentsCSV = "documents.csv"
    public static let tablesCSV = "tables.csv"
    public static let workbook = "kinerja.xlsx"
    public static let report = "report.html"
    public static let sqlite = "kinerja.sqlite"
    public static let dataPackage = "datapackage.json"

    public let directory: URL
    public let formats: Set<Format>

    /// Writes the contract's files (`jsonl`, `csv`). Creates `directory`
    /// (and its parents) when missing.
    public init(directory: URL) throws {
        try self.init(directory: directory, formats: Format.contract)
    }

    public init(directory: URL, formats: Set<Format>) throws {
        self.directory = directory
        self.formats = formats
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ExportError(operation: "create directory (\(error.localizedDescription))",
                              path: directory.path, code: 0)
        }
    }

    /// The formats named in `pipeline.yml`'s `export.formats`.
    public init(directory: URL, config: ExportConfig) throws {
        try self.init(directory: directory, formats: Set(config.formats))
    }

    /// Writes every file of the formats. `pictures` are the report's row
    /// pictures, by finding.
    public func writeAll(records: [Record], discrepancies: [Discrepancy], documents: [DocumentSummary],
                         pictures: [Discrepancy: FindingImage] = [:]) throws {
        try writeRecords(records)
        try writeDiscrepancies(discrepancies)
        try writeDocuments(documents)
        if formats.contains(.xlsx) {
            let rows = try OutputRows(records: records, discrepancies: discrepancies, documents: documents)
            try AtomicFile.write(try Workbook(rows).data(), to: url(Self.workbook))
        }
        if formats.contains(.datapackage) {
            let tables: [TableSpec] = formats.contains(.csv) ? TableSpec.all : [.documents]
            try AtomicFile.write(try DataPackage(tables: tables).data(), to: url(Self.dataPackage))
        }
        if formats.contains(.html) {
            let report = HTMLReport(records: records, discrepancies: discrepancies, documents: documents,
                                    pictures: pictures)
            try AtomicFile.write(report.data(), to: url(Self.report))
        }
        if formats.contains(.sqlite) {
            let batches = try DocumentRows.make(records: records, discrepancies: discrepancies, documents: documents)
            try SQLiteStore.replace(url(Self.sqlite), with: batches)
        }
    }

    public func writeRecords(_ records: [Record]) throws {
        let clean = records.map(\.finiteValued)
        if formats.contains(.jsonl) {
            try AtomicFile.write(try JSONLinesEncoder().encode(clean), to: url(Self.recordsJSONL))
        }
        if formats.contains(.csv) {
            var table = CSVTable(header: CSVLayout.records)
            for r in clean { table.append(try CSVLayout.fields(of: r)) }
            try AtomicFile.write(table.data, to: url(Self.recordsCSV))
        }
    }

    public func writeDiscrepancies(_ discrepancies: [Discrepancy]) throws {
        let clean = discrepancies.map(\.finiteValued)
        if formats.contains(.jsonl) {
            try AtomicFile.write(try JSONLinesEncoder().encode(clean), to: url(Self.discrepanciesJSONL))
        }
        if formats.contains(.csv) {
            var table = CSVTable(header: CSVLayout.discrepancies)
            for d in clean { table.append(CSVLayout.fields(of: d)) }
            try AtomicFile.write(table.data, to: url(Self.discrepanciesCSV))
        }
    }

    /// `tables.csv`: every table found, always written (like
    /// `documents.csv`, it says what was read and what was not).
    public func writeTables(_ tables: [TableSummary]) throws {
        var table = CSVTable(header: CSVLayout.tables)
        for t in tables { table.append(CSVLayout.fields(of: t)) }
        try AtomicFile.write(table.data, to: url(Self.tablesCSV))
    }

    public func writeDocuments(_ documents: [DocumentSummary]) throws {
        var table = CSVTable(header: CSVLayout.documents)
        for s in documents { table.append(CSVLayout.fields(of: s)) }
        try AtomicFile.write(table.data, to: url(Self.documentsCSV))
    }

    private func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
