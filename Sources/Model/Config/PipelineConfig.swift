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

    public init(from decoder: Decoder) throws {
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
    /// Longest a single document may take before it is abandoned, seconds.
    public var documentTimeLimit: Double = 3600
    /// Longest a document may go without finishing a page, seconds: a hung
    /// page is caught early while a long scan goes on page by page.
    public var pageTimeLimit: Double = 120
    /// Pages beyond this count are not read (the document is `partial`).
    public var maxPages: Int = 5000
    /// OCR of pages without a usable text layer.
    public var ocr = OCRConfig()

    public init() {}

    enum CodingKeys: String, CodingKey {
        case documentTimeLimit = "document_time_limit"
        case pageTimeLimit = "page_time_limit"
        case maxPages = "max_pages"
        case ocr
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentTimeLimit = try c.decodeIfPresent(Double.self, forKey: .documentTimeLimit) ?? documentTimeLimit
        pageTimeLimit = try c.decodeIfPresent(Double.self, forKey: .pageTimeLimit) ?? pageTimeLimit
        maxPages = try c.decodeIfPresent(Int.self, forKey: .maxPages) ?? maxPages
        ocr = try c.decodeIfPresent(OCRConfig.self, forKey: .ocr) ?? ocr
    }
}

/// Export: which outputs to write.
public struct ExportConfig: Sendable, Codable, Equatable {
    /// Output files to write: `jsonl`, `csv` (the contract's files),
    /// `xlsx` (kinerja.xlsx), `html` (report.html), `sqlite`
    /// (kinerja.sqlite), `datapackage` (datapackage.json). PostgreSQL needs
    /// a server and is asked for on the command line (`--postgres URL`).
    public var formats: [String] = ["jsonl", "csv", "xlsx", "html", "sqlite", "datapackage"]

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formats = try c.decodeIfPresent([String].self, forKey: .formats) ?? formats
    }
}
