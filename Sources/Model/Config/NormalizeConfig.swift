/// Normalize: how header cells map to record fields.
///
/// Each list holds lowercase words or phrases. A column's header path (the
/// texts of the header cells above it, outermost first) is matched against
/// them word by word.
public struct NormalizeConfig: Sendable, Codable, Equatable {
    public struct Columns: Sendable, Codable, Equatable {
        /// Row number column (`No`).
        public var number: [String] = ["no", "no.", "nomor"]
        /// Tujuan: the goal.
        public var tujuan: [String] = ["tujuan", "tujuan strategis"]
        /// Sasaran: the objective a goal is broken into.
        public var sasaran: [String] = ["sasaran", "sasaran strategis", "sasaran program", "sasaran kegiatan"]
        /// Program / kegiatan / sub kegiatan name, or Uraian in budget tables.
        public var name: [String] = ["program", "kegiatan", "sub kegiatan", "uraian", "program/kegiatan",
                                     "nama program", "program / kegiatan", "program/ kegiatan/ sub kegiatan",
                                     "pekerjaan", "nama pekerjaan", "paket", "nama paket"]
        public var indicator: [String] = ["indikator", "indikator kinerja", "indikator kinerja utama", "iku",
                                          "indikator sasaran", "indikator program", "indikator kegiatan",
                                          "indikator kinerja program", "indikator kinerja kegiatan"]
        /// Cara / Formula Pengukuran: how the indicator is computed.
        public var formula: [String] = ["formula", "cara", "rumus", "cara/ formula pengukuran",
                                        "formula pengukuran", "cara pengukuran", "metode penghitungan"]
        /// Satuan: the unit.
        public var unit: [String] = ["satuan"]
        public var target: [String] = ["target", "rencana fisik", "rencana capaian"]
        public var realisasi: [String] = ["realisasi", "capaian realisasi"]
        /// Capaian: achievement, realisasi as a percentage of target.
        public var capaian: [String] = ["capaian", "%", "(%)", "persentase capaian", "tingkat capaian", "% realisasi",
                                        "persentase realisasi", "tingkat realisasi", "% capaian"]
        /// Words marking a money column (pagu = budget ceiling).
        public var money: [String] = ["pagu", "anggaran", "rp", "(rp)", "rupiah", "dppa", "dpa", "keuangan", "dana",
                                      "alokasi"]
        /// Kode: the budget code column.
        public var code: [String] = ["kode", "kode rekening", "kode program"]
        /// Columns left out of the records (officials, contractors, contract
        /// papers).
        public var ignored: [String] = ["ppk", "pptk", "bendahara", "penyedia", "nomor spk", "tanggal spk",
                                        "no spk", "tgl spk", "penanggung jawab", "pelaksana"]
        /// Words marking a kinerja (performance, non-money) column.
        public var kinerja: [String] = ["kinerja", "k", "fisik", "output"]
        /// Rating label column.
        public var category: [String] = ["kategori", "predikat", "kriteria", "keterangan capaian"]
        /// Words that make a target or realisasi column an `extra` one
        /// (`Target Akhir RPJMD`, `Realisasi Nasional`).
        public var extraMarkers: [String] = ["akhir", "rpjmd", "renstra", "nasional", "provinsi", "kabupaten",
                                             "kota", "standar", "sebelumnya", "lalu", "keterangan"]

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case number, tujuan, sasaran, name, indicator, formula, unit, target, realisasi, capaian
            case money, kinerja, category, code, ignored
            case extraMarkers = "extra_markers"
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Columns()
            number = try c.decodeIfPresent([String].self, forKey: .number) ?? d.number
            tujuan = try c.decodeIfPresent([String].self, forKey: .tujuan) ?? d.tujuan
            sasaran = try c.decodeIfPresent([String].self, forKey: .sasaran) ?? d.sasaran
            name = try c.decodeIfPresent([String].self, forKey: .name) ?? d.name
            indicator = try c.decodeIfPresent([String].self, forKey: .indicator) ?? d.indicator
            formula = try c.decodeIfPresent([String].self, forKey: .formula) ?? d.formula
            unit = try c.decodeIfPresent([String].self, forKey: .unit) ?? d.unit
            target = try c.decodeIfPresent([String].self, forKey: .target) ?? d.target
            realisasi = try c.decodeIfPresent([String].self, forKey: .realisasi) ?? d.realisasi
            capaian = try c.decodeIfPresent([String].self, forKey: .capaian) ?? d.capaian
            money = try c.decodeIfPresent([String].self, forKey: .money) ?? d.money
            kinerja = try c.decodeIfPresent([String].self, forKey: .kinerja) ?? d.kinerja
            category = try c.decodeIfPresent([String].self, forKey: .category) ?? d.category
            code = try c.decodeIfPresent([String].self, forKey: .code) ?? d.code
            ignored = try c.decodeIfPresent([String].self, forKey: .ignored) ?? d.ignored
            extraMarkers = try c.decodeIfPresent([String].self, forKey: .extraMarkers) ?? d.extraMarkers
        }
    }

    public var columns = Columns()
    /// Labels of group-average rows (`Rata-rata capaian kinerja sasaran`).
    public var averageLabels: [String] = ["rata-rata", "rata rata", "rerata", "nilai mean"]
    /// Labels of total rows.
    public var totalLabels: [String] = ["jumlah", "total", "jumlah total", "total belanja", "jumlah belanja"]
    /// First words of the agency's own row above its programs (`DINAS
    /// SOSIAL`, `BADAN …`): such a row has no level in the plan hierarchy.
    public var organisationPrefixes: [String] = [
        "dinas", "badan", "sekretariat", "inspektorat", "kantor", "kecamatan", "satuan polisi", "rumah sakit",
        "rsud", "biro", "kelurahan", "perangkat daerah",
    ]

    /// A figure read by OCR with a lower confidence (0–100) is not taken:
    /// its value stays empty (validation reports it as unparsed) instead of
    /// a guess.
    public var ocrMinConfidence = 50.0

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case columns
        case ocrMinConfidence = "ocr_min_confidence"
        case averageLabels = "average_labels"
        case totalLabels = "total_labels"
        case organisationPrefixes = "organisation_prefixes"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = NormalizeConfig()
        columns = try c.decodeIfPresent(Columns.self, forKey: .columns) ?? d.columns
        ocrMinConfidence = try c.decodeIfPresent(Double.self, forKey: .ocrMinConfidence) ?? d.ocrMinConfidence
        averageLabels = try c.decodeIfPresent([String].self, forKey: .averageLabels) ?? d.averageLabels
        totalLabels = try c.decodeIfPresent([String].self, forKey: .totalLabels) ?? d.totalLabels
        organisationPrefixes = try c.decodeIfPresent([String].self, forKey: .organisationPrefixes)
            ?? d.organisationPrefixes
    }
}
