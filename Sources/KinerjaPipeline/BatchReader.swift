import Foundation
import Logging
import Model

/// Reads a batch of files into results: finds the files, keeps this
/// shard's, takes what the cache already holds and hands the rest to the
/// worker pool. Validation and output are the pipeline's (they need every
/// record at once).
struct BatchReader {
    var config: PipelineConfig
    /// The program started as `PROGRAM worker`.
    var workerExecutable: String
    /// Worker processes.
    var jobs: Int
    var shard: Shard?
    var cache: ResultCache?

    /// Reads the files and folders at `paths`. The results come sorted by
    /// `sourceFile`, one per input file (read, failed or skipped), with
    /// each found PDF by `sourceFile`.
    func read(paths: [String], logger: Logger, events: @escaping @Sendable (PipelineEvent) -> Void)
        -> (outcomes: [DocumentResult], files: [String: URL]) {
        let inputs = InputDiscovery.files(in: paths)
        for note in inputs.notes { logger.warning("input passed over", metadata: ["detail": "\(note)"]) }
        let files = fingerprint(inputs.files)
        let mine = files.filter { file in
            guard let shard else { return true }
            switch file.hash {
            case .success(let hash): return shard.contains(hash: hash)
            case .failure: return shard.contains(unreadable: file.input.sourceFile)
            }
        }
        let unsearched = inputs.unreadable.filter { shard?.contains(unreadable: $0.file.sourceFile) ?? true }
        let special = inputs.skipped.filter { shard?.contains(unreadable: $0.file.sourceFile) ?? true }

        logger.debug("input found", metadata: [
            "files": "\(files.count)", "this_shard": "\(mine.count)", "unreadable": "\(inputs.unreadable.count)",
            "not_files": "\(inputs.skipped.count)",
        ])
        events(.started(files: mine.count + unsearched.count + special.count,
                        bytes: mine.reduce(0) { $0 + $1.bytes }))
        let slots = Slots<DocumentResult>(count: mine.count)
        var jobs: [WorkerPool.Job] = []
        var jobSlot: [Int] = []
        // The same bytes under several names are one document: read once,
        // under the first name; the others are `skipped` rows naming it.
        var firstWithHash: [String: String] = [:]
        for (i, file) in mine.enumerated() {
            switch file.hash {
            case .failure(let error):
                let outcome = DocumentResult.failed(file.input, DocumentFailure(
                    stage: .discovery, kind: .unreadable, detail: "cannot read the file: \(error.reason)"))
                slots[i] = outcome
                events(.finished(job: nil, outcome.summary, bytes: file.bytes, cached: false))
            case .success(let hash):
                if let first = firstWithHash[hash] {
                    let outcome = DocumentResult.skipped(file.input, docID: hash,
                                                          "the same content as \(first), which is read instead")
                    slots[i] = outcome
                    events(.finished(job: nil, outcome.summary, bytes: file.bytes, cached: false))
                    continue
                }
                firstWithHash[hash] = file.input.sourceFile
                if let outcome = cache?.outcome(fileHash: hash, sourceFile: file.input.sourceFile) {
                    slots[i] = outcome
                    events(.finished(job: nil, outcome.summary, bytes: file.bytes, cached: true))
                } else {
                    jobs.append(WorkerPool.Job(file: file.input, docID: hash))
                    jobSlot.append(i)
                }
            }
        }

        let pool = WorkerPool(settings: .init(
            executable: workerExecutable, config: config, size: self.jobs, cores: ProcessInfo.processInfo.activeProcessorCount,
            documentTimeLimit: config.ingest.documentTimeLimit, pageTimeLimit: config.ingest.pageTimeLimit))
        let cache = self.cache
        let slotOfJob = jobSlot
        pool.run(jobs) { event in
            switch event {
            case .pages(let job, let done, let total):
                events(.pages(job: job, done: done, total: total))
            case .finished(let job, let outcome, let reusable):
                let file = mine[slotOfJob[job]]
                if reusable, let cache, case .success(let hash) = file.hash {
                    do {
                        try cache.store(outcome, fileHash: hash)
                    } catch {
                        logger.warning("result not kept in the cache",
                                       metadata: ["file": "\(file.input.sourceFile)", "error": "\(error)"])
                    }
                }
                slots[slotOfJob[job]] = outcome
                events(.finished(job: job, outcome.summary, bytes: file.bytes, cached: false))
            }
        }

        var outcomes = slots.values.compactMap { $0 }
        for (file, why) in special {
            let outcome = DocumentResult.skipped(file, why)
            events(.finished(job: nil, outcome.summary, bytes: 0, cached: false))
            outcomes.append(outcome)
        }
        for (file, why) in unsearched {
            let outcome = DocumentResult.failed(file, DocumentFailure(stage: .discovery, kind: .unreadable, detail: why))
            events(.finished(job: nil, outcome.summary, bytes: 0, cached: false))
            outcomes.append(outcome)
        }
        outcomes.sort { $0.summary.sourceFile < $1.summary.sourceFile }
        return (outcomes, Dictionary(uniqueKeysWithValues: inputs.files.map { ($0.sourceFile, $0.url) }))
    }

    /// A found file with its size and SHA-256 (or why it cannot be read).
    struct FingerprintedFile: Sendable {
        var input: InputFile
        var bytes: Int
        var hash: Swift.Result<String, FileHash.Unreadable>
    }

    /// Hashes the files, several at a time.
    private func fingerprint(_ files: [InputFile]) -> [FingerprintedFile] {
        let slots = Slots<FingerprintedFile>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            do throws(FileHash.Unreadable) {
                slots[i] = FingerprintedFile(input: file, bytes: size, hash: .success(try FileHash.sha256(of: file.url)))
            } catch {
                slots[i] = FingerprintedFile(input: file, bytes: size, hash: .failure(error))
            }
        }
        return slots.values.compactMap { $0 }
    }
}

/// Fixed slots filled from concurrent threads.
final class Slots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return slots[i] }
        set { lock.lock(); slots[i] = newValue; lock.unlock() }
    }

    var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}
