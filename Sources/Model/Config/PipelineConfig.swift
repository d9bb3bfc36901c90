/// `pipeline.yml`: the configuration of every stage. Each stage reads its
/// own section; a missing key takes the default written here, so an empty
/// file is a valid configuration.
public struct PipelineConfig: Sendable, Codable, Equatable {
    public var ingest: IngestConfig
    public var normalize: NormalizeConfig
    public var validate: ValidateConfig
    public var export: ExportConfig
    /// How performance trees are read into the indicator catalog, and how
    /// records are matched to it.
    public var catalog: CatalogConfig

    public init(ingest: IngestConfig = .init(), normalize: NormalizeConfig = .init(),
                validate: ValidateConfig = .init(), export: ExportConfig = .init(),
                catalog: CatalogConfig = .init()) {
        self.ingest = ingest
        self.normalize = normalize
        self.validate = validate
        self.export = export
        self.catalog = catalog
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ingest, normalize, validate, export, catalog
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ingest = try c.decodeIfPresent(IngestConfig.self, forKey: .ingest) ?? .init()
        normalize = try c.decodeIfPresent(NormalizeConfig.self, forKey: .normalize) ?? .init()
        validate = try c.decodeIfPresent(ValidateConfig.self, forKey: .validate) ?? .init()
        export = try c.decodeIfPresent(ExportConfig.self, forKey: .export) ?? .init()
        catalog = try c.decodeIfPresent(CatalogConfig.self, forKey: .catalog) ?? .init()
    }
}

/// Ingest: how pages are read.
public struct IngestConfig: Sendable, Codable, Equatable {
    /// Longest a single document may take before it is abandoned, seconds
    /// (0: no limit).
    public var documentTimeLimit: Double = 3600
    /// Longest a document may go without finishing a page, seconds: a hung
    /// page is caught early while a long scan goes on page by page (0: no
    /// limit).
    public var pageTimeLimit: Double = 120
    /// Pages beyond this count are not read (the document is `partial`).
    public var maxPages: Int = 5000
    /// OCR of pages without a usable text layer.
    public var ocr = OCRConfig()

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case documentTimeLimit = "document_time_limit"
        case pageTimeLimit = "page_time_limit"
        case maxPages = "max_pages"
        case ocr
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentTimeLimit = try c.decodeIfPresent(Double.self, forKey: .documentTimeLimit) ?? documentTimeLimit
        pageTimeLimit = try c.decodeIfPresent(Double.self, forKey: .pageTimeLimit) ?? pageTimeLimit
        maxPages = try c.decodeIfPresent(Int.self, forKey: .maxPages) ?? maxPages
        ocr = try c.decodeIfPresent(OCRConfig.self, forKey: .ocr) ?? ocr
    }
}

/// Export: which outputs to write.
public struct ExportConfig: Sendable, Codable, Equatable {
    /// Output files to write besides `documents.csv` and `tables.csv`
    /// (always written). PostgreSQL needs a server and is asked for on the
    /// command line (`--postgres URL`).
    public var formats: [ExportFormat] = ExportFormat.allCases

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case formats
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formats = try c.decodeIfPresent([ExportFormat].self, forKey: .formats) ?? formats
    }
}

/// An output format of `export.formats`.
public enum ExportFormat: String, Sendable, Codable, CaseIterable {
    /// `records.jsonl`, `discrepancies.jsonl`.
    case jsonl
    /// `records.csv`, `discrepancies.csv`.
    case csv
    /// `kinerja.xlsx`: the tables as sheets.
    case xlsx
    /// `report.html`: the findings report.
    case html
    /// `kinerja.sqlite`: the tables in one SQLite database.
    case sqlite
    /// `datapackage.json`: the Frictionless descriptor of the CSV files.
    case datapackage

    /// The contract's files.
    public static let contract: Set<ExportFormat> = [.jsonl, .csv]

    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let format = ExportFormat(rawValue: name.lowercased()) else {
            let known = ExportFormat.allCases.map(\.rawValue)
            var message = "unknown export format '\(name)'"
            if let near = ConfigProblem.nearest(name, in: known) { message += " (did you mean '\(near)'?)" }
            let problem = ConfigProblem(path: ConfigProblem.path(decoder.codingPath),
                                        message: message + "; known: " + known.joined(separator: ", "))
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem.description,
                                                    underlyingError: problem))
        }
        self = format
    }
}
