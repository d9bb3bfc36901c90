/// Validate: tolerances, polarity rules, rating scales and which optional
/// checks run. Every key is optional; a missing key takes the default below
/// (the defaults reproduce the contract in `shared/spec/records.md`).
///
/// Lists of words and phrases are matched case-insensitively, word by word,
/// against the whitespace-collapsed text.
public struct ValidateConfig: Sendable, Codable, Equatable {

    // MARK: tolerance

    /// When a printed figure counts as matching the recomputed one.
    public struct Tolerance: Sendable, Codable, Equatable {
        /// Added to the contract's ±0.5·10^-d window (d = printed decimals).
        public var slack: Double = 1e-9
        /// Also accept the recomputed value truncated (not rounded) to the
        /// printed decimals (95,0299 printed as 95,02). Off by default.
        public var allowTruncation = false
        /// Also accept any value reachable by moving each input by half a unit
        /// of its own printed precision (realisasi `17` really being 17,2).
        /// Off by default.
        public var inputDisplayRounding = false
        /// Rupiah a sum (roll-up, total) may differ by. Rupiah are integers
        /// and every printed roll-up closes exactly, so 0.
        public var money: Double = 0

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case slack
            case allowTruncation = "allow_truncation"
            case inputDisplayRounding = "input_display_rounding"
            case money
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Tolerance()
            slack = try c.decodeIfPresent(Double.self, forKey: .slack) ?? d.slack
            allowTruncation = try c.decodeIfPresent(Bool.self, forKey: .allowTruncation) ?? d.allowTruncation
            inputDisplayRounding = try c.decodeIfPresent(Bool.self, forKey: .inputDisplayRounding) ?? d.inputDisplayRounding
            money = try c.decodeIfPresent(Double.self, forKey: .money) ?? d.money
        }
    }

    // MARK: polarity

    /// How an indicator's polarity is decided (rules.md R1.4), in this order:
    /// override, formula text, exception phrases, negative keywords, the
    /// reduction verb of the parent tujuan/sasaran, default positive.
    public struct PolarityRules: Sendable, Codable, Equatable {
        /// Indicator text (case and spacing ignored) → `positive`/`negative`.
        public var overrides: [String: Polarity] = [:]
        /// Cara/Formula text declaring lower-is-better. Matched with spaces
        /// removed, `×`/`*` read as `x`.
        public var negativeFormulaPhrases: [String] = [
            "2 x target", "2 x rencana", "(2 x", "target - (realisasi - target)",
            "rencana - (realisasi - rencana)", "semakin rendah realisasi semakin baik",
            "semakin kecil realisasi semakin baik", "bersifat negatif", "polaritas negatif",
            "lower is better",
        ]
        /// Cara/Formula text declaring higher-is-better.
        public var positiveFormulaPhrases: [String] = [
            "semakin tinggi realisasi semakin baik", "semakin besar realisasi semakin baik",
            "bersifat positif", "polaritas positif", "higher is better",
        ]
        /// Words naming a bad thing whose level should go down.
        public var negativeKeywords: [String] = [
            // poverty
            "kemiskinan", "miskin", "rawan pangan", "rentan rawan pangan",
            // violence
            "kekerasan", "kdrt", "tppo", "perdagangan orang", "pekerja anak",
            "perkawinan anak", "perkawinan usia anak", "pernikahan dini", "pernikahan anak",
            // nutrition and health
            "stunting", "balita pendek", "gizi buruk", "gizi kurang", "kurang gizi", "wasting",
            "kematian", "kesakitan", "morbiditas", "mortalitas", "kasus", "insiden",
            "penyakit hewan menular",
            // family planning and population
            "unmet need", "tidak terlayani", "total fertility rate", "tfr", "laju pertumbuhan penduduk",
            "kehamilan tidak diinginkan",
            // work and schooling
            "pengangguran", "putus sekolah", "buta aksara",
            // social problems (PMKS/PPKS: penyandang masalah/pemerlu pelayanan kesejahteraan sosial)
            "pmks", "ppks", "penyandang masalah kesejahteraan sosial", "rumah tidak layak huni",
            "tidak layak huni", "kumuh",
            // environment, prices, backlogs
            "tidak terkelola", "tidak terangkut", "tercemar", "pencemaran", "genangan",
            "variasi harga", "fluktuasi harga", "gejolak harga", "inflasi",
            "tunggakan", "backlog", "tertunda", "belum terselesaikan",
            // governance and safety
            "temuan", "pengaduan", "keluhan", "kriminalitas", "kecelakaan", "gini",
            "waktu penyelesaian", "lama penyelesaian",
        ]
        /// Exceptions (R1.4 step 2): the indicator measures the handling or
        /// the reduction of a bad thing, so higher is better. A phrase inside a
        /// longer negative keyword (`terlayani` in `tidak terlayani`) does not count.
        public var positivePhrases: [String] = [
            "tertangani", "ditangani", "terlayani", "dilayani", "mendapat", "mendapatkan",
            "memperoleh", "menerima", "penanganan", "cakupan", "penurunan", "pengurangan",
            "pencegahan", "penanggulangan", "pendampingan", "tindak lanjut", "ditindaklanjuti",
            "prevalensi pemakaian kontrasepsi", "keberhasilan", "terverifikasi", "diverifikasi",
            "terselesaikan", "diselesaikan", "terentaskan", "dientaskan", "penerima", "layanan",
            "pelayanan", "terlindungi", "dilindungi", "direhabilitasi", "bebas", "terbebas",
        ]
        /// Words that negate a positive phrase right after them (`tidak
        /// tertangani`, `belum terlayani`): the pair counts as a negative keyword.
        public var negationWords: [String] = ["tidak", "tdk", "belum", "tanpa", "tak"]
        /// `X yang …`: a negative keyword only before `yang` and none after it
        /// names a subset of the bad thing that has some good property
        /// (`penduduk miskin yang menjadi peserta PBI`), so positive.
        public var subsetClause = true
        /// Reduction verbs of a parent tujuan/sasaran (R1.4 step 4): the indicator
        /// is negative when it names the object of the verb
        /// (`Menurunnya angka kesakitan …` → `Angka kesakitan DBD`).
        public var reductionVerbs: [String] = [
            "menurun", "menurunnya", "penurunan", "turunnya", "berkurang", "berkurangnya",
            "mengurangi", "menekan", "tertekannya", "terkendali", "terkendalinya",
        ]
        /// Words skipped when looking for the object of a reduction verb.
        public var genericNouns: [String] = [
            "angka", "tingkat", "jumlah", "persentase", "rasio", "prevalensi", "indeks", "kasus",
            "kejadian", "laju", "nilai", "proporsi",
        ]

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case overrides
            case negativeFormulaPhrases = "negative_formula_phrases"
            case positiveFormulaPhrases = "positive_formula_phrases"
            case negativeKeywords = "negative_keywords"
            case positivePhrases = "positive_phrases"
            case negationWords = "negation_words"
            case subsetClause = "subset_clause"
            case reductionVerbs = "reduction_verbs"
            case genericNouns = "generic_nouns"
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = PolarityRules()
            overrides = try c.decodeIfPresent([String: Polarity].self, forKey: .overrides) ?? d.overrides
            negativeFormulaPhrases = try c.decodeIfPresent([String].self, forKey: .negativeFormulaPhrases) ?? d.negativeFormulaPhrases
            positiveFormulaPhrases = try c.decodeIfPresent([String].self, forKey: .positiveFormulaPhrases) ?? d.positiveFormulaPhrases
            negativeKeywords = try c.decodeIfPresent([String].self, forKey: .negativeKeywords) ?? d.negativeKeywords
            positivePhrases = try c.decodeIfPresent([String].self, forKey: .positivePhrases) ?? d.positivePhrases
            negationWords = try c.decodeIfPresent([String].self, forKey: .negationWords) ?? d.negationWords
            subsetClause = try c.decodeIfPresent(Bool.self, forKey: .subsetClause) ?? d.subsetClause
            reductionVerbs = try c.decodeIfPresent([String].self, forKey: .reductionVerbs) ?? d.reductionVerbs
            genericNouns = try c.decodeIfPresent([String].self, forKey: .genericNouns) ?? d.genericNouns
        }
    }

    // MARK: rating scales

    /// One band of a rating scale. Bands are tried top-down; a band applies
    /// when the capaian is above `above`, or at least `at_least`; a band with
    /// neither catches everything left.
    public struct RatingBand: Sendable, Codable, Equatable {
        public var label: String
        public var above: Double?
        public var atLeast: Double?

        public init(label: String, above: Double? = nil, atLeast: Double? = nil) {
            self.label = label
            self.above = above
            self.atLeast = atLeast
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case label, above
            case atLeast = "at_least"
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            label = try c.decode(String.self, forKey: .label)
            above = try c.decodeIfPresent(Double.self, forKey: .above)
            atLeast = try c.decodeIfPresent(Double.self, forKey: .atLeast)
        }
    }

    /// A named rating scale: the labels a document prints in its Kategori column.
    public struct RatingScale: Sendable, Codable, Equatable {
        public var name: String
        public var bands: [RatingBand]

        public init(name: String, bands: [RatingBand]) {
            self.name = name
            self.bands = bands
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, bands
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            bands = try c.decode([RatingBand].self, forKey: .bands)
        }

        /// LAN 239/IX/6/8/2003 (LKjIP): > 85, 70 < X ≤ 85, 55 < X ≤ 70, ≤ 55.
        public static let lan239 = RatingScale(name: "lan_239_2003", bands: [
            RatingBand(label: "Sangat Berhasil", above: 85),
            RatingBand(label: "Berhasil", above: 70),
            RatingBand(label: "Cukup Berhasil", above: 55),
            RatingBand(label: "Tidak Berhasil"),
        ])

        /// Permendagri 86/2017 (E.81): ≥ 91, 76–90, 66–75, 51–65, ≤ 50, read as
        /// half-open bands so that 90,5 is Tinggi.
        public static let permendagri86 = RatingScale(name: "permendagri_86_2017", bands: [
            RatingBand(label: "Sangat Tinggi", atLeast: 91),
            RatingBand(label: "Tinggi", atLeast: 76),
            RatingBand(label: "Sedang", atLeast: 66),
            RatingBand(label: "Rendah", atLeast: 51),
            RatingBand(label: "Sangat Rendah"),
        ])
    }

    // MARK: ordinal (qualitative) targets

    /// An ordered list of qualitative values, lowest first (rules.md R1.6).
    public struct OrdinalScale: Sendable, Codable, Equatable {
        public var name: String
        public var ranks: [String]

        public init(name: String, ranks: [String]) {
            self.name = name
            self.ranks = ranks
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, ranks
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            ranks = try c.decode([String].self, forKey: .ranks)
        }
    }

    // MARK: optional checks

    /// Checks beyond the contract's list (rules.md), each switchable.
    public struct Checks: Sendable, Codable, Equatable {
        /// `capaian.cap`: capaian printed as a cap value while the uncapped
        /// capaian is above it, and no cap is declared.
        public var undeclaredCap = true
        /// Values treated as caps by `capaian.cap`.
        public var capValues: [Double] = [100, 120]
        /// A cap the documents declare: recomputed capaian is clamped to it.
        /// Null: no cap (LAN 239/2003 has none).
        public var declaredCap: Double? = nil
        /// `capaian.no_data`: capaian printed although the realisasi is
        /// missing or says there was no assessment.
        public var capaianWithoutData = true
        /// Realisasi texts meaning "no data" (besides empty and `-`).
        public var noDataPhrases: [String] = [
            "tdk ada penilaian", "tidak ada penilaian", "belum ada penilaian", "n/a", "na",
            "belum ada data", "data belum tersedia", "belum tersedia",
        ]
        /// `capaian.ordinal`: text targets compared by rank on an ordinal scale.
        /// Off by default (the dev gold makes no finding of this kind).
        public var ordinalTargets = false
        /// Compare a capaian printed `-` as 0 (workbooks print zero capaian as `-`).
        public var dashCapaianIsZero = true
        /// `value.unparsed`: numeric-looking cells Normalize could not read.
        public var valueUnparsed = true
        /// `value.spreadsheet_error`: `#VALUE!`, `#REF!`, `#N/A`, `#####` cells.
        public var spreadsheetErrors = true
        /// `quarter.regression` across documents of one agency and year.
        public var quarterRegressionAcrossDocuments = true
        /// Quarterly series where more than this share of quarter-to-quarter
        /// steps fall are taken as each quarter's own figures, not running
        /// totals, and `quarter.regression` is not applied to them.
        public var quarterNonCumulativeShare = 0.10

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case undeclaredCap = "undeclared_cap"
            case capValues = "cap_values"
            case declaredCap = "declared_cap"
            case capaianWithoutData = "capaian_without_data"
            case noDataPhrases = "no_data_phrases"
            case ordinalTargets = "ordinal_targets"
            case dashCapaianIsZero = "dash_capaian_is_zero"
            case valueUnparsed = "value_unparsed"
            case spreadsheetErrors = "spreadsheet_errors"
            case quarterRegressionAcrossDocuments = "quarter_regression_across_documents"
            case quarterNonCumulativeShare = "quarter_non_cumulative_share"
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Checks()
            undeclaredCap = try c.decodeIfPresent(Bool.self, forKey: .undeclaredCap) ?? d.undeclaredCap
            capValues = try c.decodeIfPresent([Double].self, forKey: .capValues) ?? d.capValues
            declaredCap = try c.decodeIfPresent(Double.self, forKey: .declaredCap) ?? d.declaredCap
            capaianWithoutData = try c.decodeIfPresent(Bool.self, forKey: .capaianWithoutData) ?? d.capaianWithoutData
            noDataPhrases = try c.decodeIfPresent([String].self, forKey: .noDataPhrases) ?? d.noDataPhrases
            ordinalTargets = try c.decodeIfPresent(Bool.self, forKey: .ordinalTargets) ?? d.ordinalTargets
            dashCapaianIsZero = try c.decodeIfPresent(Bool.self, forKey: .dashCapaianIsZero) ?? d.dashCapaianIsZero
            valueUnparsed = try c.decodeIfPresent(Bool.self, forKey: .valueUnparsed) ?? d.valueUnparsed
            spreadsheetErrors = try c.decodeIfPresent(Bool.self, forKey: .spreadsheetErrors) ?? d.spreadsheetErrors
            quarterRegressionAcrossDocuments = try c.decodeIfPresent(Bool.self, forKey: .quarterRegressionAcrossDocuments)
                ?? d.quarterRegressionAcrossDocuments
            quarterNonCumulativeShare = try c.decodeIfPresent(Double.self, forKey: .quarterNonCumulativeShare)
                ?? d.quarterNonCumulativeShare
        }
    }

    public var tolerance = Tolerance()
    public var polarity = PolarityRules()
    /// `auto` (chosen per document by the labels it prints) or a scale name.
    public var ratingScale = "auto"
    public var ratingScales: [RatingScale] = [.lan239, .permendagri86]
    public var ordinalScales: [OrdinalScale] = [
        // Kabupaten/Kota Layak Anak predicates (KemenPPPA).
        OrdinalScale(name: "kla", ranks: ["pratama", "madya", "nindya", "utama", "kla"]),
        // SAKIP/AKIP grades (PermenPANRB 88/2021).
        OrdinalScale(name: "sakip", ranks: ["d", "c", "cc", "b", "bb", "a", "aa"]),
        // BPK audit opinions.
        OrdinalScale(name: "opini_bpk", ranks: ["tmp", "tw", "wdp", "wtp"]),
    ]
    /// Labels of group-average rows, for records whose `row_kind` is not set.
    public var averageLabels: [String] = ["rata-rata", "rata rata", "rerata", "nilai mean"]
    /// Labels of total rows (whole label), for records whose `row_kind` is not set.
    public var totalLabels: [String] = [
        "jumlah", "total", "jumlah total", "total belanja", "jumlah belanja", "grand total",
        "jumlah keseluruhan", "total keseluruhan", "jumlah seluruhnya",
    ]
    public var checks = Checks()

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tolerance, polarity
        case ratingScale = "rating_scale"
        case ratingScales = "rating_scales"
        case ordinalScales = "ordinal_scales"
        case averageLabels = "average_labels"
        case totalLabels = "total_labels"
        case checks
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ValidateConfig()
        tolerance = try c.decodeIfPresent(Tolerance.self, forKey: .tolerance) ?? d.tolerance
        polarity = try c.decodeIfPresent(PolarityRules.self, forKey: .polarity) ?? d.polarity
        ratingScale = try c.decodeIfPresent(String.self, forKey: .ratingScale) ?? d.ratingScale
        ratingScales = try c.decodeIfPresent([RatingScale].self, forKey: .ratingScales) ?? d.ratingScales
        ordinalScales = try c.decodeIfPresent([OrdinalScale].self, forKey: .ordinalScales) ?? d.ordinalScales
        averageLabels = try c.decodeIfPresent([String].self, forKey: .averageLabels) ?? d.averageLabels
        totalLabels = try c.decodeIfPresent([String].self, forKey: .totalLabels) ?? d.totalLabels
        checks = try c.decodeIfPresent(Checks.self, forKey: .checks) ?? d.checks
    }
}
