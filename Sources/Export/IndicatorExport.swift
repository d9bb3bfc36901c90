import Foundation
import Model

// indicators.jsonl / indicators.csv: the indicator catalog read from
// performance trees (`shared/spec/records.md`). Written for every batch,
// empty when it held no catalog, so the set of files does not depend on
// the input.

extension OutputWriter {
    public static let indicatorsJSONL = "indicators.jsonl"
    public static let indicatorsCSV = "indicators.csv"
}

extension CSVLayout {
    /// The contract's fields, `bbox` as `x0,y0,x1,y1`, `target` as
    /// `target_raw, target`, `crosscutting` joined with `; `; then the
    /// additive key, name, polarity_basis and agency.
    public static let indicators: [String] =
        ["schema", "doc_id", "source_file", "page", "x0", "y0", "x1", "y1", "level", "goal", "indicator",
         "parent", "definition", "formula", "numerator", "denominator", "multiplier", "target_raw", "target",
         "unit", "period", "owner", "crosscutting", "polarity", "key", "name", "polarity_basis", "agency"]

    /// Separator of the `crosscutting` column.
    public static let listSeparator = "; "

    public static func fields(of e: IndicatorEntry) -> [CSVField] {
        let box = e.bbox?.rounded
        return [
            .text(e.schema), .text(e.docID), .text(e.sourceFile), .integer(e.page),
            .number(box?.x0), .number(box?.y0), .number(box?.x1), .number(box?.y1),
            .text(e.level.rawValue), .text(e.goal), .text(e.indicator), .text(e.parent), .text(e.definition),
            .text(e.formula), .text(e.numerator), .text(e.denominator), .number(e.multiplier),
            .text(e.target.raw), .number(e.target.value), .text(e.unit), .text(e.period), .text(e.owner),
            .text(e.crosscutting.joined(separator: listSeparator)), .text(e.polarity.rawValue), .text(e.key),
            .text(e.name), .text(e.polarityBasis), .text(e.agency),
        ]
    }
}

extension IndicatorEntry {
    /// The entry with non-finite numbers made null.
    var finiteValued: IndicatorEntry {
        var e = self
        if let v = e.target.value, !v.isFinite { e.target.value = nil }
        if let m = e.multiplier, !m.isFinite { e.multiplier = nil }
        if let b = e.bbox, !(b.x0.isFinite && b.y0.isFinite && b.x1.isFinite && b.y1.isFinite) { e.bbox = nil }
        return e
    }
}
