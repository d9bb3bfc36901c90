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

        let (files, problems) = InputDiscovery.files(in: paths)
        let processor = DocumentProcessor(config: config)
        let results = ResultSlots<DocumentOutcome>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let outcome = processor.process(files[i])
            results[i] = outcome
            let s = outcome.summary
            if s.status == .failed {
                logger.error("\(s.error)")
            } else {
                logger.info("\(s.sourceFile): \(s.status.rawValue), \(s.pages) pages, \(s.records) records")
            }
        }
        var outcomes = results.values.compactMap { $0 }
        for (file, why) in problems.sorted(by: { $0.key.sourceFile < $1.key.sourceFile }) {
            logger.error("\(file.sourceFile): \(why)")
            outcomes.append(DocumentOutcome(
                summary: DocumentSummary(docID: "", sourceFile: file.sourceFile, status: .failed, error: "\(file.sourceFile): \(why)"),
                records: []))
        }

        let validation = Validator(config: config.validate).validate(outcomes.flatMap(\.records),
                                                                     catalog: outcomes.catalog(config.catalog))
        var findings: [String: Int] = [:]
        for d in validation.discrepancies { findings[d.docID + "\u{0}" + d.sourceFile, default: 0] += 1 }
        let summaries = outcomes.map { outcome -> DocumentSummary in
            var s = outcome.summary
            s.discrepancies = findings[s.docID + "\u{0}" + s.sourceFile] ?? 0
            return s
        }

        let writer = try OutputWriter(directory: URL(fileURLWithPath: out))
        try writer.writeAll(records: validation.records, discrepancies: validation.discrepancies, documents: summaries)
        try writer.writeIndicators(validation.indicators)

        let failed = summaries.filter { $0.status == .failed }.count
        logger.info("\(summaries.count) documents (\(failed) failed), \(validation.records.count) records, \(validation.discrepancies.count) discrepancies → \(out)")

        let worst = validation.discrepancies.map(\.severity).max()
        switch (failOn, worst) {
        case (.error, .error?), (.warning, .warning?), (.warning, .error?):
            throw ExitCode(3)
        default:
            break
        }
    }
}

/// Fixed slots filled from concurrent tasks.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return slots[i] }
        set { lock.lock(); slots[i] = newValue; lock.unlock() }
    }

    var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}
