import Model

/// Recomputes the capaian (kinerja achievement) of every indicator row:
/// - `capaian.mismatch`: printed ≠ recomputed beyond rounding;
/// - `capaian.polarity`: printed matches the other polarity's formula;
/// - `capaian.cap`: printed as a cap value (100, 120) while the uncapped
///   capaian is higher and no cap is declared;
/// - `capaian.div0` / `capaian.div0_target_zero`: a `#DIV/0!` cell;
/// - `capaian.no_data`: a capaian printed against a target without a realisasi.
/// One finding per cell at most.
struct CapaianRule: ValidationRule {
    var emits: [RuleCode] { [.capaianMismatch, .capaianPolarity, .capaianDiv0, .capaianDiv0TargetZero, .capaianCap, .capaianNoData] }

    let tolerance: Tolerance
    let checks: ValidateConfig.Checks
    private let noData: PhraseList

    init(tolerance: Tolerance, checks: ValidateConfig.Checks) {
        self.tolerance = tolerance
        self.checks = checks
        noData = PhraseList(checks.noDataPhrases)
    }

    func findings(in input: ValidationInput) -> [Finding] {
        input.records.indices.compactMap { i in
            input.roles[i] == .item ? check(input.records[i], i, input) : nil
        }
    }

    private func check(_ r: Record, _ i: Int, _ input: ValidationInput) -> Finding? {
        if r.capaian.isDivisionByZero { return divisionByZero(r, i, input) }
        guard let printed = printedValue(r.capaian) else { return nil }
        let decimals = r.capaian.value == nil ? 0 : r.capaian.printedDecimals

        // A capaian of 0 claims nothing (spreadsheets print 0 for an empty realisasi).
        if let claimed = r.capaian.value, claimed != 0, r.target.trimmedRaw != nil,
           checks.capaianWithoutData, isNoData(r.realisasi) {
            return input.finding(i, field: "capaian", rule: .capaianNoData,
                                 reported: r.capaian.trimmedRaw, expected: nil, message:
                "Capaian \(Wording.printed(r.capaian)) is printed for '\(Wording.label(r))' although the realisasi is \(Wording.printed(r.realisasi)); without a measured realisasi no capaian can be claimed (\(Wording.location(r))).")
        }
        guard let target = r.target.value, let realisasi = r.realisasi.value, target != 0 else { return nil }

        let own = r.polarity
        let expected = capped(CapaianFormula.capaian(own, target: target, realisasi: realisasi))
        let ownFormula = { (t: Double, x: Double) in self.capped(CapaianFormula.capaian(own, target: t, realisasi: x)) }
        if tolerance.accepts(printed, decimals: decimals, inputs: r.target, r.realisasi, formula: ownFormula) {
            return nil
        }
        let other = own.other
        let otherFormula = { (t: Double, x: Double) in CapaianFormula.capaian(other, target: t, realisasi: x) }
        if tolerance.accepts(printed, decimals: decimals, inputs: r.target, r.realisasi, formula: otherFormula) {
            let ownWords = own == .negative ? "lower-is-better" : "higher-is-better"
            return input.finding(i, field: "capaian", rule: .capaianPolarity,
                                 reported: r.capaian.trimmedRaw, expected: expected, message:
                "Capaian \(Wording.printed(r.capaian)) of '\(Wording.label(r))' (\(Wording.location(r))) was computed as \(CapaianFormula.describe(other)); the indicator is \(ownWords) (\(r.polarityBasis ?? own.rawValue)), so with target \(Wording.printed(r.target)) and realisasi \(Wording.printed(r.realisasi)) it should be \(CapaianFormula.describe(own)) = \(Wording.number(expected)).")
        }
        if checks.undeclaredCap, checks.declaredCap == nil,
           checks.capValues.contains(where: { abs($0 - printed) < 1e-9 }),
           expected > printed + tolerance.window(decimals: decimals) {
            return input.finding(i, field: "capaian", rule: .capaianCap,
                                 reported: r.capaian.trimmedRaw, expected: expected, message:
                "Capaian \(Wording.printed(r.capaian)) of '\(Wording.label(r))' (\(Wording.location(r))) looks capped: target \(Wording.printed(r.target)) and realisasi \(Wording.printed(r.realisasi)) give \(Wording.number(expected)), and the report declares no cap.")
        }
        let minor = tolerance.isMinor(printed, decimals: decimals, computed: expected)
        return input.finding(i, field: "capaian", rule: .capaianMismatch, minor: minor,
                             reported: r.capaian.trimmedRaw, expected: expected, message:
            "Capaian \(Wording.printed(r.capaian)) of '\(Wording.label(r))' (\(Wording.location(r))) does not match target \(Wording.printed(r.target)) and realisasi \(Wording.printed(r.realisasi)): \(CapaianFormula.describe(own)) = \(Wording.number(expected))\(minor ? Wording.minorMiss : "").")
    }

    /// `#DIV/0!`: an error when target and realisasi are printed numbers and
    /// the target is not zero (the figure was computable), otherwise info.
    private func divisionByZero(_ r: Record, _ i: Int, _ input: ValidationInput) -> Finding {
        if let target = r.target.value, target != 0, let realisasi = r.realisasi.value {
            let expected = capped(CapaianFormula.capaian(r.polarity, target: target, realisasi: realisasi))
            return input.finding(i, field: "capaian", rule: .capaianDiv0,
                                 reported: r.capaian.trimmedRaw, expected: expected, message:
                "Capaian of '\(Wording.label(r))' (\(Wording.location(r))) shows #DIV/0! although target \(Wording.printed(r.target)) and realisasi \(Wording.printed(r.realisasi)) give \(CapaianFormula.describe(r.polarity)) = \(Wording.number(expected)); the figure should be printed.")
        }
        let cause = (r.target.value ?? 0) == 0
            ? "the target is \(Wording.divisor(r.target))"
            : "the realisasi is not a printed number (\(Wording.printed(r.realisasi)))"
        return input.finding(i, field: "capaian", rule: .capaianDiv0TargetZero,
                             reported: r.capaian.trimmedRaw, expected: nil, message:
            "Capaian of '\(Wording.label(r))' (\(Wording.location(r))) shows #DIV/0! because \(cause); set a target or print the capaian as not applicable.")
    }

    /// The printed capaian as a number; a dash reads as 0 when configured.
    private func printedValue(_ cell: ValueCell) -> Double? {
        if let v = cell.value { return v }
        if checks.dashCapaianIsZero, cell.isDash { return 0 }
        return nil
    }

    private func isNoData(_ cell: ValueCell) -> Bool {
        guard cell.value == nil else { return false }
        guard let raw = cell.trimmedRaw else { return true }
        return cell.isDash || noData.isExactly(Words(raw))
    }

    private func capped(_ x: Double) -> Double {
        checks.declaredCap.map { min(x, $0) } ?? x
    }
}

extension ValueCell {
    /// True for a `#DIV/0!` cell (a spreadsheet formula divided by an empty
    /// or zero cell).
    var isDivisionByZero: Bool {
        guard isSpreadsheetError, let r = trimmedRaw?.uppercased() else { return false }
        return r.contains("DIV")
    }
}
