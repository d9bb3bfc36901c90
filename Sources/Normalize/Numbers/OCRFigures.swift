import Model

/// Figures of cells read by OCR: taken only when Tesseract was sure enough,
/// and repaired where the column's format allows a single reading.
extension RecordBuilder {
    /// Each column's format, for the columns of a table that OCR read
    /// (nil everywhere for text-layer tables, which need no repair).
    func ocrFormats(_ table: LogicalTable, styles: [NumberStyle?]) -> [OCRNumberRepair.ColumnFormat?] {
        let scanned = table.rows.contains { $0.cells.contains { $0?.confidence != nil } }
        return table.roles.indices.map { c in
            guard scanned, table.roles[c].valueField != nil else { return nil }
            return OCRNumberRepair.ColumnFormat(cells: table.rows.map { $0.text(c) }, style: styles[c])
        }
    }

    /// The value cell of `raw`, printed in `cell`.
    ///
    /// A text-layer cell is parsed as printed. An OCR cell read with less
    /// than `ocrMinConfidence` keeps its text and no value (validation flags
    /// it), whatever it looks like; otherwise it is parsed, and repaired
    /// when it does not parse (`OCRNumberRepair`), `raw` then holding the
    /// repaired text.
    func figure(_ raw: String, in cell: GridCell, format: OCRNumberRepair.ColumnFormat?, style: NumberStyle?) -> ValueCell {
        guard !raw.isEmpty else { return ValueCell(raw: nil, value: nil) }
        guard let confidence = cell.confidence, let format else {
            return ValueCell(raw: raw, value: NumberParser.value(raw, style: style))
        }
        guard confidence >= config.ocrMinConfidence else { return ValueCell(raw: raw, value: nil) }
        if let v = NumberParser.value(raw, style: style) { return ValueCell(raw: raw, value: v) }
        if let fixed = OCRNumberRepair.repair(raw, format: format) {
            return ValueCell(raw: fixed, value: NumberParser.value(fixed, style: style))
        }
        return ValueCell(raw: raw, value: nil)
    }
}
