import Export
import Foundation
import Testing
import TestSupport

/// Paths and helpers shared by the output tests.
enum TestEnvironment {
    /// The package root (this file is Tests/OutputTests/Support.swift).
    static let packageRoot = SharedFolder.packageRoot

    static let devCorpus = SharedFolder.dev

    /// The dev corpus PDFs with a text layer (the scanned one needs OCR,
    /// which these tests are not about).
    static func textPDFs() throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: devCorpus.path)
            .filter { $0.hasSuffix(".pdf") && !$0.contains("_scan") }
            .sorted()
        return names.map { devCorpus.appendingPathComponent($0) }
    }

    /// Where the test binary lives; the `kinerja` executable is built next to it.
    static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    static func kinerjaBinary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["KINERJA_BIN"] { return URL(fileURLWithPath: path) }
        var dir = productsDirectory
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("kinerja")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw TestFailure("kinerja executable not found near \(productsDirectory.path) (set KINERJA_BIN)")
    }

    /// Files the tests keep for a person to look at (screenshots):
    /// `$KINERJA_TEST_OUTPUT`, or `test-output/` next to the test binary.
    static func testOutputDirectory() throws -> URL {
        let url = ProcessInfo.processInfo.environment["KINERJA_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? productsDirectory.appendingPathComponent("test-output")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The first of `names` found on PATH or at an absolute path.
    static func tool(_ names: [String]) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            if name.hasPrefix("/") {
                if FileManager.default.isExecutableFile(atPath: name) { return URL(fileURLWithPath: name) }
                continue
            }
            for dir in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What a finished process left.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to its end (killed after `timeout` seconds); standard
/// output and error are collected through files, so a chatty program
/// cannot block on a full pipe.
@discardableResult
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                currentDirectory: URL? = nil, timeout: TimeInterval = 600) throws -> ProcessResult {
    let scratch = try TestEnvironment.temporaryDirectory("proc")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, b in b } }
    if let currentDirectory { p.currentDirectoryURL = currentDirectory }
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(timeout)
    while p.isRunning {
        if Date() > deadline {
            p.terminate()
            throw TestFailure("\(executable.lastPathComponent) did not finish within \(Int(timeout)) s")
        }
        Thread.sleep(forTimeInterval: 0.05)
    }
    try out.close()
    try err.close()
    return ProcessResult(status: p.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// One run of `kinerja run` over the dev corpus's text PDFs with the
/// repository's pipeline.yml (all default formats), shared by the tests
/// that read its output and never change it.
struct CorpusRun: Sendable {
    let output: URL
    let inputs: [URL]

    static let shared: Result<CorpusRun, TestFailure> = {
        do {
            let inputs = try TestEnvironment.textPDFs()
            guard inputs.count == 5 else { throw TestFailure("expected 5 text PDFs in the dev corpus, found \(inputs.count)") }
            let out = try TestEnvironment.temporaryDirectory("corpus-run")
            let result = try runKinerja(["run"] + inputs.map(\.path) + ["--out", out.path, "--quiet"])
            guard result.status == 0 else {
                throw TestFailure("kinerja run exited \(result.status): \(result.stderr.suffix(2000))")
            }
            return .success(CorpusRun(output: out, inputs: inputs))
        } catch let e as TestFailure {
            return .failure(e)
        } catch {
            return .failure(TestFailure("\(error)"))
        }
    }()

    static func get() throws -> CorpusRun { try shared.get() }

    func file(_ name: String) -> URL { output.appendingPathComponent(name) }
}

/// Runs the kinerja executable from the package root (so ./pipeline.yml is
/// the configuration).
func runKinerja(_ arguments: [String], timeout: TimeInterval = 900) throws -> ProcessResult {
    try runProcess(try TestEnvironment.kinerjaBinary(), arguments, currentDirectory: TestEnvironment.packageRoot,
                   timeout: timeout)
}

/// A CSV file as header and rows of name → field.
func readCSV(_ url: URL) throws -> (header: [String], rows: [[String]]) {
    let all = try CSVParser.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    guard let header = all.first else { throw TestFailure("\(url.lastPathComponent) is empty") }
    return (header, Array(all.dropFirst()))
}
