/// Ingest › ocr: how pages without a usable text layer (scans) are read.
public struct OCRConfig: Sendable, Codable, Equatable {
    /// Read such pages with Tesseract; when false they are skipped.
    public var enabled = true
    /// Tesseract languages, `+`-joined (`eng` English, `ind` Indonesian);
    /// the first is tried first. English first reads figures better: the
    /// Indonesian model takes `%` for `Yo` and a bold `7` for `1`, and
    /// Indonesian words are still read through the second model.
    public var languages = "eng+ind"
    /// Folder holding the `.traineddata` files; nil uses Tesseract's own.
    public var tessdata: String?
    /// Resolution pages are rendered at for OCR.
    public var dpi = 300.0
    /// Pages read at once across the whole run; 0 means one per core.
    public var threads = 0

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, languages, tessdata, dpi, threads
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
        languages = try c.decodeIfPresent(String.self, forKey: .languages) ?? languages
        tessdata = try c.decodeIfPresent(String.self, forKey: .tessdata) ?? tessdata
        dpi = try c.decodeIfPresent(Double.self, forKey: .dpi) ?? dpi
        threads = try c.decodeIfPresent(Int.self, forKey: .threads) ?? threads
    }
}
