import Model

/// `total.mismatch`: a printed total (`Jumlah`, `TOTAL`) against the sum of
/// the rows it totals: the programs (the top level present) of a
/// hierarchical table, or every line of a flat one, since the previous
/// total of the same table and period. Fields `pagu` and `realisasi_rp`.
struct TotalRule: ValidationRule {
    var emits: [RuleCode] { [.totalMismatch] }

    let tolerance: Tolerance

    func findings(in input: ValidationInput) -> [Finding] {
        input.tables.flatMap { rows -> [Finding] in
            var pending: [Int] = []
            var found: [Finding] = []
            for i in rows {
                switch input.roles[i] {
                case .item: pending.append(i)
                case .average: continue
                case .total:
                    found += check(total: i, over: BudgetLine.lines(of: pending, in: input), input)
                    pending = []
                }
            }
            return found
        }
    }

    private func check(total t: Int, over lines: [BudgetLine], _ input: ValidationInput) -> [Finding] {
        let top = lines.compactMap(\.depth).min()
        let totalled = top.map { d in lines.filter { $0.depth == d } } ?? lines
        guard !totalled.isEmpty else { return [] }
        let r = input.records[t]
        return [ValueField.pagu, .realisasiRp].compactMap { field in
            guard let printed = r[field].value ?? (r[field].isDash ? 0 : nil),
                  let sum = budgetSum(totalled, field, in: input),
                  !tolerance.sameMoney(printed, sum) else { return nil }
            let kind = top == 0 ? "program row" : top == nil ? "row" : "top-level row"
            return input.finding(t, field: field.rawValue, rule: .totalMismatch,
                                 reported: r[field].trimmedRaw, expected: sum, message:
                "The \(r.indicator) \(field == .pagu ? "pagu" : "realisasi") \(Wording.rupiah(printed)) (\(Wording.location(r))) is not the sum of the \(Wording.count(totalled.count, kind)) above it, \(Wording.rupiah(sum)): it is \(Wording.difference(printed, from: sum)) the sum.")
        }
    }
}
