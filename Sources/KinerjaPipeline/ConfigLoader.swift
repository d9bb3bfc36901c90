import Foundation
import Model
import Yams

/// Reads `pipeline.yml`, strictly: unknown keys, wrong types and values
/// out of range are errors naming the file and the YAML path, found before
/// any document is read.
public enum ConfigLoader {
    /// Why a configuration cannot be used: one line per problem.
    public struct ConfigError: Error, CustomStringConvertible {
        public var file: String
        public var problems: [ConfigProblem]

        public var description: String {
            problems.map { "\(file): \($0)" }.joined(separator: "\n")
        }
    }

    /// The configuration at `path`; with no path, `pipeline.yml` in the
    /// current directory when there is one, else the built-in defaults.
    public static func load(_ path: String?) throws(ConfigError) -> PipelineConfig {
        let url: URL
        if let path {
            url = URL(fileURLWithPath: path)
        } else {
            let local = URL(fileURLWithPath: "pipeline.yml")
            guard FileManager.default.fileExists(atPath: local.path) else { return PipelineConfig() }
            url = local
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError(file: url.path, problems: [ConfigProblem(path: "", message: "cannot read: \((error as NSError).localizedDescription)")])
        }
        return try decode(text, file: url.path)
    }

    /// The configuration written in `text` (`file` names it in errors).
    public static func decode(_ text: String, file: String) throws(ConfigError) -> PipelineConfig {
        let config: PipelineConfig
        do {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return PipelineConfig() }
            config = try YAMLDecoder().decode(PipelineConfig.self, from: text)
        } catch let error as DecodingError {
            throw ConfigError(file: file, problems: [ConfigProblem.from(error)])
        } catch {
            let line = "\(error)".split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            throw ConfigError(file: file, problems: [ConfigProblem(path: "", message: "not valid YAML: \(line)")])
        }
        let problems = config.problems()
        guard problems.isEmpty else { throw ConfigError(file: file, problems: problems) }
        return config
    }
}
