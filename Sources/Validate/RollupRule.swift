import Model

/// `rollup.pagu` / `rollup.realisasi_rp`: a program's budget is the sum of
/// its kegiatan, a kegiatan's the sum of its sub kegiatan, within one table
/// and period. A parent's children are the lines one level down that follow
/// it until the next line at its level or above (or an outcome row);
/// lines of no budget level (pakets) between them are passed over. `-`
/// counts as 0. The finding goes on the parent.
///
/// A group is checked only where the table shows where it ends: a line at
/// the parent's level or above, or a total row, after its last child. The
/// last group of a table may go on in a table of the next page, so its sum
/// is not held against the parent.
struct RollupRule: ValidationRule {
    var emits: [RuleCode] { [.rollupPagu, .rollupRealisasiRp] }

    let tolerance: Tolerance

    func findings(in input: ValidationInput) -> [Finding] {
        // The hierarchy must be shown before a sum is held against it: by
        // printed budget codes, or by a parent elsewhere in the same table
        // (any period) whose children add up.
        var evidenced = Set<TableID>()
        var found: [(TableID, [Finding])] = []
        for rows in input.tables {
            let items = rows.filter { input.roles[$0] == .item }
            guard let first = rows.first else { continue }
            let id = TableID(docID: input.records[first].docID, table: input.records[first].table)
            let lines = BudgetLine.lines(of: items, in: input)
            var closes = false
            let totalAfter = { (row: Int) in rows.contains { $0 > row && input.roles[$0] == .total } }
            let findings = lines.indices.flatMap {
                check(parent: $0, lines, input, closes: &closes, totalAfter: totalAfter)
            }
            if closes || items.contains(where: { Self.printsCode(input.records[$0]) }) { evidenced.insert(id) }
            found.append((id, findings))
        }
        return found.filter { evidenced.contains($0.0) }.flatMap(\.1)
    }

    private struct TableID: Hashable {
        let docID: String
        let table: Int
    }

    /// A budget code in the row (`1-03.01`, `01.2.01.01`) under `extra`.
    static func printsCode(_ r: Record) -> Bool {
        r.extra.values.contains { cell in
            guard let raw = cell.trimmedRaw, raw.contains("."), let first = raw.first, first.isNumber else { return false }
            return raw.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
        }
    }

    private func check(parent p: Int, _ lines: [BudgetLine], _ input: ValidationInput, closes: inout Bool,
                       totalAfter: (Int) -> Bool) -> [Finding] {
        guard let depth = lines[p].depth, depth < 2 else { return [] }
        var children: [BudgetLine] = []
        var closed = false
        for line in lines[(p + 1)...] {
            // A line of no budget level (a paket under its sub kegiatan) is
            // inside the group, not its end.
            guard let d = line.depth else {
                if line.level == nil { continue }
                closed = true   // an outcome row (sasaran, tujuan) ends it
                break
            }
            guard d > depth else { closed = true; break }
            if d == depth + 1 { children.append(line) }
        }
        guard !children.isEmpty else { return [] }
        if !closed, let last = lines.last?.rows.last, !totalAfter(last) {
            // The table ends inside the group: it is open.
            return []
        }
        return [(ValueField.pagu, RuleCode.rollupPagu), (.realisasiRp, .rollupRealisasiRp)].compactMap { field, rule in
            guard let printed = lines[p].amount(field, in: input),
                  let at = lines[p].row(printing: field, in: input),
                  let sum = budgetSum(children, field, in: input) else { return nil }
            if tolerance.sameMoney(printed, sum) {
                if printed != 0 { closes = true }
                return nil
            }
            let r = input.records[at]
            let childWord = depth == 0 ? "kegiatan" : "sub kegiatan"
            let what = field == .pagu ? "Pagu" : "Realisasi"
            let level = depth == 0 ? "program" : "kegiatan"
            return input.finding(at, field: field.rawValue, rule: rule,
                                 reported: r[field].trimmedRaw, expected: sum, message:
                "\(what) \(Wording.rupiah(printed)) of \(level) '\(Wording.budgetLabel(r))' (\(Wording.location(r))) is not the sum of its \(Wording.count(children.count, childWord + " row")), \(Wording.rupiah(sum)): it is \(Wording.difference(printed, from: sum)) the sum.")
        }
    }
}
