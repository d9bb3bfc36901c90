import Foundation

/// What Normalize hands to Validate and Export: one record per indicator per
/// period, as `shared/spec/records.md` defines it.

/// A printed figure: the cell text exactly as printed and the number it
/// reads as (nil for empty, `-`, spreadsheet errors and text).
public struct ValueCell: Hashable, Sendable, Codable {
    public var raw: String?
    public var value: Double?

    public init(raw: String? = nil, value: Double? = nil) {
        self.raw = raw
        self.value = value
    }

    public static let empty = ValueCell()

    /// Encodes nil members as JSON null (the contract wants both keys).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(raw, forKey: .raw)
        try c.encode(value, forKey: .value)
    }

    /// The raw text trimmed, nil when blank.
    public var trimmedRaw: String? {
        guard let r = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !r.isEmpty else { return nil }
        return r
    }

    /// True when the raw text is a spreadsheet error such as `#DIV/0!`.
    public var isSpreadsheetError: Bool {
        guard let r = trimmedRaw else { return false }
        return r.hasPrefix("#")
    }

    /// True when the cell prints a dash, the spreadsheets' display of zero.
    public var isDash: Bool {
        guard let r = trimmedRaw else { return false }
        return r.allSatisfy { "-‐‑‒–—−".contains($0) }
    }

    /// Number of decimals printed in the raw text (`24,71` → 2, `85` → 0).
    public var printedDecimals: Int {
        guard let r = trimmedRaw else { return 0 }
        let digitsAndSeps = r.filter { $0.isNumber || $0 == "," || $0 == "." }
        guard let sep = digitsAndSeps.lastIndex(where: { $0 == "," || $0 == "." }) else { return 0 }
        let tail = digitsAndSeps[digitsAndSeps.index(after: sep)...]
        // A group of exactly three digits after the last separator, with
        // another separator of the same kind before it, is a thousands group.
        let sepChar = digitsAndSeps[sep]
        if tail.count == 3, digitsAndSeps.filter({ $0 == sepChar }).count > 1 { return 0 }
        if let v = value, tail.count == 3, v >= 1000, v == v.rounded() { return 0 }
        return tail.count
    }
}

/// A reporting period: a year (`2021`) or a quarter (`2022-Q1`).
public struct Period: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1…4 for Triwulan I–IV, nil for a whole year.
    public var quarter: Int?

    public init(year: Int, quarter: Int? = nil) {
        self.year = year
        self.quarter = quarter
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard let y = Int(parts.first ?? "") else { return nil }
        year = y
        if parts.count == 2 {
            guard parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
            quarter = q
        } else if parts.count > 2 {
            return nil
        }
    }

    public var description: String {
        if let q = quarter { return "\(year)-Q\(q)" }
        return "\(year)"
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.year, a.quarter ?? 0) < (b.year, b.quarter ?? 0)
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let p = Period(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad period \(s)"))
        }
        self = p
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Where a row sits in the plan hierarchy: tujuan (goal) › sasaran
/// (target/objective) for outcomes; program › kegiatan (activity) › sub
/// kegiatan (sub-activity) for budgeted work.
public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
    case tujuan, sasaran, program, kegiatan
    case subKegiatan = "sub_kegiatan"

    /// Depth in the budget hierarchy: program 0, kegiatan 1, sub kegiatan 2.
    public var budgetDepth: Int? {
        switch self {
        case .program: return 0
        case .kegiatan: return 1
        case .subKegiatan: return 2
        default: return nil
        }
    }
}

/// Whether a higher realisasi is better (positive) or worse (negative:
/// poverty, violence, mortality …).
public enum Polarity: String, Hashable, Sendable, Codable {
    case positive, negative

    public var other: Polarity { self == .positive ? .negative : .positive }
}

/// What a table row is, beyond an ordinary indicator or budget line.
public enum RowKind: String, Hashable, Sendable, Codable {
    /// An indicator or budget line.
    case item
    /// A group average row (`Rata-rata capaian …`).
    case average
    /// A printed total (`Jumlah`, `TOTAL`).
    case total
}

