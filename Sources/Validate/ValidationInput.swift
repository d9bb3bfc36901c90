import Model

/// One finding with the position of its record in the batch, so findings
/// come out in document order whatever rule produced them.
struct Finding: Sendable {
    let recordIndex: Int
    let discrepancy: Discrepancy
}

/// The records of one batch (polarity already decided) with the views the
/// rules need: each record's row role, and the rows of every table of every
/// document in every period.
struct ValidationInput: Sendable {
    let records: [Record]
    /// Item, average or total, per record.
    let roles: [RowKind]
    /// Record indices of one (document, table, period), in row order.
    let tables: [[Int]]

    init(records: [Record], roles: [RowKind]) {
        self.records = records
        self.roles = roles
        var order: [TableKey] = []
        var groups: [TableKey: [Int]] = [:]
        for (i, r) in records.enumerated() {
            let key = TableKey(docID: r.docID, table: r.table, period: r.period)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        tables = order.map { key in groups[key]!.sorted { records[$0].row < records[$1].row } }
    }

    /// A finding about record `i`, with the severity its rule's spec gives
    /// (a warning instead for a `minor` miss of a rule whose spec says so).
    func finding(_ i: Int, field: String, rule: RuleCode, minor: Bool = false,
                 reported: String?, expected: Double?, message: String) -> Finding {
        guard let spec = RuleCatalogue.spec(rule) else { preconditionFailure("rule \(rule) has no RuleSpec") }
        precondition(!minor || spec.minorIsWarning, "rule \(rule) has no minor findings")
        return Finding(recordIndex: i, discrepancy: Discrepancy(
            about: records[i], field: field, rule: rule, severity: minor ? .warning : spec.severity,
            reported: reported, expected: expected, message: message))
    }

    private struct TableKey: Hashable {
        let docID: String
        let table: Int
        let period: Period
    }
}

/// A check over the records validated together.
protocol ValidationRule: Sendable {
    /// The rule codes its findings carry (each has a `RuleSpec`).
    var emits: [RuleCode] { get }
    func findings(in input: ValidationInput) -> [Finding]
}
