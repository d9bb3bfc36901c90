import Foundation
import Model

/// Which run wrote an output: shown in the report. Nothing in it changes
/// between two runs of the same command (no clock).
public struct RunDescription: Sendable, Equatable {
    public var version: String
    /// SHA-256 of the configuration.
    public var configDigest: String
    /// The paths given to the run.
    public var inputs: [String]

    public init(version: String, configDigest: String, inputs: [String]) {
        self.version = version
        self.configDigest = configDigest
        self.inputs = inputs
    }
}

/// Everything a run writes.
public struct RunOutput: Sendable {
    public var records: [Record]
    public var discrepancies: [Discrepancy]
    /// One row per input file (`documents.csv`).
    public var documents: [DocumentSummary]
    /// The indicator catalog read from performance trees.
    public var indicators: [IndicatorEntry]
    /// Every table found (`tables.csv`).
    public var tables: [TableSummary]
    /// The report's row pictures, by finding.
    public var pictures: [Discrepancy: FindingImage]
    public var run: RunDescription?

    public init(records: [Record] = [], discrepancies: [Discrepancy] = [], documents: [DocumentSummary] = [],
                indicators: [IndicatorEntry] = [], tables: [TableSummary] = [],
                pictures: [Discrepancy: FindingImage] = [:], run: RunDescription? = nil) {
        self.run = run
        self.records = records
        self.discrepancies = discrepancies
        self.documents = documents
        self.indicators = indicators
        self.tables = tables
        self.pictures = pictures
    }
}

/// One output format: the files it writes from a run's output, each
/// replaced atomically. Records, discrepancies and documents are written in
/// the order given; non-finite numbers as null.
public protocol OutputFile: Sendable {
    /// The `export.formats` entry that asks for it; nil for the files
    /// written whatever the formats (`documents.csv`, `tables.csv`).
    var format: ExportFormat? { get }
    /// The names of the files it writes in the output folder.
    var files: [String] { get }
    /// `formats`: every format of the run (the data package describes the
    /// CSV files only when they are written).
    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws
}

/// The writers, in the order they run.
public enum OutputFiles {
    public static let all: [any OutputFile] = [
        JSONLinesFiles(), CSVFiles(), DocumentsFile(), TablesFile(), WorkbookFile(), DataPackageFile(),
        ReportFile(), SQLiteFile(),
    ]
}

/// `records.jsonl`, `discrepancies.jsonl`, `indicators.jsonl`: one JSON
/// object per line, keys sorted (`JSONLinesEncoder`).
struct JSONLinesFiles: OutputFile {
    var format: ExportFormat? { .jsonl }
    var files: [String] { [OutputWriter.recordsJSONL, OutputWriter.discrepanciesJSONL, OutputWriter.indicatorsJSONL] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        try AtomicFile.write(try JSONLinesEncoder().encode(output.records.map(\.finiteValued)),
                             to: directory.appendingPathComponent(OutputWriter.recordsJSONL))
        try AtomicFile.write(try JSONLinesEncoder().encode(output.discrepancies.map(\.finiteValued)),
                             to: directory.appendingPathComponent(OutputWriter.discrepanciesJSONL))
        try Self.writeIndicators(output, into: directory)
    }

    static func writeIndicators(_ output: RunOutput, into directory: URL) throws {
        try AtomicFile.write(try JSONLinesEncoder().encode(output.indicators.map(\.finiteValued)),
                             to: directory.appendingPathComponent(OutputWriter.indicatorsJSONL))
    }
}