/// One indicator (or budget line) for one period.
public struct Record: Hashable, Sendable, Codable {
    public var schema: String = "records/1"
    public var docID: String
    public var sourceFile: String
    public var page: Int
    public var bbox: BBox?
    public var table: Int
    public var row: Int
    public var period: Period
    public var level: Level?
    public var path: [String]
    public var name: String?
    public var indicator: String
    public var unit: String?
    public var target: ValueCell
    public var realisasi: ValueCell
    public var capaian: ValueCell
    public var pagu: ValueCell
    public var realisasiRp: ValueCell
    public var capaianAnggaran: ValueCell
    public var category: String?
    public var polarity: Polarity
    public var indicatorRef: String?
    /// Other columns of the row: header text → value.
    public var extra: [String: ValueCell]
    public var ocrConfidence: Double?

    // Beyond the contract's list (additive fields, see README):
    /// The row's Cara/Formula Pengukuran text, when the table has one.
    public var formula: String?
    /// Item, group average or printed total.
    public var rowKind: RowKind
    /// Why the polarity is what it is (`keyword: miskin`, `override`, `default` …).
    public var polarityBasis: String?
    /// Boxes of the value cells by field name, so every number traces back
    /// to its place on the page.
    public var cellBoxes: [String: BBox]

    public init(docID: String, sourceFile: String, page: Int, bbox: BBox?, table: Int, row: Int,
                period: Period, level: Level? = nil, path: [String] = [], name: String? = nil,
                indicator: String, unit: String? = nil,
                target: ValueCell = .empty, realisasi: ValueCell = .empty, capaian: ValueCell = .empty,
                pagu: ValueCell = .empty, realisasiRp: ValueCell = .empty, capaianAnggaran: ValueCell = .empty,
                category: String? = nil, polarity: Polarity = .positive, indicatorRef: String? = nil,
                extra: [String: ValueCell] = [:], ocrConfidence: Double? = nil,
                formula: String? = nil, rowKind: RowKind = .item, polarityBasis: String? = nil,
                cellBoxes: [String: BBox] = [:]) {
        self.docID = docID
        self.sourceFile = sourceFile
        self.page = page
        self.bbox = bbox
        self.table = table
        self.row = row
        self.period = period
        self.level = level
        self.path = path
        self.name = name
        self.indicator = indicator
        self.unit = unit
        self.target = target
        self.realisasi = realisasi
        self.capaian = capaian
        self.pagu = pagu
        self.realisasiRp = realisasiRp
        self.capaianAnggaran = capaianAnggaran
        self.category = category
        self.polarity = polarity
        self.indicatorRef = indicatorRef
        self.extra = extra
        self.ocrConfidence = ocrConfidence
        self.formula = formula
        self.rowKind = rowKind
        self.polarityBasis = polarityBasis
        self.cellBoxes = cellBoxes
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case schema
        case docID = "doc_id"
        case sourceFile = "source_file"
        case page, bbox, table, row, period, level, path, name, indicator, unit
        case target, realisasi, capaian, pagu
        case realisasiRp = "realisasi_rp"
        case capaianAnggaran = "capaian_anggaran"
        case category, polarity
        case indicatorRef = "indicator_ref"
        case extra
        case ocrConfidence = "ocr_confidence"
        case formula
        case rowKind = "row_kind"
        case polarityBasis = "polarity_basis"
        case cellBoxes = "cell_boxes"
    }

    /// The value cell of `field`.
    public subscript(field: ValueField) -> ValueCell {
        get { self[keyPath: field.keyPath] }
        set { self[keyPath: field.keyPath] = newValue }
    }

