/// Normalize › catalog: how Pohon Kinerja (performance tree) and cascading
/// documents are read into the indicator catalog. Phrases are lowercase and
/// matched word by word.
public struct CatalogConfig: Sendable, Codable, Equatable {
    /// Header words of the table form's columns.
    public struct Columns: Sendable, Codable, Equatable {
        public var number: [String] = ["no", "nomor"]
        /// Mandat atas tugas dan fungsi / permasalahan: the mandate or problem
        /// the outcome answers.
        public var mandate: [String] = ["mandat", "permasalahan", "isu strategis", "tugas dan fungsi"]
        public var outcome: [String] = ["outcome", "hasil"]
        public var output: [String] = ["output", "keluaran"]
        /// A statement column of a box table (`Sasaran`, `Pernyataan`).
        public var statement: [String] = ["pernyataan", "sasaran", "tujuan", "uraian", "kinerja utama"]
        public var indicator: [String] = ["indikator kinerja", "indikator", "iku", "ik"]
        /// Definisi operasional.
        public var definition: [String] = ["definisi operasional", "defenisi operasional", "definisi", "defenisi",
                                           "penjelasan"]
        /// Formula perhitungan.
        public var formula: [String] = ["formula perhitungan", "formula", "rumus", "cara perhitungan",
                                        "cara pengukuran", "metode perhitungan"]
        public var target: [String] = ["target"]
        public var unit: [String] = ["satuan"]
        /// Crosscutting: other agencies sharing the indicator.
        public var crosscutting: [String] = ["crosscutting", "cross cutting", "lintas opd", "lintas sektor"]
        /// The agency sub-column under crosscutting.
        public var agency: [String] = ["opd", "perangkat daerah", "instansi"]

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case number, mandate, outcome, output, statement, indicator, definition, formula, target, unit
            case crosscutting, agency
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Columns()
            number = try c.decodeIfPresent([String].self, forKey: .number) ?? d.number
            mandate = try c.decodeIfPresent([String].self, forKey: .mandate) ?? d.mandate
            outcome = try c.decodeIfPresent([String].self, forKey: .outcome) ?? d.outcome
            output = try c.decodeIfPresent([String].self, forKey: .output) ?? d.output
            statement = try c.decodeIfPresent([String].self, forKey: .statement) ?? d.statement
            indicator = try c.decodeIfPresent([String].self, forKey: .indicator) ?? d.indicator
            definition = try c.decodeIfPresent([String].self, forKey: .definition) ?? d.definition
            formula = try c.decodeIfPresent([String].self, forKey: .formula) ?? d.formula
            target = try c.decodeIfPresent([String].self, forKey: .target) ?? d.target
            unit = try c.decodeIfPresent([String].self, forKey: .unit) ?? d.unit
            crosscutting = try c.decodeIfPresent([String].self, forKey: .crosscutting) ?? d.crosscutting
            agency = try c.decodeIfPresent([String].self, forKey: .agency) ?? d.agency
        }
    }

    public var columns = Columns()
    /// First words of an agency name (`DINAS SOSIAL …`, `BADAN …`): they
    /// start a new name in a crosscutting cell and find the agency in a title.
    public var agencyWords: [String] = [
        "dinas", "badan", "sekretariat", "inspektorat", "kantor", "satuan", "biro", "kecamatan", "kelurahan",
        "rsud", "rumah sakit", "bappeda", "bapenda", "bpbd", "bkpsdm", "satpol", "kepolisian", "kejaksaan",
        "pengadilan", "puskesmas", "dinkes", "dinsos", "disdik", "dukcapil",
    ]
    /// First words of a unit within the agency (`BIDANG …`, `SEKSI …`): a
    /// diagram box headed by one names the owner of the indicators under it.
    public var unitWords: [String] = ["bidang", "seksi", "balai", "upt", "uptd", "sub bagian", "subbag", "bagian",
                                      "sekretariat", "subbidang", "sub bidang"]
    /// The level of the indicators a unit owns: a bidang (Eselon III) answers
    /// for program indicators, a seksi or sub bagian (Eselon IV) for kegiatan ones.
    public var unitLevels: [String: CatalogLevel] = [
        "bidang": .program, "balai": .program, "bagian": .program, "sekretariat": .program,
        "seksi": .kegiatan, "sub bagian": .kegiatan, "subbag": .kegiatan, "subbidang": .kegiatan,
        "sub bidang": .kegiatan,
    ]
    /// Words naming the region an agency serves (`KABUPATEN X`, `KOTA X`).
    public var regionWords: [String] = ["kabupaten", "kab", "kota", "provinsi", "prov"]
    /// Words that name a tree level in a heading, title or band label.
    public var levelWords: [String: CatalogLevel] = [
        "misi": .misi, "tujuan": .tujuan, "sasaran": .sasaran, "outcome": .outcome, "output": .output,
        "program": .program, "kegiatan": .kegiatan, "sub kegiatan": .subKegiatan, "subkegiatan": .subKegiatan,
    ]
    /// Band labels at the margin of a diagram and the level their boxes are
    /// at, when the boxes do not say it themselves (Eselon II/III/IV: the
    /// echelons of the officials the indicators are cascaded to).
    public var bands: [String: CatalogLevel] = [
        "eselon ii": .sasaran, "esselon ii": .sasaran, "eselon iii": .program, "esselon iii": .program,
        "eselon iv": .kegiatan, "esselon iv": .kegiatan, "iku opd": .sasaran, "iku": .sasaran,
        "rpjmd": .misi, "renstra": .tujuan, "program": .program, "kegiatan": .kegiatan,
        "sub kegiatan": .subKegiatan, "subkegiatan": .subKegiatan,
    ]
    /// Labels inside a diagram box before its indicators.
    public var indicatorLabels: [String] = ["indikator kinerja", "indikator", "ik", "iku"]
    /// Labels inside a diagram box before its statement (`Kinerja Utama`).
    public var statementLabels: [String] = ["kinerja utama", "sasaran", "pernyataan"]
    /// Heading of a list section continued on a later page (`LANJUTAN
    /// INDIKATOR 1`).
    public var continuationLabels: [String] = ["lanjutan indikator", "lanjutan"]
    /// Qualifiers of a list heading that place it at the region's level
    /// (`TUJUAN RPD`), above the agency's own (`TUJUAN OPD`).
    public var regionQualifiers: [String] = ["rpd", "rpjmd", "rpjpd", "daerah", "pemda"]
    /// Minimum similarity (0–1, shared words over all words of the shorter
    /// text after dropping filler words) for a record's indicator to match a
    /// catalog entry.
    public var matchThreshold: Double = 0.85
    /// Words ignored when comparing indicator texts.
    public var fillerWords: [String] = ["yang", "dan", "di", "ke", "dari", "pada", "dalam", "untuk", "per",
                                        "terhadap", "oleh", "dengan", "atau", "serta"]

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case columns
        case agencyWords = "agency_words"
        case regionWords = "region_words"
        case unitWords = "unit_words"
        case unitLevels = "unit_levels"
        case levelWords = "level_words"
        case bands
        case indicatorLabels = "indicator_labels"
        case statementLabels = "statement_labels"
        case continuationLabels = "continuation_labels"
        case regionQualifiers = "region_qualifiers"
        case matchThreshold = "match_threshold"
        case fillerWords = "filler_words"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CatalogConfig()
        columns = try c.decodeIfPresent(Columns.self, forKey: .columns) ?? d.columns
        agencyWords = try c.decodeIfPresent([String].self, forKey: .agencyWords) ?? d.agencyWords
        regionWords = try c.decodeIfPresent([String].self, forKey: .regionWords) ?? d.regionWords
        unitWords = try c.decodeIfPresent([String].self, forKey: .unitWords) ?? d.unitWords
        unitLevels = try c.decodeIfPresent([String: CatalogLevel].self, forKey: .unitLevels) ?? d.unitLevels
        levelWords = try c.decodeIfPresent([String: CatalogLevel].self, forKey: .levelWords) ?? d.levelWords
        bands = try c.decodeIfPresent([String: CatalogLevel].self, forKey: .bands) ?? d.bands
        indicatorLabels = try c.decodeIfPresent([String].self, forKey: .indicatorLabels) ?? d.indicatorLabels
        statementLabels = try c.decodeIfPresent([String].self, forKey: .statementLabels) ?? d.statementLabels
        continuationLabels = try c.decodeIfPresent([String].self, forKey: .continuationLabels) ?? d.continuationLabels
        regionQualifiers = try c.decodeIfPresent([String].self, forKey: .regionQualifiers) ?? d.regionQualifiers
        matchThreshold = try c.decodeIfPresent(Double.self, forKey: .matchThreshold) ?? d.matchThreshold
        fillerWords = try c.decodeIfPresent([String].self, forKey: .fillerWords) ?? d.fillerWords
    }
}
