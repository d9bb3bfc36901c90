import Model

/// Cells that hold no usable number although their column is numeric:
/// - `value.unparsed`: text that looks like a garbled number (`12,5,3`,
///   `9.985.639. 757,-`) that Normalize could not read;
/// - `value.spreadsheet_error`: `#VALUE!`, `#REF!`, `#N/A`, `#####` (column
///   too narrow), and `#DIV/0!` outside the capaian columns.
/// Text values (`Pratama`, `BB`, `Tdk ada penilaian`) and dashes are not findings.
struct CellRules: ValidationRule {
    var emits: [RuleCode] { [.valueUnparsed, .valueSpreadsheetError] }

    let unparsed: Bool
    let spreadsheetErrors: Bool

    func findings(in input: ValidationInput) -> [Finding] {
        input.records.indices.flatMap { i in
            ValueField.allCases.compactMap { field in check(field, of: i, input) }
        }
    }

    private func check(_ field: ValueField, of i: Int, _ input: ValidationInput) -> Finding? {
        let r = input.records[i]
        let cell = r[field]
        guard cell.value == nil, let raw = cell.trimmedRaw, !cell.isDash else { return nil }
        if cell.isSpreadsheetError {
            let ratio = field == .capaian || field == .capaianAnggaran
            guard spreadsheetErrors, !(ratio && cell.isDivisionByZero) else { return nil }
            return input.finding(i, field: field.rawValue, rule: .valueSpreadsheetError,
                                 reported: raw, expected: nil, message:
                "The \(field.rawValue.replacingOccurrences(of: "_", with: " ")) cell of '\(Wording.label(r))' (\(Wording.location(r))) prints the spreadsheet error '\(raw)' (\(Self.cause(of: raw))) instead of a figure.")
        }
        // A scanned row: OCR may have read a digit as a look-alike letter.
        let scanned = r.ocrConfidence != nil
        guard unparsed, Self.looksNumeric(raw) || (scanned && Self.looksNumeric(OCRLookalikes.digits(raw))) else {
            return nil
        }
        let why = scanned ? "which OCR could not read clearly enough to take as a figure; please confirm it against the scan"
            : "which is not a well-formed number; please confirm the figure"
        return input.finding(i, field: field.rawValue, rule: .valueUnparsed,
                             reported: raw, expected: nil, message:
            "The \(field.rawValue.replacingOccurrences(of: "_", with: " ")) cell of '\(Wording.label(r))' (\(Wording.location(r))) prints '\(raw)', \(why).")
    }

    /// Digits with separators only (after dropping `Rp`, `%`, spaces and a
    /// trailing `,-`), so a number was meant.
    static func looksNumeric(_ raw: String) -> Bool {
        var s = raw.replacingOccurrences(of: "Rp", with: "").replacingOccurrences(of: "rp", with: "")
        s = String(s.filter { !$0.isWhitespace && $0 != "%" })
        while s.hasSuffix("-") || s.hasSuffix(",") || s.hasSuffix(".") { s.removeLast() }
        guard s.contains(where: \.isNumber) else { return false }
        return s.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    private static func cause(of raw: String) -> String {
        let r = raw.uppercased()
        if r.contains("DIV") { return "division by an empty or zero cell" }
        if r.contains("VALUE") { return "text in a cell used in arithmetic" }
        if r.contains("REF") { return "a formula pointing at a deleted cell" }
        if r.contains("N/A") { return "a lookup that found nothing" }
        if r.allSatisfy({ $0 == "#" }) { return "the column is too narrow to show the value" }
        return "a formula error"
    }
}
