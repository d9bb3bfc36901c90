import Foundation
import Model
import Yams

/// Reads `pipeline.yml`.
enum ConfigLoader {
    struct ConfigError: Error, CustomStringConvertible {
        var description: String
    }

    /// The configuration at `path`; with no path, `pipeline.yml` in the
    /// current directory when there is one, else the built-in defaults.
    static func load(_ path: String?) throws -> PipelineConfig {
        let url: URL
        if let path {
            url = URL(fileURLWithPath: path)
        } else {
            let local = URL(fileURLWithPath: "pipeline.yml")
            guard FileManager.default.fileExists(atPath: local.path) else { return PipelineConfig() }
            url = local
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return PipelineConfig() }
            return try YAMLDecoder().decode(PipelineConfig.self, from: text)
        } catch {
            throw ConfigError(description: "\(url.path): \(error)")
        }
    }
}
