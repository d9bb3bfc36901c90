import ArgumentParser
import Export
import Foundation
import KinerjaPipeline
import Logging
import Warehouse

/// Loads a finished run's output folder into PostgreSQL.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load an output folder (records.jsonl, discrepancies.jsonl, documents.csv) into PostgreSQL.",
        discussion: """
            The schema is created on first use and versioned (table schema_version). Each document is \
            loaded in one transaction that replaces its earlier rows, so loading the same folder twice \
            leaves the same rows as loading it once.
            """)

    @Option(help: "PostgreSQL URL: postgres://USER@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]; what it leaves out comes from PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE and ~/.pgpass (or PGPASSFILE).")
    var postgres: String

    @Argument(help: "Output folder written by `kinerja run`.")
    var outDir: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Also remove the documents (and their rows) the folder does not hold, so the database holds exactly this output.")
    var prune = false

    func run() throws {
        LineLogHandler.installed
        var logger = Logger(label: "kinerja")
        logger.logLevel = quiet ? .error : .info
        let target: PostgresTarget
        do {
            target = try PostgresTarget(url: postgres)
        } catch {
            throw ValidationError("\(error)")
        }
        let output = try OutputReader(directory: URL(fileURLWithPath: outDir)).read()
        let batches = try DocumentRows.make(records: output.records, discrepancies: output.discrepancies,
                                             documents: output.documents)
        let summary = try PostgresLoad.run(batches, into: target, prune: prune, logger: logger)
        var metadata = summary.metadata(target: target)
        metadata["output"] = "\(outDir)"
        logger.info("loaded into PostgreSQL", metadata: metadata)
    }
}
