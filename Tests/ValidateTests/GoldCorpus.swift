import Foundation
import Model
import TestSupport

/// The dev corpus next to the package (`../shared/corpus/dev`): gold records
/// and discrepancies of six documents.
enum GoldCorpus {
    static let directory = SharedFolder.dev
    static let scorer = SharedFolder.scorer

    static var isAvailable: Bool { SharedFolder.isAvailable }

    /// `*.records.jsonl` files, sorted by name.
    static func recordFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".records.jsonl") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func lines(of url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Every gold record of every document, in file order.
    static func records() throws -> [Record] {
        let decoder = JSONDecoder()
        return try recordFiles().flatMap { try lines(of: $0) }.map { try decoder.decode(Record.self, from: Data($0.utf8)) }
    }

    /// Gold discrepancies as (file, period, table, row, rule) keys.
    static func discrepancyKeys() throws -> [String] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".discrepancies.jsonl") }
            .flatMap { try lines(of: $0) }
            .map { try JSONDecoder().decode(Discrepancy.self, from: Data($0.utf8)) }
            .map(key)
    }

    static func key(_ d: Discrepancy) -> String {
        "\(d.sourceFile.prefix(4)) \(d.period) t\(d.table) r\(d.row) \(d.rule)"
    }
}
