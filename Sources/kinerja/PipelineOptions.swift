import ArgumentParser
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

    func validate() throws {
        if prune, postgres == nil { throw ValidationError("--prune removes rows from the --postgres database; give --postgres too") }
    }

    /// The log, at the level `--quiet` asks for.
    func logger() -> Logger {
        LineLogHandler.installed
        var log = Logger(label: "kinerja")
        log.logLevel = quiet ? .error : .info
        return log
    }

    /// The configuration and the database, checked before any document is
    /// read; a problem is printed and exits 64.
    func resolve() throws -> (config: PipelineConfig, postgres: PostgresTarget?) {
        do {
            return (try Pipeline.configuration(at: config), try postgres.map { try PostgresTarget(url: $0) })
        } catch {
            Run.printError("\(error)")
            throw ExitCode.validationFailure
        }
    }
}
