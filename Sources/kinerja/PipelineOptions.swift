import ArgumentParser
import Foundation
import KinerjaPipeline
import Logging
import Model
import Warehouse

/// The options `run` and `finish` share: configuration, log level and the
/// PostgreSQL load.
struct PipelineOptions: ParsableArguments {
    @Option(help: "Pipeline configuration (default: ./pipeline.yml when present).")
    var config: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: "Also load the output into PostgreSQL: postgres://USER@HOST[:PORT]/DATABASE; what the URL leaves out comes from PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD and ~/.pgpass (or PGPASSFILE).")
    var postgres: String?

    @Flag(help: "With --postgres: also remove from the database the documents this output does not have.")
    var prune = false

    @Option(help: "Output formats, instead of export.formats in the configuration: a comma-separated list of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (documents.csv, tables.csv and run.json are always written).")
    var formats: String?

    @Flag(help: "A log line per document even on a terminal, and debug lines.")
    var verbose = false

    func validate() throws {
        if prune, postgres == nil { throw ValidationError("--prune removes rows from the --postgres database; give --postgres too") }
        if quiet, verbose { throw ValidationError("--quiet and --verbose ask for opposite things; give one") }
        _ = try formatList()
    }

    /// `--formats`, parsed; nil when not given.
    func formatList() throws -> [ExportFormat]? {
        guard let formats else { return nil }
        var list: [ExportFormat] = []
        for name in formats.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let format = ExportFormat(rawValue: name) else {
                let near = ConfigProblem.nearest(name, in: ExportFormat.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                throw ValidationError("--formats: unknown format '\(name)'\(near); the formats are \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !list.contains(format) { list.append(format) }
        }
        return list
    }

    /// The log, at the level `--quiet` asks for.
    func logger() -> Logger {
        LineLogHandler.installed
        var log = Logger(label: "kinerja")
        log.logLevel = quiet ? .error : (verbose ? .debug : .info)
        return log
    }

    /// The configuration and the database, checked before any document is
    /// read; a problem is printed and exits 64.
    func resolve() throws -> (config: PipelineConfig, postgres: PostgresTarget?) {
        do {
            var pipeline = try Pipeline.configuration(at: config)
            if let list = try formatList() { pipeline.export.formats = list }
            return (pipeline, try postgres.map { try PostgresTarget(url: $0) })
        } catch {
            Run.printError("\(error)")
            throw ExitCode.validationFailure
        }
    }
}
