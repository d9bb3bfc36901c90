import Model

/// What Validate hands on: the records with their polarity decided, and
/// every finding in document order.
public struct ValidationResult: Sendable {
    public var records: [Record]
    public var discrepancies: [Discrepancy]

    public init(records: [Record], discrepancies: [Discrepancy]) {
        self.records = records
        self.discrepancies = discrepancies
    }
}

/// Stage 3: decides each record's polarity, then recomputes every printed
/// figure (capaian, capaian anggaran, roll-ups, totals, averages, rating
/// labels, quarterly series) and reports what does not add up.
public struct Validator: Sendable {
    public let config: ValidateConfig
    private let classifier: PolarityClassifier
    private let roles: RowRoleResolver
    private let rules: [any ValidationRule]

    public init(config: ValidateConfig) {
        self.config = config
        classifier = PolarityClassifier(config.polarity)
        roles = RowRoleResolver(config: config)
        let tolerance = Tolerance(config.tolerance)
        let checks = config.checks
        var rules: [any ValidationRule] = [
            CapaianRule(tolerance: tolerance, checks: checks),
            BudgetRules(tolerance: tolerance, dashIsZero: checks.dashCapaianIsZero),
            RollupRule(tolerance: tolerance),
            TotalRule(tolerance: tolerance),
            CategoryRule(chooser: RatingScaleChooser(config: config)),
            AverageRule(tolerance: tolerance),
            QuarterRegression(acrossDocuments: checks.quarterRegressionAcrossDocuments,
                              nonCumulativeShare: checks.quarterNonCumulativeShare),
            CellRules(unparsed: checks.valueUnparsed, spreadsheetErrors: checks.spreadsheetErrors),
        ]
        if checks.ordinalTargets { rules.append(OrdinalTargetRule(scales: config.ordinalScales)) }
        self.rules = rules
    }

    /// Infers each record's polarity (setting `polarity` and
    /// `polarityBasis`), then recomputes every figure. Records may come from
    /// several documents of one batch; quarterly series are also followed
    /// across documents of the same agency and year (`AgencyKey`).
    public func validate(_ records: [Record]) -> ValidationResult {
        let classified = records.map { record -> Record in
            var r = record
            let decision = classifier.classify(r)
            r.polarity = decision.polarity
            r.polarityBasis = decision.basis
            return r
        }
        let batch = Batch(records: classified, roles: classified.map(roles.role))
        let findings = rules.flatMap { $0.findings(in: batch) }
        let ordered = findings.enumerated().sorted { a, b in
            (a.element.recordIndex, a.offset) < (b.element.recordIndex, b.offset)
        }
        return ValidationResult(records: classified, discrepancies: ordered.map(\.element.discrepancy))
    }
}
