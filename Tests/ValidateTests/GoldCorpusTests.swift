import Foundation
import Testing
import Model
@testable import Validate

/// The validator run on the gold records of the dev corpus and scored by
/// `shared/tools/score` (the contract's scorer): disc_f1 must reach 0.95.
@Suite(.enabled(if: GoldCorpus.isAvailable, "needs ../shared/corpus/dev"))
struct GoldCorpusTests {
    @Test func discrepanciesScoreOnDevCorpus() throws {
        let records = try GoldCorpus.records()
        let result = Validator(config: ValidateConfig()).validate(records)

        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("kinerja-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }

        // The gold records themselves stand in for the pipeline's records.
        let goldRecords = try GoldCorpus.recordFiles().flatMap { try GoldCorpus.lines(of: $0) }
        try (goldRecords.joined(separator: "\n") + "\n").write(to: out.appendingPathComponent("records.jsonl"),
                                                               atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try result.discrepancies.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: out.appendingPathComponent("discrepancies.jsonl"),
                                                         atomically: true, encoding: .utf8)

        let report = try runScorer(gold: GoldCorpus.directory, output: out)
        print(report)
        let scoreLine = try #require(report.split(separator: "\n").last { $0.hasPrefix("score:") })
        let discF1 = try #require(Self.metric("disc_f1", in: String(scoreLine)))
        #expect(discF1 >= 0.95, "\(scoreLine)")
    }

    /// Polarity as classified against the gold labels (not scored by the
    /// scorer; reported for the record).
    @Test func polarityAgreesWithGold() throws {
        let gold = try GoldCorpus.records()
        let classified = Validator(config: ValidateConfig()).validate(gold).records
        var disagreements: [String] = []
        for (g, c) in zip(gold, classified) where g.polarity != c.polarity {
            disagreements.append("\(g.sourceFile.prefix(4)) \(g.period) t\(g.table) r\(g.row) gold=\(g.polarity) got=\(c.polarity) [\(c.polarityBasis ?? "")] \(g.indicator)")
        }
        let agreement = Double(gold.count - disagreements.count) / Double(gold.count)
        print("polarity agreement: \(gold.count - disagreements.count)/\(gold.count) = \(agreement)")
        disagreements.forEach { print("  " + $0) }
        #expect(agreement >= 0.99)
    }

    private func runScorer(gold: URL, output: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", GoldCorpus.scorer.path, gold.path, output.path, "--verbose"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func metric(_ name: String, in line: String) -> Double? {
        line.split(separator: " ").first { $0.hasPrefix(name + "=") }
            .flatMap { Double($0.dropFirst(name.count + 1)) }
    }
}
