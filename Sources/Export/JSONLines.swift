import Foundation

/// Encodes values as JSON Lines: one compact JSON object per line, each line
/// ending in `\n`.
///
/// Keys are sorted (`.sortedKeys`): Foundation's JSONEncoder keeps no key
/// order otherwise, not even the order a type encodes its keys in, so
/// sorting is the only way to get byte-identical output from identical input
/// (the `extra` and `cell_boxes` maps included). Slashes are not escaped
/// (`a/b`, `#DIV/0!` stay readable). Newlines inside strings are escaped by
/// JSON, so a value never breaks a line.
public struct JSONLinesEncoder: Sendable {
    public init() {}

    /// The JSONEncoder every JSON output of this module uses.
    public static func makeJSONEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One line: the value's JSON and `\n`.
    public func encodeLine<T: Encodable>(_ value: T) throws -> Data {
        var data = try Self.makeJSONEncoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// All values, one per line; empty data for no values.
    public func encode<S: Sequence>(_ values: S) throws -> Data where S.Element: Encodable {
        let encoder = Self.makeJSONEncoder()
        var data = Data()
        for v in values {
            data.append(try encoder.encode(v))
            data.append(0x0A)
        }
        return data
    }
}
