import Foundation
import Logging
import Model
import Validate
import Warehouse

/// kinerja as a library: performance-report PDFs in; records, findings and
/// output files out. `kinerja run` is a thin shell over `run`.
///
///     let pipeline = Pipeline(config: try Pipeline.configuration(at: nil))
///     let result = pipeline.read(URL(fileURLWithPath: "lkjip-2023.pdf"))
///     let checked = pipeline.validate([result])
///     for finding in checked.discrepancies { print(finding.message) }
public struct Pipeline: Sendable {
    public var config: PipelineConfig
    public var logger: Logger

    public init(config: PipelineConfig = PipelineConfig(), logger: Logger = Logger(label: "kinerja")) {
        self.config = config
        self.logger = logger
    }

    /// `pipeline.yml` at `path`, strictly checked; with no path,
    /// `./pipeline.yml` when there is one, else the built-in defaults.
    public static func configuration(at path: String?) throws(ConfigLoader.ConfigError) -> PipelineConfig {
        try ConfigLoader.load(path)
    }

    /// Reads one PDF in this process (Ingest, then Normalize). Never
    /// throws: a file that cannot be read is a result with status `failed`
    /// and a one-line error. Unlike `run`, there is no worker process
    /// between the PDF library and the caller, so no time limit applies.
    public func read(_ url: URL, sourceFile: String? = nil) -> DocumentResult {
        DocumentProcessor(config: config).process(InputFile(url: url, sourceFile: sourceFile ?? url.lastPathComponent))
    }

    /// Validates documents read together: polarity decided, records linked
    /// to the indicator catalog of the performance trees among them, and
    /// the findings of every rule (some look across documents).
    public func validate(_ results: [DocumentResult]) -> ValidationResult {
        Validator(config: config.validate).validate(results.flatMap(\.records), catalog: IndicatorCatalog(results: results, config: config.catalog))
    }

    /// Reads every PDF under `paths` (files or folders, searched
    /// recursively) in worker processes, validates them together and
    /// writes the outputs of `export.formats` (and PostgreSQL when asked)
    /// to `options.output`. `events` is called from the run's threads as
    /// documents are read.
    public func run(paths: [String], options: RunOptions,
                    events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) throws(PipelineError) -> PipelineRun {
        let lock: OutputLock
        do {
            lock = try OutputLock(directory: options.output)
        } catch {
            throw .outputInUse("\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        let cache: ResultCache?
        do {
            cache = options.useCache ? try ResultCache(outputDirectory: options.output, config: config) : nil
        } catch {
            throw .cannotWrite("\(options.output.path)/\(ResultCache.folderName): \(error)")
        }

        let reader = BatchReader(config: config, workerExecutable: options.workerExecutable ?? Self.currentExecutable,
                                 jobs: options.jobs, shard: options.shard, cache: cache)
        let (outcomes, files) = reader.read(paths: paths, logger: logger, events: events)
        guard !files.isEmpty || outcomes.contains(where: { $0.summary.status == .skipped }) else {
            // No PDF at all (missing paths, empty folders): the last run's output stays as it was.
            let missing = outcomes.map(\.summary.error).joined(separator: "; ")
            throw .noInput("no PDF found in \(paths.joined(separator: ", "))\(missing.isEmpty ? "" : ": \(missing)")")
        }

        let validation = validate(outcomes)
        var findings: [String: Int] = [:]
        for d in validation.discrepancies { findings[d.docID + "\u{0}" + d.sourceFile, default: 0] += 1 }
        let documents = outcomes.map { outcome -> DocumentSummary in
            var s = outcome.summary
            s.discrepancies = findings[s.docID + "\u{0}" + s.sourceFile] ?? 0
            return s
        }
        let run = PipelineRun(documents: documents, records: validation.records,
                              discrepancies: validation.discrepancies, indicators: validation.indicators,
                              tables: outcomes.flatMap(\.tables))
        do {
            try OutputStage(config: config, directory: options.output, postgres: options.postgres,
                            prune: options.prune, logger: logger).write(run, files: files)
        } catch {
            throw .cannotWrite("\(error)")
        }
        return run
    }

    /// This program's path: workers are this executable started as
    /// `PROGRAM worker`.
    static var currentExecutable: String { ResultCache.executablePath ?? CommandLine.arguments[0] }
}

/// How `Pipeline.run` reads and writes a batch.
public struct RunOptions: Sendable {
    /// Output folder (created when missing; one run at a time uses it).
    public var output: URL
    /// Worker processes reading documents.
    public var jobs: Int
    /// Read only this part of the input.
    public var shard: Shard?
    /// Keep each document's result under the output folder and reuse it
    /// when the same file is read again with the same program and settings.
    public var useCache: Bool
    /// Also load the output into this PostgreSQL database.
    public var postgres: PostgresTarget?
    /// With `postgres`: remove the documents this run does not have.
    public var prune: Bool
    /// The program started as `PROGRAM worker` (default: this executable,
    /// which must then be `kinerja`).
    public var workerExecutable: String?

    public init(output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard? = nil,
                useCache: Bool = true, postgres: PostgresTarget? = nil, prune: Bool = false,
                workerExecutable: String? = nil) {
        self.output = output
        self.jobs = jobs
        self.shard = shard
        self.useCache = useCache
        self.postgres = postgres
        self.prune = prune
        self.workerExecutable = workerExecutable
    }
}

/// What a run read, found and wrote.
public struct PipelineRun: Sendable {
    /// One row per input file (`documents.csv`), sorted by `sourceFile`.
    public var documents: [DocumentSummary]
    public var records: [Record]
    public var discrepancies: [Discrepancy]
    /// The indicator catalog read from performance trees.
    public var indicators: [IndicatorEntry]
    /// Every table found and what it was read as (`tables.csv`).
    public var tables: [TableSummary]

    /// Documents read (not failed, not skipped).
    public var documentsRead: Int { documents.filter { $0.status != .failed && $0.status != .skipped }.count }
}

/// What a run reports while it reads, from its threads.
public enum PipelineEvent: Sendable {
    /// The input is found: this many files (this shard's), of these bytes.
    case started(files: Int, bytes: Int)
    /// Job `job` has read `done` of its document's `total` pages.
    case pages(job: Int, done: Int, total: Int)
    /// A file is finished: read by job `job`, taken from the cache
    /// (`cached`), or settled without a reader (`job` nil: failed or skipped).
    case finished(job: Int?, DocumentSummary, bytes: Int, cached: Bool)
}

/// Why a run wrote nothing, or could not finish writing. A document that
/// cannot be read is not an error of the run: it is a `failed` row.
public enum PipelineError: Error, CustomStringConvertible {
    /// No PDF under the paths; the output folder is left as it was.
    case noInput(String)
    /// Another run holds the output folder.
    case outputInUse(String)
    /// An output (file, cache or database) could not be written.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .noInput(let why), .outputInUse(let why), .cannotWrite(let why): why
        }
    }
}
