import Model
@testable import Validate

/// A printed cell: the text as printed and the number it reads as.
func cell(_ raw: String?, _ value: Double? = nil) -> ValueCell {
    ValueCell(raw: raw, value: value)
}

/// A record with only what a test needs.
func record(_ indicator: String, doc: String = "doc-1", file: String = "lkjip_2022_dinsos.pdf",
            page: Int = 1, table: Int = 1, row: Int = 1, period: String = "2022",
            level: Level? = nil, path: [String] = [], name: String? = nil,
            target: ValueCell = .empty, realisasi: ValueCell = .empty, capaian: ValueCell = .empty,
            pagu: ValueCell = .empty, realisasiRp: ValueCell = .empty, capaianAnggaran: ValueCell = .empty,
            category: String? = nil, formula: String? = nil, rowKind: RowKind = .item) -> Record {
    Record(docID: doc, sourceFile: file, page: page, bbox: nil, table: table, row: row,
           period: Period(period)!, level: level, path: path, name: name, indicator: indicator,
           target: target, realisasi: realisasi, capaian: capaian, pagu: pagu,
           realisasiRp: realisasiRp, capaianAnggaran: capaianAnggaran, category: category,
           formula: formula, rowKind: rowKind)
}

/// A budget line of an LKjIP Realisasi Anggaran table.
func budget(_ name: String, _ level: Level?, row: Int, pagu: ValueCell, spent: ValueCell,
            absorption: ValueCell = .empty, table: Int = 8, period: String = "2022") -> Record {
    record(name, table: table, row: row, period: period, level: level, name: level == nil ? nil : name,
           pagu: pagu, realisasiRp: spent, capaianAnggaran: absorption)
}

/// Findings of the default validator.
func findings(_ records: [Record], config: ValidateConfig = ValidateConfig()) -> [Discrepancy] {
    Validator(config: config).validate(records).discrepancies
}

func rules(_ records: [Record], config: ValidateConfig = ValidateConfig()) -> [String] {
    findings(records, config: config).map(\.rule.rawValue)
}
