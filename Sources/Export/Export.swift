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

    /// Writes every file of the formats, one `OutputFile` writer each, in
    /// the order of `OutputFiles.all`, and removes the files of the other
    /// formats an earlier run left, so the folder holds one run only.
    public func write(_ output: RunOutput) throws {
        for file in OutputFiles.all {
            if file.format.map(formats.contains) ?? true {
                try file.write(output, into: directory, formats: formats)
            } else {
                for name in file.files { try? FileManager.default.removeItem(at: url(name)) }
            }
        }
    }

    /// Writes every file of the formats. `pictures` are the report's row
    /// pictures, by finding.
    public func writeAll(records: [Record], discrepancies: [Discrepancy], documents: [DocumentSummary],
                         pictures: [Discrepancy: FindingImage] = [:]) throws {
        try write(RunOutput(records: records, discrepancies: discrepancies, documents: documents, pictures: pictures))
    }

    /// The indicator catalog alone (`indicators.jsonl`, `indicators.csv`).
    public func writeIndicators(_ entries: [IndicatorEntry]) throws {
        let output = RunOutput(indicators: entries)
        if formats.contains(.jsonl) { try JSONLinesFiles.writeIndicators(output, into: directory) }
        if formats.contains(.csv) { try CSVFiles.writeIndicators(output, into: directory) }
    }

    /// `tables.csv` alone.
    public func writeTables(_ tables: [TableSummary]) throws {
        try TablesFile().write(RunOutput(tables: tables), into: directory, formats: formats)
    }

    private func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
