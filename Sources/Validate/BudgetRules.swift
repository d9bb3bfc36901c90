import Model

/// Checks of a row's own budget figures. Pagu is the budget ceiling,
/// realisasi Rp the amount spent, capaian anggaran the absorption
/// ("serapan") realisasi Rp / pagu × 100.
/// - `anggaran.mismatch`: printed capaian anggaran ≠ recomputed;
/// - `capaian.div0` / `capaian.div0_target_zero` (field `capaian_anggaran`):
///   a `#DIV/0!` in the capaian anggaran column;
/// - `anggaran.overrun`: realisasi Rp above the pagu.
/// No check is made where pagu or realisasi Rp is empty, `-`, text or an error.
struct BudgetRules: ValidationRule {
    var emits: [RuleCode] { [.anggaranMismatch, .anggaranOverrun, .capaianDiv0, .capaianDiv0TargetZero] }

    let tolerance: Tolerance
    let dashIsZero: Bool

    func findings(in input: ValidationInput) -> [Finding] {
        input.records.indices.flatMap { i -> [Finding] in
            guard input.roles[i] != .average else { return [] }
            return [absorption(input.records[i], i, input), overrun(input.records[i], i, input)].compactMap { $0 }
        }
    }

    private func absorption(_ r: Record, _ i: Int, _ input: ValidationInput) -> Finding? {
        let cell = r.capaianAnggaran
        if cell.isDivisionByZero {
            if let pagu = r.pagu.value, pagu != 0, let spent = r.realisasiRp.value {
                let expected = CapaianFormula.anggaran(pagu: pagu, realisasiRp: spent)
                return input.finding(i, field: "capaian_anggaran", rule: .capaianDiv0,
                                     reported: cell.trimmedRaw, expected: expected, message:
                    "Capaian anggaran of '\(Wording.budgetLabel(r))' (\(Wording.location(r))) shows #DIV/0! although realisasi \(Wording.rupiah(spent)) / pagu \(Wording.rupiah(pagu)) gives \(Wording.number(expected)); the figure should be printed.")
            }
            let cause = (r.pagu.value ?? 0) == 0
                ? "the pagu is \(Wording.divisor(r.pagu))"
                : "the realisasi Rp is not a printed number (\(Wording.printed(r.realisasiRp)))"
            return input.finding(i, field: "capaian_anggaran", rule: .capaianDiv0TargetZero,
                                 reported: cell.trimmedRaw, expected: nil, message:
                "Capaian anggaran of '\(Wording.budgetLabel(r))' (\(Wording.location(r))) shows #DIV/0! because \(cause).")
        }
        guard let pagu = r.pagu.value, pagu != 0, let spent = r.realisasiRp.value else { return nil }
        guard let printed = cell.value ?? (dashIsZero && cell.isDash ? 0 : nil) else { return nil }
        let decimals = cell.value == nil ? 0 : cell.printedDecimals
        let expected = CapaianFormula.anggaran(pagu: pagu, realisasiRp: spent)
        guard !tolerance.accepts(printed, decimals: decimals, computed: expected) else { return nil }
        let minor = tolerance.isMinor(printed, decimals: decimals, computed: expected)
        return input.finding(i, field: "capaian_anggaran", rule: .anggaranMismatch, minor: minor,
                             reported: cell.trimmedRaw, expected: expected, message:
            "Capaian anggaran \(Wording.printed(cell)) of '\(Wording.budgetLabel(r))' (\(Wording.location(r))) does not match realisasi \(Wording.rupiah(spent)) / pagu \(Wording.rupiah(pagu)) × 100 = \(Wording.number(expected))\(minor ? Wording.minorMiss : "").")
    }

    private func overrun(_ r: Record, _ i: Int, _ input: ValidationInput) -> Finding? {
        guard let pagu = r.pagu.value, let spent = r.realisasiRp.value,
              spent > pagu, !tolerance.sameMoney(spent, pagu) else { return nil }
        return input.finding(i, field: "realisasi_rp", rule: .anggaranOverrun,
                             reported: r.realisasiRp.trimmedRaw, expected: pagu, message:
            "Realisasi \(Wording.rupiah(spent)) of '\(Wording.budgetLabel(r))' (\(Wording.location(r))) exceeds its pagu \(Wording.rupiah(pagu)) by \(Wording.rupiah(spent - pagu)); spending above the budget ceiling needs a budget revision (pergeseran/perubahan anggaran) or a correction.")
    }
}
