import Foundation
import Ingest

/// Settings as stable bytes: JSON with sorted keys, non-finite numbers as
/// strings, so the same settings always give the same bytes and SHA-256
/// (the result cache's key, `run.json`'s configuration digest).
enum SettingsDigest {
    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    /// SHA-256 (lowercase hex) of `json(value)`.
    static func sha256(_ value: some Encodable) -> String {
        Ingestor.documentID(of: (try? json(value)) ?? Data())
    }
}
