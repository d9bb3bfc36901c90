import Export
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
        let started = RunStamp.now()
        let lock = try Self.lock(options.output)
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
        let stamp = RunStamp(kind: options.shard == nil ? .run : .shard, shard: options.shard?.description,
                             version: KinerjaVersion.string, configDigest: RunStamp.digest(of: config),
                             inputs: paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, started: started,
                             finished: "", documents: 0, records: 0, discrepancies: 0)
        return try complete(outcomes, files: files, options: options, stamp: stamp)
    }

    /// Joins the output folders of a sharded run (`run` with `shard` K/N for
    /// every K, each written by this program with this configuration):
    /// every document's kept result is validated again with all the others,
    /// so the checks that look across documents (the indicator catalog,
    /// polarity conflicts, an agency's quarters) see the whole input, and
    /// the outputs are those of one run over the whole input. Needs each
    /// shard's result cache (shards run without `--no-cache`).
    public func finish(shards folders: [URL], options: RunOptions,
                       events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) throws(PipelineError) -> PipelineRun {
        let started = RunStamp.now()
        let digest = RunStamp.digest(of: config)
        var stamps: [(folder: URL, stamp: RunStamp, shard: Shard)] = []
        for folder in folders {
            let stamp: RunStamp?
            do {
                stamp = try RunStamp.read(in: folder)
            } catch {
                throw .shardsIncomplete("\(folder.path)/\(RunStamp.fileName): \(error)")
            }
            guard let stamp else {
                throw .shardsIncomplete("\(folder.path): no \(RunStamp.fileName), so no finished run (run its shard again)")
            }
            guard stamp.kind == .shard, let shard = stamp.shard.flatMap(Shard.init(argument:)) else {
                throw .shardsIncomplete("\(folder.path): written by a `\(stamp.kind.rawValue)` run, not by a shard")
            }
            guard stamp.version == KinerjaVersion.string else {
                throw .shardsIncomplete("\(folder.path): shard \(shard) was read by kinerja \(stamp.version), this is \(KinerjaVersion.string)")
            }
            guard stamp.configDigest == digest else {
                throw .shardsIncomplete("\(folder.path): shard \(shard) was read with another configuration (digest \(stamp.configDigest.prefix(12)), this one \(digest.prefix(12)))")
            }
            stamps.append((folder, stamp, shard))
        }
        guard let count = stamps.first?.shard.count else { throw .shardsIncomplete("no shard output folders given") }
        let indexes = stamps.map(\.shard.index)
        guard stamps.allSatisfy({ $0.shard.count == count }), Set(indexes).count == indexes.count,
              Set(indexes) == Set(1...count) else {
            let have = stamps.map { "\($0.shard)" }.joined(separator: ", ")
            let missing = Set(1...count).subtracting(indexes).sorted().map { "\($0)/\(count)" }
            throw .shardsIncomplete("the shards given (\(have)) are not each of 1/\(count) … \(count)/\(count) once"
                + (missing.isEmpty ? "" : "; missing \(missing.joined(separator: ", "))"))
        }
        let inputs = stamps[0].stamp.inputs
        guard stamps.allSatisfy({ $0.stamp.inputs == inputs }) else {
            throw .shardsIncomplete("the shards read different inputs (run.json `inputs`)")
        }

        let lock = try Self.lock(options.output)
        defer { withExtendedLifetime(lock) {} }
        var outcomes: [DocumentResult] = []
        for (folder, _, shard) in stamps {
            let documents: [DocumentSummary]
            let cache: ResultCache
            do {
                documents = try OutputReader(directory: folder).readDocuments()
                cache = try ResultCache(outputDirectory: folder, config: config)
            } catch {
                throw .shardsIncomplete("\(folder.path): \(error)")
            }
            for summary in documents {
                if let kept = cache.outcome(fileHash: summary.docID, sourceFile: summary.sourceFile) {
                    outcomes.append(kept)
                } else if summary.status == .failed || summary.status == .skipped {
                    var row = summary
                    row.discrepancies = 0
                    outcomes.append(DocumentResult(summary: row, records: []))
                } else {
                    throw .shardsIncomplete("\(folder.path): shard \(shard) keeps no result of \(summary.sourceFile) read by this program (run the shard again without --no-cache)")
                }
            }
        }
        outcomes.sort { $0.summary.sourceFile < $1.summary.sourceFile }
        events(.started(files: outcomes.count, bytes: 0))
        for outcome in outcomes { events(.finished(job: nil, outcome.summary, bytes: 0, cached: true)) }
        // The PDFs, where the shards found them, for the report's row pictures.
        let found = InputDiscovery.files(in: inputs).files
        let files = Dictionary(found.map { ($0.sourceFile, $0.url) }, uniquingKeysWith: { a, _ in a })
        let stamp = RunStamp(kind: .finish, shard: nil, version: KinerjaVersion.string, configDigest: digest,
                             inputs: inputs, started: started, finished: "", documents: 0, records: 0, discrepancies: 0)
        return try complete(outcomes, files: files, options: options, stamp: stamp)
    }

    /// Validates the documents read, writes every output and the run's stamp.
    private func complete(_ outcomes: [DocumentResult], files: [String: URL], options: RunOptions,
                          stamp: RunStamp) throws(PipelineError) -> PipelineRun {
        let clock = ContinuousClock()
        let start = clock.now
        let validation = validate(outcomes)
        logger.debug("validated", metadata: [
            "documents": "\(outcomes.count)", "records": "\(validation.records.count)",
            "discrepancies": "\(validation.discrepancies.count)", "seconds": "\(Self.seconds(clock.now - start))",
        ])
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
        var stamp = stamp
        stamp.documents = documents.count
        stamp.records = run.records.count
        stamp.discrepancies = run.discrepancies.count
        let writing = clock.now
        do {
            try OutputStage(config: config, directory: options.output, postgres: options.postgres,
                            prune: options.prune, logger: logger).write(run, files: files, stamp: stamp)
        } catch {
            throw .cannotWrite("\(error)")
        }
        logger.debug("outputs written", metadata: [
            "folder": "\(options.output.path)", "formats": "\(config.export.formats.map(\.rawValue).joined(separator: ","))",
            "seconds": "\(Self.seconds(clock.now - writing))",
        ])
        return run
    }

    private static func seconds(_ d: Duration) -> String {
        String(format: "%.3f", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }

    /// Takes the output folder for this run; a run killed before its end
    /// leaves no stamp.
    private static func lock(_ output: URL) throws(PipelineError) -> OutputLock {
        let lock: OutputLock
        do {
            lock = try OutputLock(directory: output)
        } catch {
            throw .outputInUse("\(error)")
        }
        try? FileManager.default.removeItem(at: output.appendingPathComponent(RunStamp.fileName))
        return lock
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
    /// `finish`: a shard's output is missing, unfinished or from another
    /// program or configuration.
    case shardsIncomplete(String)

    public var description: String {
        switch self {
        case .noInput(let why), .outputInUse(let why), .cannotWrite(let why), .shardsIncomplete(let why): why
        }
    }
}
