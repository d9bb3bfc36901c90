import Model

/// `average.mismatch`: a printed group average (`Rata-rata capaian kinerja
/// sasaran`, `Rata-rata data kelompok tertimbang`) against the mean of the
/// printed capaian of the indicator rows above it in the same table and
/// period (since the previous average row). Only numeric capaian count,
/// including a `100` printed for a text-valued indicator.
struct AverageRule: ValidationRule {
    var emits: [RuleCode] { [.averageMismatch] }

    let tolerance: Tolerance

    func findings(in input: ValidationInput) -> [Finding] {
        var found: [Finding] = []
        for rows in input.tables {
            var group: [Int] = []
            for i in rows {
                switch input.roles[i] {
                case .item: group.append(i)
                case .total: group = []
                case .average:
                    if let f = check(average: i, over: group, input) { found.append(f) }
                    group = []
                }
            }
        }
        return found
    }

    private func check(average a: Int, over group: [Int], _ input: ValidationInput) -> Finding? {
        let r = input.records[a]
        let values = group.compactMap { input.records[$0].capaian.value }
        guard let printed = r.capaian.value, !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        guard !tolerance.accepts(printed, decimals: r.capaian.printedDecimals, computed: mean) else { return nil }
        let minor = tolerance.isMinor(printed, decimals: r.capaian.printedDecimals, computed: mean)
        return input.finding(a, field: "capaian", rule: .averageMismatch, minor: minor,
                             reported: r.capaian.trimmedRaw, expected: mean, message:
            "Group average \(Wording.printed(r.capaian)) ('\(Wording.label(r))', \(Wording.location(r))) is not the mean of the \(values.count) capaian printed above it (\(values.map { Wording.number($0) }.joined(separator: "; "))), which is \(Wording.number(mean))\(minor ? Wording.minorMiss : "").")
    }
}
