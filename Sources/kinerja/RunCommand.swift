import ArgumentParser
import Dispatch
import Export
import Foundation
import Logging
import Model
import Validate

/// Severity at which `--fail-on` makes the run exit non-zero.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case never, warning, error
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read PDFs (files or folders, searched recursively) and write records, discrepancies and documents.csv.")

    @Argument(help: "PDF files or folders.")
    var paths: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Pipeline configuration (default: ./pipeline.yml when present).")
    var config: String?

    @Option(help: "Exit with status 3 when findings of this severity or worse exist: never, warning, error.")
    var failOn: FailOn = .never

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: "Also load the output into PostgreSQL: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var postgres: String?

    @Flag(help: "Print one JSON object per document on standard output, then a summary object.")
    var json = false

    @Option(help: "Worker processes reading documents (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Read only part K of N of the input (K/N, split by file hash), e.g. 2/4.")
    var shard: Shard?

    @Flag(help: "Read every file again instead of reusing outcomes kept in OUT/\(ResultCache.folderName).")
    var noCache = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let config: PipelineConfig
        do {
            config = try ConfigLoader.load(self.config)
        } catch {
            throw ValidationError("cannot read the configuration: \(error)")
        }
        var log = Logger(label: "kinerja")
        log.logLevel = quiet ? .error : .info
        let logger = log

        let batch = Batch(
            config: config, configPath: self.config.map { URL(fileURLWithPath: $0).path }, jobs: jobs, shard: shard,
            cache: noCache ? nil : try ResultCache(outputDirectory: URL(fileURLWithPath: out), config: config))
        let (outcomes, progress) = batch.run(paths: paths, progressStyle: .choose(quiet: quiet, json: json),
                                             logger: logger)

        let validation = Validator(config: config.validate).validate(outcomes.flatMap(\.records),
                                                                     catalog: outcomes.catalog(config.catalog))
        var findings: [String: Int] = [:]
        for d in validation.discrepancies { findings[d.docID + "\u{0}" + d.sourceFile, default: 0] += 1 }
        let summaries = outcomes.map { outcome -> DocumentSummary in
            var s = outcome.summary
            s.discrepancies = findings[s.docID + "\u{0}" + s.sourceFile] ?? 0
            return s
        }

        try OutputStage(config: config, directory: URL(fileURLWithPath: out), postgres: postgres, logger: logger)
            .write(records: validation.records, discrepancies: validation.discrepancies, documents: summaries,
                   inputPaths: paths)
        let writer = try OutputWriter(directory: URL(fileURLWithPath: out), config: config.export)
        try writer.writeIndicators(validation.indicators)
        try writer.writeTables(outcomes.flatMap(\.tables))

        progress.finish(documents: summaries.count, records: validation.records.count,
                        discrepancies: validation.discrepancies.count, output: out)

        let worst = validation.discrepancies.map(\.severity).max()
        switch (failOn, worst) {
        case (.error, .error?), (.warning, .warning?), (.warning, .error?):
            throw ExitCode(3)
        default:
            break
        }
    }
}
