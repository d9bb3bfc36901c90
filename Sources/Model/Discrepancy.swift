/// What Validate hands to Export: one finding about one printed figure.

public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A rule code from the contract (`capaian.mismatch` …) or one this pipeline
/// adds under a dotted name (`capaian.cap` …).
public struct RuleCode: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public static let capaianMismatch: RuleCode = "capaian.mismatch"
    public static let capaianPolarity: RuleCode = "capaian.polarity"
    public static let capaianDiv0: RuleCode = "capaian.div0"
    public static let capaianDiv0TargetZero: RuleCode = "capaian.div0_target_zero"
    public static let capaianCap: RuleCode = "capaian.cap"
    public static let capaianNoData: RuleCode = "capaian.no_data"
    public static let capaianOrdinal: RuleCode = "capaian.ordinal"
    public static let anggaranMismatch: RuleCode = "anggaran.mismatch"
    public static let anggaranOverrun: RuleCode = "anggaran.overrun"
    public static let rollupPagu: RuleCode = "rollup.pagu"
    public static let rollupRealisasiRp: RuleCode = "rollup.realisasi_rp"
    public static let totalMismatch: RuleCode = "total.mismatch"
    public static let categoryMismatch: RuleCode = "category.mismatch"
    public static let averageMismatch: RuleCode = "average.mismatch"
    public static let quarterRegression: RuleCode = "quarter.regression"
    public static let valueUnparsed: RuleCode = "value.unparsed"
    public static let valueSpreadsheetError: RuleCode = "value.spreadsheet_error"
    public static let polarityConflict: RuleCode = "polarity.conflict"
}

public struct Discrepancy: Hashable, Sendable, Codable {
    public var schema: String = "discrepancies/1"
    public var docID: String
    public var sourceFile: String
    public var page: Int
    public var table: Int
    public var row: Int
    public var period: Period
    /// The field found wrong (`capaian`, `pagu` …).
    public var field: String
    public var rule: RuleCode
    public var severity: Severity
    /// What the document prints.
    public var reported: String?
    /// What the rule recomputes.
    public var expected: Double?
    /// One sentence a reviewer can act on.
    public var message: String
    /// The row's box on the page (beyond the contract; for evidence).
    public var bbox: BBox?

    public init(docID: String, sourceFile: String, page: Int, table: Int, row: Int, period: Period,
                field: String, rule: RuleCode, severity: Severity, reported: String?, expected: Double?,
                message: String, bbox: BBox? = nil) {
        self.docID = docID
        self.sourceFile = sourceFile
        self.page = page
        self.table = table
        self.row = row
        self.period = period
        self.field = field
        self.rule = rule
        self.severity = severity
        self.reported = reported
        self.expected = expected
        self.message = message
        self.bbox = bbox
    }

    /// A finding about `record`, located where the record is.
    public init(about record: Record, field: String, rule: RuleCode, severity: Severity,
                reported: String?, expected: Double?, message: String) {
        self.init(docID: record.docID, sourceFile: record.sourceFile, page: record.page,
                  table: record.table, row: record.row, period: record.period, field: field,
                  rule: rule, severity: severity, reported: reported, expected: expected,
                  message: message, bbox: record.bbox)
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case schema
        case docID = "doc_id"
        case sourceFile = "source_file"
        case page, table, row, period, field, rule, severity, reported, expected, message, bbox
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(docID, forKey: .docID)
        try c.encode(sourceFile, forKey: .sourceFile)
        try c.encode(page, forKey: .page)
        try c.encode(table, forKey: .table)
        try c.encode(row, forKey: .row)
        try c.encode(period, forKey: .period)
        try c.encode(field, forKey: .field)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(reported, forKey: .reported)
        try c.encode(expected, forKey: .expected)
        try c.encode(message, forKey: .message)
        try c.encode(bbox?.rounded, forKey: .bbox)
    }
}
