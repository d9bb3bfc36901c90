import ArgumentParser
import KinerjaPipeline

/// `kinerja worker`: the process `kinerja run` hands documents to (see
/// `WorkerService`).
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read documents for `kinerja run` (jobs on standard input, outcomes on standard output).",
        shouldDisplay: false)

    func run() throws {
        try WorkerService.serve()
    }
}
