import Model

/// A budget line of one table and period: a program, kegiatan (activity) or
/// sub kegiatan (sub-activity), or a line of a flat list. A workbook row
/// that carries a second indicator of the same line (same level and name,
/// budget cells left empty) joins the line above instead of starting a new one.
struct BudgetLine: Sendable {
    let level: Level?
    let name: String?
    /// Record indices of the line's rows, first row first.
    private(set) var rows: [Int]

    /// Depth in the hierarchy: program 0, kegiatan 1, sub kegiatan 2.
    var depth: Int? { level?.budgetDepth }

    /// The row printing `field` (the first with a non-empty cell), if any.
    func row(printing field: ValueField, in input: ValidationInput) -> Int? {
        rows.first { input.records[$0][field].trimmedRaw != nil }
    }

    /// The line's figure for a sum: the printed number, a dash as 0 (the
    /// spreadsheets' display of zero), nil when empty, text or an error.
    func amount(_ field: ValueField, in input: ValidationInput) -> Double? {
        guard let i = row(printing: field, in: input) else { return nil }
        let cell = input.records[i][field]
        return cell.value ?? (cell.isDash ? 0 : nil)
    }

    /// Splits rows (record indices of one table and period, in order) into lines.
    static func lines(of rows: [Int], in input: ValidationInput) -> [BudgetLine] {
        var lines: [BudgetLine] = []
        for i in rows {
            let r = input.records[i]
            if var last = lines.last, let name = r.name, last.name == name, last.level == r.level,
               r.pagu.trimmedRaw == nil || r.pagu.trimmedRaw == input.records[last.rows[0]].pagu.trimmedRaw {
                last.rows.append(i)
                lines[lines.count - 1] = last
            } else {
                lines.append(BudgetLine(level: r.level, name: r.name, rows: [i]))
            }
        }
        return lines
    }
}

/// The sum of the lines' figures, nil when none of them prints one.
func budgetSum(_ lines: [BudgetLine], _ field: ValueField, in input: ValidationInput) -> Double? {
    let amounts = lines.compactMap { $0.amount(field, in: input) }
    return amounts.isEmpty ? nil : amounts.reduce(0, +)
}
