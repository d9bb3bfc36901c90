/// Strict reading of `pipeline.yml`: a key no stage reads, a value of the
/// wrong type or out of range is an error naming its YAML path
/// (`ingest.ocr.enabeld`), found before any document is read. A typo must
/// never leave a default silently in force.
public struct ConfigProblem: Error, Equatable, CustomStringConvertible {
    /// Dotted YAML path, list positions in brackets: `validate.rating_scales[0].name`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The YAML path of a decoder's coding path.
    public static func path(_ codingPath: [CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let i = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == "\(i)" {
                out += "[\(i)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    /// One line for a decoding error of the configuration.
    public static func from(_ error: DecodingError) -> ConfigProblem {
        switch error {
        case .typeMismatch(let type, let context):
            return ConfigProblem(path: path(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return ConfigProblem(path: path(context.codingPath), message: "expected \(describe(type)), found nothing")
        case .keyNotFound(let key, let context):
            return ConfigProblem(path: path(context.codingPath + [key]), message: "required, missing")
        case .dataCorrupted(let context):
            if let problem = context.underlyingError as? ConfigProblem { return problem }
            return ConfigProblem(path: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return ConfigProblem(path: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is String.Type: return "text"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping of keys to values" }
            return "a mapping (\(name))"
        }
    }
}

/// Any key of a mapping, to see every key a section holds.
struct AnyConfigKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

extension Decoder {
    /// Throws when the mapping being decoded holds a key `K` does not name,
    /// suggesting the nearest known key.
    func rejectUnknownKeys<K: CodingKey & CaseIterable>(_: K.Type) throws {
        let known = K.allCases.map(\.stringValue)
        for key in try container(keyedBy: AnyConfigKey.self).allKeys where !known.contains(key.stringValue) {
            var message = "unknown key"
            if let near = ConfigProblem.nearest(key.stringValue, in: known) { message += " (did you mean '\(near)'?)" }
            message += "; known here: " + known.joined(separator: ", ")
            let problem = ConfigProblem(path: ConfigProblem.path(codingPath + [key]), message: message)
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: problem.description,
                                                    underlyingError: problem))
        }
    }
}

extension ConfigProblem {
    /// The known word within two edits of `word` (closest first), if any.
    public static func nearest(_ word: String, in known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(word.lowercased(), $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    /// Levenshtein distance with adjacent swaps counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

extension PipelineConfig {
    /// Values of the right type that no stage can work with: limits that
    /// are not positive, a confidence outside 0–100 … Empty when the
    /// configuration can be used.
    public func problems() -> [ConfigProblem] {
        var out: [ConfigProblem] = []
        func require(_ ok: Bool, _ path: String, _ message: String) {
            if !ok { out.append(ConfigProblem(path: path, message: message)) }
        }
        func limit(_ value: Double, _ path: String) {
            require(value.isFinite && value >= 0, path, "must be 0 (no limit) or more seconds (is \(value))")
        }
        limit(ingest.documentTimeLimit, "ingest.document_time_limit")
        limit(ingest.pageTimeLimit, "ingest.page_time_limit")
        require(ingest.maxPages >= 1, "ingest.max_pages", "must be at least 1 (is \(ingest.maxPages))")
        require(ingest.ocr.dpi >= 72 && ingest.ocr.dpi <= 1200, "ingest.ocr.dpi",
                "must be between 72 and 1200 (is \(ingest.ocr.dpi))")
        require(ingest.ocr.threads >= 0, "ingest.ocr.threads", "must be 0 (one per core) or more (is \(ingest.ocr.threads))")
        require(!ingest.ocr.languages.split(separator: "+").isEmpty, "ingest.ocr.languages",
                "must name at least one Tesseract language (eng+ind)")
        require(normalize.ocrMinConfidence >= 0 && normalize.ocrMinConfidence <= 100, "normalize.ocr_min_confidence",
                "must be between 0 and 100 (is \(normalize.ocrMinConfidence))")
        require(catalog.matchThreshold > 0 && catalog.matchThreshold <= 1, "catalog.match_threshold",
                "must be more than 0 and at most 1 (is \(catalog.matchThreshold))")
        require(validate.tolerance.slack >= 0, "validate.tolerance.slack", "must not be negative")
        require(validate.tolerance.money >= 0, "validate.tolerance.money", "must not be negative")
        require(validate.ratingScale == "auto" || validate.ratingScales.contains { $0.name == validate.ratingScale }, "validate.rating_scale",
                "names no scale of validate.rating_scales (\(validate.ratingScales.map(\.name).joined(separator: ", ")))")
        return out
    }
}
