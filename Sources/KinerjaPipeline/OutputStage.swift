import Dispatch
import Evidence
import Export
import Foundation
import Logging
import Model
import Warehouse

/// Everything written once the batch is validated: the files of
/// `export.formats` (with the report's row pictures cut from the input
/// PDFs), then PostgreSQL when a URL is given.
struct OutputStage {
    var config: PipelineConfig
    var directory: URL
    /// `--postgres URL`: also load into this database.
    var postgres: PostgresTarget?
    /// `--prune`: remove from the database the documents this run does not have.
    var prune = false
    var logger: Logger

    /// Pixels per point of the report's row pictures.
    static let pictureStyle = PictureStyle(scale: 2, margin: 6, maxHeight: 240)

    /// `files`: each document's PDF by `source_file`, for the row pictures.
    /// The stamp (`run.json`) is written last.
    func write(_ run: PipelineRun, files: [String: URL], stamp: RunStamp) throws {
        let (records, discrepancies, documents) = (run.records, run.discrepancies, run.documents)
        let writer = try OutputWriter(directory: directory, config: config.export)
        var pictures: [Discrepancy: FindingImage] = [:]
        if writer.formats.contains(.html), !discrepancies.isEmpty {
            let cut = FindingPictures.cut(for: discrepancies, records: records, files: files, style: Self.pictureStyle)
            for problem in cut.problems { logger.warning("report row picture not cut", metadata: ["detail": "\(problem)"]) }
            pictures = cut.pictures.mapValues {
                FindingImage(png: $0.png, width: $0.width, height: $0.height, scale: Self.pictureStyle.scale)
            }
        }
        try writer.write(RunOutput(records: records, discrepancies: discrepancies, documents: documents,
                                   indicators: run.indicators, tables: run.tables, pictures: pictures,
                                   run: RunDescription(version: stamp.version, configDigest: stamp.configDigest,
                                                       inputs: stamp.inputs)))

        if let target = postgres {
            let batches = try DocumentRows.make(records: records, discrepancies: discrepancies, documents: documents)
            let ledger = RunLedgerEntry(kind: stamp.kind.rawValue, shard: stamp.shard, version: stamp.version,
                                        configDigest: stamp.configDigest, started: stamp.started,
                                        documents: stamp.documents, records: stamp.records,
                                        discrepancies: stamp.discrepancies)
            let summary = try PostgresLoad.run(batches, into: target, prune: prune, ledger: ledger, logger: logger)
            logger.info("loaded into PostgreSQL", metadata: summary.metadata(target: target))
        }
        var stamp = stamp
        stamp.finished = RunStamp.now()
        try stamp.write(in: directory)
    }
}

/// Runs a PostgreSQL load from synchronous code.
public enum PostgresLoad {
    public static func run(_ batches: [DocumentRows], into target: PostgresTarget, prune: Bool,
                           ledger: RunLedgerEntry? = nil, logger: Logger) throws -> LoadSummary {
        final class Box: @unchecked Sendable { var result: Result<LoadSummary, Error>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let loader = PostgresLoader(target: target, logger: logger)
        Task {
            do { box.result = .success(try await loader.load(batches, prune: prune, ledger: ledger)) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

extension LoadSummary {
    /// A load's log metadata.
    public func metadata(target: PostgresTarget) -> Logger.Metadata {
        var m: Logger.Metadata = [
            "server": "\(target)", "documents": "\(documents)", "records": "\(records)",
            "discrepancies": "\(discrepancies)", "schema_version": "\(schemaVersion)",
        ]
        if pruned > 0 { m["removed"] = "\(pruned)" }
        return m
    }
}
