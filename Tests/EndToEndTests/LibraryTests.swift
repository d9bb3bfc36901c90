import Foundation
@testable import KinerjaPipeline
import Model
import Testing
import TestSupport

/// kinerja as a library: the API other Swift programs call, and the example
/// program the README shows.
@Suite("Library API", .serialized)
struct LibraryTests {
    static let lkjip = "lk01_lkjip_2022_dp3a_kab_bantul"
    static let quarterly = "tw02_pengukuran_kinerja_2024_dinsospmd_kab_lombok_timur"

    static func goldLines(_ name: String, _ kind: String) throws -> [Substring] {
        try String(contentsOf: BatchSupport.devCorpus.appendingPathComponent("\(name).\(kind).jsonl"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.isEmpty }
    }

    @Test("Pipeline.read and validate give one document's records and findings in this process")
    func readInProcess() throws {
        let pipeline = Pipeline(config: try Pipeline.configuration(at: SharedFolder.packageRoot
            .appendingPathComponent("pipeline.yml").path))
        let result = pipeline.read(BatchSupport.devPDF(Self.lkjip))
        #expect(result.summary.status == .ok)
        #expect(result.summary.sourceFile == Self.lkjip + ".pdf")
        #expect(result.records.count == (try Self.goldLines(Self.lkjip, "records")).count)
        let checked = pipeline.validate([result])
        #expect(checked.discrepancies.count == (try Self.goldLines(Self.lkjip, "discrepancies")).count)

        #expect(result.failure == nil)

        // Failures are typed: a program can tell a missing file from one that is no PDF.
        let missing = pipeline.read(URL(fileURLWithPath: "/nonexistent/report.pdf"))
        #expect(missing.summary.status == .failed)
        #expect(missing.summary.error.hasPrefix("report.pdf: "))
        #expect(missing.failure?.stage == .ingest && missing.failure?.kind == .unreadable)
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-not-a-pdf-\(UUID().uuidString).pdf")
        try Data("Laporan Kinerja\n".utf8).write(to: text)
        defer { try? FileManager.default.removeItem(at: text) }
        let notPDF = pipeline.read(text)
        #expect(notPDF.failure?.kind == .notPDF)
        #expect(notPDF.summary.error == "\(text.lastPathComponent): \(notPDF.failure?.detail ?? "")")
    }

    @Test("Pipeline.run writes what `kinerja run` writes, and reports each document as an event")
    func runThroughTheLibrary() throws {
        let folders = try BatchSupport.runFolders("library")
        defer { try? FileManager.default.removeItem(at: folders.root) }
        for name in [Self.lkjip, Self.quarterly] {
            try FileManager.default.createSymbolicLink(at: folders.input.appendingPathComponent(name + ".pdf"),
                                                       withDestinationURL: BatchSupport.devPDF(name))
        }
        final class Events: @unchecked Sendable {
            let lock = NSLock()
            var started: [Int] = []
            var finished: [String] = []
        }
        let events = Events()
        let library = folders.root.appendingPathComponent("library-out")
        let run = try Pipeline().run(
            paths: [folders.input.path],
            options: RunOptions(output: library, jobs: 2, workerExecutable: BatchSupport.executable.path)) { event in
            events.lock.lock()
            defer { events.lock.unlock() }
            switch event {
            case .started(let files, _): events.started.append(files)
            case .finished(_, let summary, _, _): events.finished.append(summary.sourceFile)
            case .pages: break
            }
        }
        #expect(events.started == [2])
        #expect(events.finished.sorted() == [Self.lkjip + ".pdf", Self.quarterly + ".pdf"])
        #expect(run.documentsRead == 2)
        #expect(run.records.count == (try BatchSupport.goldRecordCount(Self.lkjip)) + (try BatchSupport.goldRecordCount(Self.quarterly)))

        let cli = try BatchSupport.run(["run", folders.input.path, "--out", folders.out.path, "--quiet", "--config",
                                        SharedFolder.packageRoot.appendingPathComponent("pipeline.yml").path])
        #expect(cli.status == 0)
        for name in ["records.jsonl", "discrepancies.jsonl", "tables.csv", "indicators.jsonl"] {
            let a = try Data(contentsOf: library.appendingPathComponent(name))
            let b = try Data(contentsOf: folders.out.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between the library and the command line")
        }

        // No PDF: an error, and the output folder left as it was.
        let empty = folders.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: PipelineError.self) {
            try Pipeline().run(paths: [empty.path], options: RunOptions(output: library, useCache: false))
        }
        #expect(FileManager.default.fileExists(atPath: library.appendingPathComponent("records.jsonl").path))
    }

    @Test("A worker gets the run's configuration in each job, unchanged by the trip")
    func configurationTravelsInTheJob() throws {
        var config = try Pipeline.configuration(at: SharedFolder.packageRoot.appendingPathComponent("pipeline.yml").path)
        config.ingest.documentTimeLimit = 42
        config.validate.tolerance.money = 0.5
        let job = WorkerProtocol.Job(id: 3, path: "/x.pdf", sourceFile: "x.pdf", threads: 2, config: config)
        let back = try WorkerProtocol.decode(WorkerProtocol.Job.self, from: try WorkerProtocol.line(job))
        #expect(back.config == config)
        #expect(back.config != PipelineConfig())
    }

    @Test("The example program converts one PDF through the library")
    func example() throws {
        let program = BatchSupport.executable.deletingLastPathComponent().appendingPathComponent("ConvertOne")
        let p = Process()
        p.executableURL = program
        p.arguments = [BatchSupport.devPDF(Self.lkjip).path]
        p.currentDirectoryURL = SharedFolder.packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let records = String(decoding: stdout, as: UTF8.self).split(separator: "\n")
        let findings = String(decoding: stderr, as: UTF8.self).split(separator: "\n")
        #expect(records.count == (try Self.goldLines(Self.lkjip, "records")).count)
        #expect(findings.count == (try Self.goldLines(Self.lkjip, "discrepancies")).count)
        #expect(findings.allSatisfy { $0.hasPrefix("page ") })
        #expect(records.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }
}