    /// Identifies the row across periods within a document.
    public var rowKey: RowKey { RowKey(docID: docID, table: table, row: row) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(docID, forKey: .docID)
        try c.encode(sourceFile, forKey: .sourceFile)
        try c.encode(page, forKey: .page)
        try c.encode(bbox?.rounded, forKey: .bbox)
        try c.encode(table, forKey: .table)
        try c.encode(row, forKey: .row)
        try c.encode(period, forKey: .period)
        try c.encode(level, forKey: .level)
        try c.encode(path, forKey: .path)
        try c.encode(name, forKey: .name)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(unit, forKey: .unit)
        try c.encode(target, forKey: .target)
        try c.encode(realisasi, forKey: .realisasi)
        try c.encode(capaian, forKey: .capaian)
        try c.encode(pagu, forKey: .pagu)
        try c.encode(realisasiRp, forKey: .realisasiRp)
        try c.encode(capaianAnggaran, forKey: .capaianAnggaran)
        try c.encode(category, forKey: .category)
        try c.encode(polarity, forKey: .polarity)
        try c.encode(indicatorRef, forKey: .indicatorRef)
        try c.encode(extra, forKey: .extra)
        try c.encode(ocrConfidence, forKey: .ocrConfidence)
        try c.encode(formula, forKey: .formula)
        try c.encode(rowKind, forKey: .rowKind)
        try c.encode(polarityBasis, forKey: .polarityBasis)
        try c.encode(cellBoxes.mapValues(\.rounded), forKey: .cellBoxes)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decodeIfPresent(String.self, forKey: .schema) ?? "records/1"
        docID = try c.decode(String.self, forKey: .docID)
        sourceFile = try c.decode(String.self, forKey: .sourceFile)
        page = try c.decode(Int.self, forKey: .page)
        bbox = try c.decodeIfPresent(BBox.self, forKey: .bbox)
        table = try c.decode(Int.self, forKey: .table)
        row = try c.decode(Int.self, forKey: .row)
        period = try c.decode(Period.self, forKey: .period)
        level = try c.decodeIfPresent(Level.self, forKey: .level)
        path = try c.decodeIfPresent([String].self, forKey: .path) ?? []
        name = try c.decodeIfPresent(String.self, forKey: .name)
        indicator = try c.decode(String.self, forKey: .indicator)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        target = try c.decodeIfPresent(ValueCell.self, forKey: .target) ?? .empty
        realisasi = try c.decodeIfPresent(ValueCell.self, forKey: .realisasi) ?? .empty
        capaian = try c.decodeIfPresent(ValueCell.self, forKey: .capaian) ?? .empty
        pagu = try c.decodeIfPresent(ValueCell.self, forKey: .pagu) ?? .empty
        realisasiRp = try c.decodeIfPresent(ValueCell.self, forKey: .realisasiRp) ?? .empty
        capaianAnggaran = try c.decodeIfPresent(ValueCell.self, forKey: .capaianAnggaran) ?? .empty
        category = try c.decodeIfPresent(String.self, forKey: .category)
        polarity = try c.decodeIfPresent(Polarity.self, forKey: .polarity) ?? .positive
        indicatorRef = try c.decodeIfPresent(String.self, forKey: .indicatorRef)
        extra = try c.decodeIfPresent([String: ValueCell].self, forKey: .extra) ?? [:]
        ocrConfidence = try c.decodeIfPresent(Double.self, forKey: .ocrConfidence)
        formula = try c.decodeIfPresent(String.self, forKey: .formula)
        rowKind = try c.decodeIfPresent(RowKind.self, forKey: .rowKind) ?? .item
        polarityBasis = try c.decodeIfPresent(String.self, forKey: .polarityBasis)
        cellBoxes = try c.decodeIfPresent([String: BBox].self, forKey: .cellBoxes) ?? [:]
    }
}

/// A table row across its periods.
public struct RowKey: Hashable, Sendable, Comparable {
    public var docID: String
    public var table: Int
    public var row: Int

    public init(docID: String, table: Int, row: Int) {
        self.docID = docID
        self.table = table
        self.row = row
    }

    public static func < (a: RowKey, b: RowKey) -> Bool {
        (a.docID, a.table, a.row) < (b.docID, b.table, b.row)
    }
}

/// The six value cells of a record, in contract order.
public enum ValueField: String, Hashable, Sendable, Codable, CaseIterable {
    case target, realisasi, capaian, pagu
    case realisasiRp = "realisasi_rp"
    case capaianAnggaran = "capaian_anggaran"

    public var keyPath: WritableKeyPath<Record, ValueCell> {
        switch self {
        case .target: return \.target
        case .realisasi: return \.realisasi
        case .capaian: return \.capaian
        case .pagu: return \.pagu
        case .realisasiRp: return \.realisasiRp
        case .capaianAnggaran: return \.capaianAnggaran
        }
    }
}
