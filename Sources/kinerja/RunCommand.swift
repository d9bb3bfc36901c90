import ArgumentParser
import Dispatch
import Foundation
import KinerjaPipeline
import Logging
import Model
import Warehouse

/// Severity at which `--fail-on` makes the run exit non-zero.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case never, warning, error
}

/// The exit statuses of `kinerja run` (the README and `--help` list them).
enum RunStatus {
    /// Nothing could be read: the paths hold no PDF, or every file failed.
    static let nothingRead: Int32 = 1
    /// `--fail-on`: findings of that severity or worse.
    static let findings: Int32 = 3
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read PDFs (files or folders, searched recursively) and write records, discrepancies and documents.csv.",
        discussion: """
            Exit status: 0 the batch ran (failed files are rows of documents.csv); 1 nothing could be \
            read (no PDF under the paths, or every file failed), or the output folder is in use by another \
            run; 3 --fail-on found findings of that severity; 64 usage or configuration error (nothing is \
            read); 130 interrupted by Ctrl-C, 143 by SIGTERM (run again to resume: documents read are kept).
            """)

    @Argument(help: "PDF files or folders.")
    var paths: [String]

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var common: PipelineOptions

    @Option(help: "Exit with status 3 when findings of this severity or worse exist: never, warning, error.")
    var failOn: FailOn = .never

    @Flag(help: "Print one JSON object per document on standard output, then a summary object.")
    var json = false

    @Option(help: "Worker processes reading documents (default: one per core).")
    var jobs: Int?

    @Option(help: "Read only part K of N of the input (K/N, split by file hash), e.g. 2/4.")
    var shard: Shard?

    @Flag(help: "Read every file again instead of reusing outcomes kept in OUT/\(ResultCache.folderName).")
    var noCache = false

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if common.prune, shard != nil {
            throw ValidationError("--prune with --shard would remove the other shards' documents; prune with `kinerja load --prune` on the whole output")
        }
        // `kinerja runn x.pdf`: a mistyped subcommand, not a missing input.
        if let first = paths.first, !first.contains("/"), !first.contains("."),
           !FileManager.default.fileExists(atPath: first) {
            let names = Kinerja.configuration.subcommands.filter { $0 != Worker.self }.map { $0._commandName }
            let near = ConfigProblem.nearest(first, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("'\(first)' is neither a subcommand (\(names.joined(separator: ", ")))\(near) nor a file or folder")
        }
    }

    func run() throws {
        let logger = common.logger()
        // Everything that can be wrong with the command is found before any document is read.
        let (config, target) = try common.resolve()
        Interruption.exitOnSignals(resumeHint: noCache
            ? "nothing is kept (--no-cache); run again to start over"
            : "the documents finished are kept in \(out)/\(ResultCache.folderName); run the same command again to resume")

        let progress = BatchProgress(style: .choose(quiet: common.quiet, json: json, verbose: common.verbose), logger: logger)
        let options = RunOptions(output: URL(fileURLWithPath: out), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: shard, useCache: !noCache,
                                 postgres: target, prune: common.prune)
        let run: PipelineRun
        do throws(PipelineError) {
            run = try Pipeline(config: config, logger: logger).run(paths: paths, options: options, events: progress.handle)
        } catch {
            progress.abandon()
            switch error {
            case .noInput(let why): Self.printError("\(why); \(out) is left as it was")
            case .outputInUse(let why), .cannotWrite(let why), .shardsIncomplete(let why): Self.printError(why)
            }
            throw ExitCode(RunStatus.nothingRead)
        }
        progress.finish(documents: run.documents.count, records: run.records.count,
                        discrepancies: run.discrepancies.count, output: out)

        // A shard whose part of the input is empty has done its part.
        guard run.documentsRead > 0 || (shard != nil && run.documents.isEmpty) else {
            Self.printError("none of the \(run.documents.count) files could be read (documents.csv says why for each)")
            throw ExitCode(RunStatus.nothingRead)
        }
        let worst: Severity?
        switch failOn {
        case .never: worst = nil
        case .warning: worst = .warning
        case .error: worst = .error
        }
        if let worst {
            let hits = run.discrepancies.filter { $0.severity >= worst }
            if !hits.isEmpty {
                var byRule: [String: Int] = [:]
                for hit in hits { byRule["\(hit.rule)", default: 0] += 1 }
                let order = byRule.sorted { (a: (key: String, value: Int), b: (key: String, value: Int)) -> Bool in
                    a.value != b.value ? a.value > b.value : a.key < b.key
                }
                let rules = order.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                Self.printError("--fail-on \(failOn.rawValue): \(hits.count) findings of severity \(worst.rawValue) or worse (\(rules)); exit status 3")
                throw ExitCode(RunStatus.findings)
            }
        }
    }

    /// One line on standard error, escaped like the log.
    static func printError(_ message: String) {
        for line in message.split(separator: "\n") {
            FileHandle.standardError.write(Data("kinerja: error: \(LineLogHandler.escaped(String(line)))\n".utf8))
        }
    }
}