/// `records.csv`, `discrepancies.csv`, `indicators.csv`: the flat columns
/// of `CSVLayout`.
struct CSVFiles: OutputFile {
    var format: ExportFormat? { .csv }
    var files: [String] { [OutputWriter.recordsCSV, OutputWriter.discrepanciesCSV, OutputWriter.indicatorsCSV] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        try writeCSV(CSVLayout.records, try output.records.map { try CSVLayout.fields(of: $0.finiteValued) },
                     to: directory.appendingPathComponent(OutputWriter.recordsCSV))
        try writeCSV(CSVLayout.discrepancies, output.discrepancies.map { CSVLayout.fields(of: $0.finiteValued) },
                     to: directory.appendingPathComponent(OutputWriter.discrepanciesCSV))
        try Self.writeIndicators(output, into: directory)
    }

    static func writeIndicators(_ output: RunOutput, into directory: URL) throws {
        try writeCSV(CSVLayout.indicators, output.indicators.map { CSVLayout.fields(of: $0.finiteValued) },
                     to: directory.appendingPathComponent(OutputWriter.indicatorsCSV))
    }
}

/// `documents.csv`: always, as it is the batch's log.
struct DocumentsFile: OutputFile {
    var format: ExportFormat? { nil }
    var files: [String] { [OutputWriter.documentsCSV] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        try writeCSV(CSVLayout.documents, output.documents.map(CSVLayout.fields(of:)),
                     to: directory.appendingPathComponent(OutputWriter.documentsCSV))
    }
}

/// `tables.csv`: every table found, always (like `documents.csv`, it says
/// what was read and what was not).
struct TablesFile: OutputFile {
    var format: ExportFormat? { nil }
    var files: [String] { [OutputWriter.tablesCSV] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        try writeCSV(CSVLayout.tables, output.tables.map(CSVLayout.fields(of:)),
                     to: directory.appendingPathComponent(OutputWriter.tablesCSV))
    }
}

/// `kinerja.xlsx`: the three tables as sheets (`Workbook`).
struct WorkbookFile: OutputFile {
    var format: ExportFormat? { .xlsx }
    var files: [String] { [OutputWriter.workbook] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        let rows = try OutputRows(records: output.records, discrepancies: output.discrepancies,
                                  documents: output.documents)
        try AtomicFile.write(try Workbook(rows).data(), to: directory.appendingPathComponent(OutputWriter.workbook))
    }
}

/// `datapackage.json`: the Frictionless descriptor of the CSV files written.
struct DataPackageFile: OutputFile {
    var format: ExportFormat? { .datapackage }
    var files: [String] { [OutputWriter.dataPackage] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        let tables: [TableSpec] = formats.contains(.csv) ? TableSpec.all : [.documents]
        try AtomicFile.write(try DataPackage(tables: tables).data(),
                             to: directory.appendingPathComponent(OutputWriter.dataPackage))
    }
}

/// `report.html`: the discrepancy report (`HTMLReport`).
struct ReportFile: OutputFile {
    var format: ExportFormat? { .html }
    var files: [String] { [OutputWriter.report] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        let report = HTMLReport(records: output.records, discrepancies: output.discrepancies,
                                documents: output.documents, pictures: output.pictures, run: output.run)
        try AtomicFile.write(report.data(), to: directory.appendingPathComponent(OutputWriter.report))
    }
}

/// `kinerja.sqlite`: the three tables in SQLite (`SQLiteStore`), built
/// beside the old file and renamed over it.
struct SQLiteFile: OutputFile {
    var format: ExportFormat? { .sqlite }
    var files: [String] { [OutputWriter.sqlite] }

    func write(_ output: RunOutput, into directory: URL, formats: Set<ExportFormat>) throws {
        let batches = try DocumentRows.make(records: output.records, discrepancies: output.discrepancies,
                                            documents: output.documents)
        try SQLiteStore.replace(directory.appendingPathComponent(OutputWriter.sqlite), with: batches)
    }
}

/// One CSV file of `header` and `rows`, replaced atomically.
private func writeCSV(_ header: [String], _ rows: [[CSVField]], to url: URL) throws {
    var table = CSVTable(header: header)
    for row in rows { table.append(row) }
    try AtomicFile.write(table.data, to: url)
}
