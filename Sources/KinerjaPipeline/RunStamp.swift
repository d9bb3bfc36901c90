import Export
import Foundation
import Model

/// `run.json` in an output folder: which run wrote the folder, written last,
/// once every output is in place. A shard's stamp is how `finish` knows the
/// shards are all there, read by the same program with the same
/// configuration.
public struct RunStamp: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// The whole input.
        case run
        /// Part K of N.
        case shard
        /// Shards joined.
        case finish
    }

    public var kind: Kind
    /// `K/N` for a shard.
    public var shard: String?
    public var version: String
    /// SHA-256 of the configuration (JSON, sorted keys).
    public var configDigest: String
    /// The paths the run read, absolute (a shard's `finish` finds the PDFs
    /// there again for the report's row pictures).
    public var inputs: [String]
    /// ISO 8601, UTC.
    public var started: String
    public var finished: String
    public var documents: Int
    public var records: Int
    public var discrepancies: Int

    public static let fileName = "run.json"

    enum CodingKeys: String, CodingKey {
        case kind, shard, version, inputs, started, finished, documents, records, discrepancies
        case configDigest = "config_digest"
    }

    /// The stamp in `folder`, or nil when it has none.
    public static func read(in folder: URL) throws -> RunStamp? {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(RunStamp.self, from: data)
    }

    func write(in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        try AtomicFile.write(data, to: folder.appendingPathComponent(Self.fileName))
    }

    /// SHA-256 of `config` as JSON with sorted keys.
    public static func digest(of config: PipelineConfig) -> String {
        SettingsDigest.sha256(config)
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
