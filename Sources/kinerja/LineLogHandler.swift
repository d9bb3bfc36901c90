import Foundation
import Logging

/// Log lines on standard error, one per event and never more:
/// `kinerja: error: document failed: file=… status=failed`. The message
/// comes first, then the metadata sorted by key; control characters (a
/// newline in a file name) are escaped so no input can forge a line.
struct LineLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        var fields = metadata
        if let extra { fields.merge(extra) { _, new in new } }
        var text = "kinerja: \(level.rawValue): \(Self.escaped(message.description))"
        if !fields.isEmpty {
            text += ": " + fields.sorted { $0.key < $1.key }
                .map { "\($0.key)=\(Self.escaped("\($0.value)"))" }.joined(separator: " ")
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `text` with control characters written as escapes (`\n`, `\u{1B}`).
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Makes every logger of this process write through this handler (once).
    static let installed: Void = {
        LoggingSystem.bootstrap { _ in LineLogHandler() }
    }()
}
