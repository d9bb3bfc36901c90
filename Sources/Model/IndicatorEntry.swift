/// The indicator catalog: what a Pohon Kinerja (performance tree) or a
/// cascading document says about each indicator — where it sits in the
/// tree, what it means, how it is computed — as `shared/spec/records.md`
/// ("indicators.jsonl / indicators.csv") defines it.

/// Where an indicator sits in a performance tree. Misi (mission) › tujuan
/// (goal) › sasaran (objective) for the plan; outcome › output for the
/// table form's result chain; program › kegiatan (activity) › sub kegiatan
/// for budgeted work.
public enum CatalogLevel: String, Hashable, Sendable, Codable, CaseIterable {
    case misi, tujuan, sasaran, outcome, output, program, kegiatan
    case subKegiatan = "sub_kegiatan"

    /// Depth in the tree, root first: a child's level has a higher rank.
    public var rank: Int {
        switch self {
        case .misi: return 0
        case .tujuan: return 1
        case .sasaran: return 2
        case .outcome: return 3
        case .output: return 4
        case .program: return 5
        case .kegiatan: return 6
        case .subKegiatan: return 7
        }
    }
}

/// One indicator of a performance tree.
public struct IndicatorEntry: Hashable, Sendable, Codable {
    public var schema: String = "indicators/1"
    public var docID: String
    public var sourceFile: String
    public var page: Int
    public var bbox: BBox?
    public var level: CatalogLevel
    /// The goal / outcome / mandate text the indicator measures.
    public var goal: String?
    public var indicator: String
    /// The indicator (or goal) one level up the tree.
    public var parent: String?
    /// Definisi Operasional (operational definition).
    public var definition: String?
    /// Formula Perhitungan as printed.
    public var formula: String?
    /// The two sides of a ratio formula (`A / B × 100%`).
    public var numerator: String?
    public var denominator: String?
    /// 100 for percentages, 100000 for "per 100.000 penduduk" …
    public var multiplier: Double?
    public var target: ValueCell
    /// Unit printed with the target (`%`, `Org`, `Keg` …).
    public var unit: String?
    /// The year or span the tree covers (`2022`, `2024-2026`).
    public var period: String?
    /// The agency or unit responsible.
    public var owner: String?
    /// Other agencies named as sharing the indicator.
    public var crosscutting: [String]
    public var polarity: Polarity

    // Beyond the contract's list (additive fields):
    /// The entry's key, which a linked record names in `indicator_ref`:
    /// the first 12 hex digits of the document id and the entry's 1-based
    /// number within the document (`09e1d06e14ea#3`).
    public var key: String
    /// Name of the program / kegiatan box or row the indicator belongs to.
    public var name: String?
    /// Why the polarity is what it is (as in records).
    public var polarityBasis: String?
    /// The agency the tree belongs to, reduced for comparison (`dinas sosial
    /// kota sukamaju`); nil when the document does not name it.
    public var agency: String?

    public init(docID: String, sourceFile: String, page: Int, bbox: BBox?, level: CatalogLevel,
                goal: String? = nil, indicator: String, parent: String? = nil, definition: String? = nil,
                formula: String? = nil, numerator: String? = nil, denominator: String? = nil,
                multiplier: Double? = nil, target: ValueCell = .empty, unit: String? = nil,
                period: String? = nil, owner: String? = nil, crosscutting: [String] = [],
                polarity: Polarity = .positive, key: String = "", name: String? = nil,
                polarityBasis: String? = nil, agency: String? = nil) {
        self.docID = docID
        self.sourceFile = sourceFile
        self.page = page
        self.bbox = bbox
        self.level = level
        self.goal = goal
        self.indicator = indicator
        self.parent = parent
        self.definition = definition
        self.formula = formula
        self.numerator = numerator
        self.denominator = denominator
        self.multiplier = multiplier
        self.target = target
        self.unit = unit
        self.period = period
        self.owner = owner
        self.crosscutting = crosscutting
        self.polarity = polarity
        self.key = key
        self.name = name
        self.polarityBasis = polarityBasis
        self.agency = agency
    }

    /// The key of entry `number` (1-based) of document `docID`.
    public static func key(docID: String, number: Int) -> String {
        "\(docID.prefix(12))#\(number)"
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case schema
        case docID = "doc_id"
        case sourceFile = "source_file"
        case page, bbox, level, goal, indicator, parent, definition, formula, numerator, denominator
        case multiplier, target, unit, period, owner, crosscutting, polarity
        case key, name
        case polarityBasis = "polarity_basis"
        case agency
    }

    /// Writes every key, nil members as JSON null (the contract wants them all).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(docID, forKey: .docID)
        try c.encode(sourceFile, forKey: .sourceFile)
        try c.encode(page, forKey: .page)
        try c.encode(bbox?.rounded, forKey: .bbox)
        try c.encode(level, forKey: .level)
        try c.encode(goal, forKey: .goal)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(parent, forKey: .parent)
        try c.encode(definition, forKey: .definition)
        try c.encode(formula, forKey: .formula)
        try c.encode(numerator, forKey: .numerator)
        try c.encode(denominator, forKey: .denominator)
        try c.encode(multiplier, forKey: .multiplier)
        try c.encode(target, forKey: .target)
        try c.encode(unit, forKey: .unit)
        try c.encode(period, forKey: .period)
        try c.encode(owner, forKey: .owner)
        try c.encode(crosscutting, forKey: .crosscutting)
        try c.encode(polarity, forKey: .polarity)
        try c.encode(key, forKey: .key)
        try c.encode(name, forKey: .name)
        try c.encode(polarityBasis, forKey: .polarityBasis)
        try c.encode(agency, forKey: .agency)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decodeIfPresent(String.self, forKey: .schema) ?? "indicators/1"
        docID = try c.decode(String.self, forKey: .docID)
        sourceFile = try c.decode(String.self, forKey: .sourceFile)
        page = try c.decode(Int.self, forKey: .page)
        bbox = try c.decodeIfPresent(BBox.self, forKey: .bbox)
        level = try c.decode(CatalogLevel.self, forKey: .level)
        goal = try c.decodeIfPresent(String.self, forKey: .goal)
        indicator = try c.decode(String.self, forKey: .indicator)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        definition = try c.decodeIfPresent(String.self, forKey: .definition)
        formula = try c.decodeIfPresent(String.self, forKey: .formula)
        numerator = try c.decodeIfPresent(String.self, forKey: .numerator)
        denominator = try c.decodeIfPresent(String.self, forKey: .denominator)
        multiplier = try c.decodeIfPresent(Double.self, forKey: .multiplier)
        target = try c.decodeIfPresent(ValueCell.self, forKey: .target) ?? .empty
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        period = try c.decodeIfPresent(String.self, forKey: .period)
        owner = try c.decodeIfPresent(String.self, forKey: .owner)
        crosscutting = try c.decodeIfPresent([String].self, forKey: .crosscutting) ?? []
        polarity = try c.decodeIfPresent(Polarity.self, forKey: .polarity) ?? .positive
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name)
        polarityBasis = try c.decodeIfPresent(String.self, forKey: .polarityBasis)
        agency = try c.decodeIfPresent(String.self, forKey: .agency)
    }
}
