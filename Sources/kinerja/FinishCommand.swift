import ArgumentParser
import Foundation
import KinerjaPipeline
import Logging
import Model
import Warehouse

/// `kinerja finish`: joins the output folders of a run split with
/// `--shard K/N` (on several machines or cluster pods) into the output of
/// one run over the whole input.
struct Finish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the output folders of `kinerja run --shard K/N` (every K once) into one output, validated as one run.",
        discussion: """
            Each shard's documents are taken from its result cache (so shards run without --no-cache) and \
            validated again together: the checks that look across documents (the indicator catalog of the \
            performance trees, polarity conflicts, an agency's quarters) see every document. The folders \
            must come from the same kinerja with the same configuration (their run.json says so). With \
            --postgres the joined output replaces the shards' rows and is recorded in table runs. \
            Exit status: 0 joined; 1 a shard is missing, unfinished or from another program or \
            configuration, or the output folder is in use; 64 usage or configuration error.
            """)

    @Argument(help: "The shards' output folders.")
    var shards: [String]

    @Option(help: "Output folder for the joined run.")
    var out: String

    /// `--config`: the one the shards ran with.
    @OptionGroup var common: PipelineOptions

    func run() throws {
        let logger = common.logger()
        let (config, target) = try common.resolve()
        let progress = BatchProgress(style: common.quiet ? .quiet : .log, logger: logger, perDocument: false)
        let options = RunOptions(output: URL(fileURLWithPath: out), postgres: target, prune: common.prune)
        let run: PipelineRun
        do throws(PipelineError) {
            run = try Pipeline(config: config, logger: logger)
                .finish(shards: shards.map { URL(fileURLWithPath: $0) }, options: options, events: progress.handle)
        } catch {
            progress.abandon()
            Run.printError("\(error)")
            throw ExitCode(RunStatus.nothingRead)
        }
        progress.finish(documents: run.documents.count, records: run.records.count,
                        discrepancies: run.discrepancies.count, output: out)
    }
}
