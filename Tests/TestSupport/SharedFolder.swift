import Foundation

/// `../shared` beside the package checkout: the output contract, the
/// corpora with their gold, and the scorer. Found from this file's place so
/// the tests run from any clone.
public enum SharedFolder {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package
        .deletingLastPathComponent()
        .appendingPathComponent("shared")

    /// Report PDFs made from office files, with gold for every page.
    public static let dev = root.appendingPathComponent("corpus/dev")
    /// Reports published by agencies; `gold/` covers some of their pages.
    public static let real = root.appendingPathComponent("corpus/real")
    public static let scorer = root.appendingPathComponent("tools/score")

    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: dev.path)
    }

    /// The package checkout (for its `pipeline.yml`, `samples/`, …).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A command-line tool the tests call (qpdf, soffice, …).
public enum Tool {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `name` found on the PATH; returns its output (stdout and stderr
    /// together). Throws with that output when the exit status is not one of
    /// `okStatuses` (qpdf's 3 means "succeeded with warnings").
    @discardableResult
    public static func run(_ name: String, _ arguments: [String], okStatuses: Set<Int32> = [0]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard okStatuses.contains(process.terminationStatus) else {
            throw Failure(description: "\(name) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(output)")
        }
        return output
    }
}
