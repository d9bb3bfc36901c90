import Model

/// Reads a Pohon Kinerja (performance tree) or cascading document into the
/// indicator catalog. Three layouts are recognised, tried in this order:
///
/// 1. the table form (`TableForm`): a ruled table with indicator,
///    definition and formula columns;
/// 2. the diagram form (`DiagramForm`): boxes joined by connector lines, one
///    level per band;
/// 3. the cascading list form (`ListForm`): numbered goals and indicators
///    under headings, dash-bulleted sub-indicators.
///
/// Polarity is left positive here: Validate decides it (with the same
/// classifier as records) when the batch's catalogs and records meet.
public struct CatalogReader: Sendable {
    public var config: CatalogConfig

    public init(config: CatalogConfig = .init()) {
        self.config = config
    }

    /// The agency a document belongs to, from its title: the printed name
    /// and the key documents are compared by.
    public func agency(of document: IngestedDocument) -> (printed: String, key: String)? {
        AgencyName.find(in: document, config: config).map { ($0.printed, $0.key) }
    }

    /// The catalog entries of a performance-tree document, numbered in
    /// reading order; empty when none of the layouts is found.
    public func entries(of document: IngestedDocument) -> [IndicatorEntry] {
        let agency = AgencyName.find(in: document, config: config)
        let titleLines = document.pages.first.map { AgencyName.titleLines(of: $0).prefix(12).map(\.text) } ?? []
        let period = PageText.period(in: Array(titleLines))

        var drafts: [CatalogDraft] = []
        let tableRows = TableForm(config: config).rows(of: document)
        if !tableRows.isEmpty {
            drafts = tableDrafts(tableRows)
        }
        if drafts.isEmpty {
            drafts = DiagramForm(config: config).drafts(of: document)
        }
        if drafts.isEmpty {
            drafts = ListForm(config: config).drafts(of: document)
        }
        let style = NumberParser.inferStyle(of: drafts.compactMap(\.target))
        return drafts.enumerated().map { i, d in
            let target = TargetText(d.target, style: style)
            let parts = FormulaParts(formula: d.formula, indicator: d.indicator)
            return IndicatorEntry(
                docID: document.docID, sourceFile: document.sourceFile, page: d.page, bbox: d.bbox,
                level: d.level, goal: d.goal, indicator: d.indicator, parent: d.parent,
                definition: d.definition, formula: d.formula, numerator: parts.numerator,
                denominator: parts.denominator, multiplier: parts.multiplier, target: target.cell,
                unit: d.unit ?? target.unit, period: d.period ?? period, owner: d.owner ?? agency?.printed,
                crosscutting: d.crosscutting, key: IndicatorEntry.key(docID: document.docID, number: i + 1),
                name: d.name, agency: agency?.key)
        }
    }

    /// Entries of the table form. A row with an output statement is at the
    /// output level, its parent the indicator of the outcome row above it;
    /// an outcome row's parent is its mandate. Merged cells (number,
    /// mandate, outcome) carry down to the rows they cover.
    func tableDrafts(_ rows: [CatalogRow]) -> [CatalogDraft] {
        let form = TableForm(config: config)
        var drafts: [CatalogDraft] = []
        var mandate: String?
        var outcome: (goal: String?, indicator: String?)?
        for row in rows {
            if let n = row.text(.number), !n.isEmpty { mandate = nil; outcome = nil }
            if let m = row.text(.mandate) { mandate = m }
            let output = row.text(.output)
            let outcomeText = row.text(.outcome)
            guard let indicator = row.text(.indicator) else {
                if let o = outcomeText { outcome = (o, nil) }
                continue
            }
            var draft = CatalogDraft(page: row.page, bbox: row.bbox, level: .outcome, indicator: indicator)
            if let output {
                draft.level = .output
                draft.goal = output
                draft.parent = outcome?.indicator ?? outcome?.goal ?? mandate
            } else {
                draft.goal = outcomeText ?? row.text(.statement) ?? outcome?.goal ?? mandate
                draft.parent = mandate
                outcome = (draft.goal, indicator)
            }
            draft.definition = row.text(.definition)
            draft.formula = row.text(.formula)
            draft.target = row.text(.target)
            draft.unit = row.text(.unit)
            draft.crosscutting = form.agencies(row.lines[.crosscutting] ?? [])
            drafts.append(draft)
        }
        return drafts
    }
}
