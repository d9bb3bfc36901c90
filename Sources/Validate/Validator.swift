import Model

/// What Validate hands on: the records with their polarity decided, and
/// every finding in document order.
public struct ValidationResult: Sendable {
    public var records: [Record]
    public var discrepancies: [Discrepancy]
    /// The batch's indicator catalog with each entry's polarity decided.
    public var indicators: [IndicatorEntry]

    public init(records: [Record], discrepancies: [Discrepancy], indicators: [IndicatorEntry] = []) {
        self.records = records
        self.discrepancies = discrepancies
        self.indicators = indicators
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

    /// The rule codes this validator's checks can emit (as configured).
    public var emits: Set<RuleCode> { Set(rules.flatMap(\.emits)).union(PolarityConflictRule.codes) }

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
        validate(records, catalog: .empty)
    }

    /// As `validate(_:)`, with the batch's indicator catalog: each entry's
    /// polarity is decided from its own wording; a record whose indicator
    /// matches an entry of its agency takes the entry's polarity and names
    /// it in `indicator_ref`, and `polarity.conflict` reports a capaian the
    /// document computed with the polarity its catalog contradicts.
    public func validate(_ records: [Record], catalog: IndicatorCatalog) -> ValidationResult {
        let entries = CatalogLinker.classify(catalog.entries, with: classifier)
        let linker = CatalogLinker(catalog: catalog)
        let classified = records.map { record -> Record in
            var r = record
            let decision = classifier.classify(r)
            r.polarity = decision.polarity
            r.polarityBasis = decision.basis
            if !entries.isEmpty, let i = linker.match(r, in: entries) {
                r.indicatorRef = entries[i].key
                r.polarity = entries[i].polarity
                r.polarityBasis = "catalog \(entries[i].key): \(entries[i].polarityBasis ?? entries[i].polarity.rawValue)"
            }
            return r
        }
        let input = ValidationInput(records: classified, roles: classified.map(roles.role))
        var findings = rules.flatMap { $0.findings(in: input) }
        if !entries.isEmpty {
            let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            // For a linked record the conflict with its catalog replaces capaian.polarity.
            findings.removeAll { $0.discrepancy.rule == .capaianPolarity && input.records[$0.recordIndex].indicatorRef != nil }
            findings += PolarityConflictRule(tolerance: Tolerance(config.tolerance), entries: byKey).findings(in: input)
        }
        let ordered = findings.enumerated().sorted { a, b in
            (a.element.recordIndex, a.offset) < (b.element.recordIndex, b.offset)
        }
        return ValidationResult(records: classified, discrepancies: ordered.map(\.element.discrepancy),
                                indicators: entries)
    }
}
