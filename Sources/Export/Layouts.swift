import Foundation
import Model

/// The flat CSV forms of the contract's files (`shared/spec/records.md`):
/// header names and the fields of one row.
public enum CSVLayout {
    // MARK: records.csv

    /// schema … unit, then `<field>_raw, <field>` for each value field in
    /// contract order, then category … ocr_confidence and the additive
    /// columns formula, row_kind, polarity_basis. `cell_boxes` is JSONL only.
    public static let records: [String] =
        ["schema", "doc_id", "source_file", "page", "x0", "y0", "x1", "y1", "table", "row", "period",
         "level", "path", "name", "indicator", "unit"]
        + ValueField.allCases.flatMap { ["\($0.rawValue)_raw", $0.rawValue] }
        + ["category", "polarity", "indicator_ref", "extra", "ocr_confidence",
           "formula", "row_kind", "polarity_basis"]

    /// Separator of the `path` column.
    public static let pathSeparator = " > "

    public static func fields(of r: Record) throws -> [CSVField] {
        let box = r.bbox?.rounded // as in records.jsonl
        var f: [CSVField] = [
            .text(r.schema), .text(r.docID), .text(r.sourceFile), .integer(r.page),
            .number(box?.x0), .number(box?.y0), .number(box?.x1), .number(box?.y1),
            .integer(r.table), .integer(r.row), .text(r.period.description),
            .text(r.level?.rawValue), .text(r.path.joined(separator: pathSeparator)), .text(r.name),
            .text(r.indicator), .text(r.unit),
        ]
        for field in ValueField.allCases {
            let cell = r[field]
            f.append(.text(cell.raw))
            f.append(.number(cell.value))
        }
        f += [
            .text(r.category), .text(r.polarity.rawValue), .text(r.indicatorRef),
            .text(try extraJSON(r.extra)), .number(r.ocrConfidence),
            .text(r.formula), .text(r.rowKind.rawValue), .text(r.polarityBasis),
        ]
        return f
    }

    /// The `extra` map as compact JSON with sorted keys; `{}` when empty.
    public static func extraJSON(_ extra: [String: ValueCell]) throws -> String {
        if extra.isEmpty { return "{}" }
        let data = try JSONLinesEncoder.makeJSONEncoder().encode(extra)
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: discrepancies.csv

    public static let discrepancies: [String] =
        ["schema", "doc_id", "source_file", "page", "table", "row", "period", "field", "rule", "severity",
         "reported", "expected", "message"]

    public static func fields(of d: Discrepancy) -> [CSVField] {
        [
            .text(d.schema), .text(d.docID), .text(d.sourceFile), .integer(d.page), .integer(d.table),
            .integer(d.row), .text(d.period.description), .text(d.field), .text(d.rule.rawValue),
            .text(d.severity.rawValue), .text(d.reported), .number(d.expected), .text(d.message),
        ]
    }

    // MARK: documents.csv

    public static let documents: [String] =
        ["doc_id", "source_file", "status", "pages", "text_layer", "tables", "records", "discrepancies",
         "error", "seconds", "kind", "ocr_pages"]

    /// `seconds` is written to the millisecond.
    public static func fields(of s: DocumentSummary) -> [CSVField] {
        let seconds = s.seconds.isFinite ? (s.seconds * 1000).rounded() / 1000 : nil
        return [
            .text(s.docID), .text(s.sourceFile), .text(s.status.rawValue), .integer(s.pages),
            .text(s.textLayer?.rawValue), .integer(s.tables), .integer(s.records), .integer(s.discrepancies),
            .text(s.error), .number(seconds), .text(s.kind?.rawValue), .integer(s.ocrPages),
        ]
    }

    // MARK: tables.csv

    public static let tables: [String] =
        ["doc_id", "source_file", "page", "last_page", "table", "rows", "columns", "header", "mapping",
         "records", "reason"]

    public static func fields(of t: TableSummary) -> [CSVField] {
        [
            .text(t.docID), .text(t.sourceFile), .integer(t.page), .integer(t.lastPage), .integer(t.table),
            .integer(t.rows), .integer(t.columns), .text(t.headerText), .text(t.mappingText),
            .integer(t.records), .text(t.reason),
        ]
    }
}

// MARK: - Non-finite numbers

// JSON has no NaN or infinity (JSONEncoder throws on them) and the contract
// none either: a non-finite number is written as null (a box holding one is
// dropped), so one bad figure cannot stop the batch.

@inline(__always) private func finite(_ d: Double?) -> Double? {
    guard let d, d.isFinite else { return nil }
    return d
}

private extension BBox {
    var isFinite: Bool { x0.isFinite && y0.isFinite && x1.isFinite && y1.isFinite }
}

private extension ValueCell {
    var finiteValued: ValueCell { ValueCell(raw: raw, value: finite(value)) }
}

extension Record {
    /// The record with every non-finite number made null.
    var finiteValued: Record {
        var r = self
        for field in ValueField.allCases { r[field] = r[field].finiteValued }
        if r.extra.values.contains(where: { $0.value.map { !$0.isFinite } ?? false }) {
            r.extra = r.extra.mapValues(\.finiteValued)
        }
        r.ocrConfidence = finite(r.ocrConfidence)
        if let b = r.bbox, !b.isFinite { r.bbox = nil }
        if r.cellBoxes.values.contains(where: { !$0.isFinite }) { r.cellBoxes = r.cellBoxes.filter(\.value.isFinite) }
        return r
    }
}

extension Discrepancy {
    var finiteValued: Discrepancy {
        var d = self
        d.expected = finite(d.expected)
        if let b = d.bbox, !b.isFinite { d.bbox = nil }
        return d
    }
}
