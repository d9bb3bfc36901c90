import Model

/// Turns the body rows of a logical table into records: one per row per
/// period.
struct RecordBuilder {
    var config: NormalizeConfig
    var context: DocumentContext
    var document: IngestedDocument

    /// Tables without a realisasi column (the targets an LKjIP repeats from
    /// its Perjanjian Kinerja, budget plans, staff tables) give no records.
    /// A Perjanjian Kinerja (performance agreement) itself is the exception:
    /// its targets and programme budgets are records before any result is.
    func givesRecords(_ table: LogicalTable) -> Bool {
        let measured: Set<ValueField> = context.kind.isPlan ? [.realisasi, .realisasiRp, .target, .pagu]
                                                            : [.realisasi, .realisasiRp]
        return table.roles.contains { $0.isLevelPagu || ($0.valueField.map(measured.contains) ?? false) }
    }

    /// The table's records, and apart from them the records of indicator
    /// rows that print nothing at all (`blank`): those are kept only where
    /// the same indicator prints in another period's table of the document
    /// (a quarterly workbook's sheet before the row had figures).
    func records(for table: LogicalTable) -> TableReading {
        var reading = read(table)
        var mapped = table
        if let roles = reading.readAs { mapped.roles = roles }
        reading.mapping = mapping(mapped)
        // A reason only for a table that prints figures.
        reading.printsFigures = printsFigures(table)
        if !reading.printsFigures {
            reading.reason = ""
        } else if reading.records.isEmpty, reading.reason.isEmpty {
            reading.reason = TableReading.noValueReason
        }
        return reading
    }

    /// The period of a value column with header period `hint` in `table`:
    /// a year as printed, a quarter of the table's year, a year relative to
    /// the form's plan year, or the table's own period.
    func periods(of table: LogicalTable) -> (PeriodHint?) -> Period? {
        let tablePeriod = context.period(caption: table.caption)
        let planYear = context.planYear(caption: table.caption)
        return { hint in
            switch hint {
            case .year(let y): return Period(year: y)
            case .quarter(let q): return (tablePeriod?.year).map { Period(year: $0, quarter: q) }
            case .relative(let offset): return planYear.map { Period(year: $0 + offset) }
            case nil: return tablePeriod
            }
        }
    }

    /// What each column of the table was read as, for `tables.csv`.
    func mapping(_ table: LogicalTable) -> [String] {
        let period = periods(of: table)
        return table.roles.map { role in
            switch role {
            case .value(let field, let hint):
                return field.rawValue + "@" + (period(hint).map(\.description) ?? "?")
            case .levelPagu(let level, _): return "pagu:" + level.rawValue
            case .code: return "code"
            case .extra: return "extra"
            case .ignored: return "ignored"
            case .number: return "number"
            case .tujuan: return "tujuan"
            case .sasaran: return "sasaran"
            case .name: return "name"
            case .indicator: return "indicator"
            case .formula: return "formula"
            case .unit: return "unit"
            case .category: return "category"
            }
        }
    }

    /// True when a body cell of the table prints a figure (a year alone
    /// does not count).
    func printsFigures(_ table: LogicalTable) -> Bool {
        table.rows.contains { row in
            row.cells.indices.contains { c in
                let text = row.ownText(c)
                guard case .number = NumberParser.read(text, style: context.numberStyle) else { return false }
                return HeaderTokens(text).year == nil || text.count > 4
            }
        }
    }

    private func read(_ table: LogicalTable) -> TableReading {
        if givesRecords(table), let (bands, trailing) = LevelBand.bands(of: table) {
            return bandRecords(table, bands: bands, trailing: trailing)
        }
        if let columns = LevelColumns.find(in: table) { return levelColumnRecords(table, columns) }
        return readPlain(table)
    }

    /// `wholeTableGives`: the band of a table that passed `givesRecords`
    /// as a whole (a band of targets beside a band with realisasi).
    func readPlain(_ table: LogicalTable, wholeTableGives: Bool = false) -> TableReading {
        guard !table.rows.isEmpty else { return TableReading(reason: "the table has no body rows") }
        guard table.roles.contains(where: { $0.valueField != nil || $0.isLevelPagu })
        else {
            return TableReading(reason: "no column header names a target, realisasi, capaian or budget figure")
        }
        guard wholeTableGives || givesRecords(table) else {
            return TableReading(reason: "a table of targets or budgets only in a \(context.kind.rawValue) document: plans repeated in a report are not records")
        }
        let roles = table.roles
        let col = { (role: ColumnRole) in roles.firstIndex(of: role) }
        let indicatorCol = col(.indicator), nameCol = col(.name)
        let codeCol = roles.firstIndex { if case .code = $0 { return true } else { return false } }
        let tujuanCol = col(.tujuan), sasaranCol = col(.sasaran), numberCol = col(.number)
        let unitCol = col(.unit), formulaCol = col(.formula), categoryCol = col(.category)
        let tablePeriod = context.period(caption: table.caption)
        let period = periods(of: table)

        // Number style: the column's own evidence first, then the document's.
        let styles: [NumberStyle?] = roles.indices.map { c in
            guard roles[c].valueField != nil else { return nil }
            return NumberParser.inferStyle(of: table.rows.map { $0.text(c) }) ?? context.numberStyle
        }
        let formats = ocrFormats(table, styles: styles)

        var periods: [Period] = []
        for role in roles {
            guard role.valueField != nil, let p = period(role.periodHint), !periods.contains(p) else { continue }
            periods.append(p)
        }
        guard !periods.isEmpty else {
            return TableReading(reason: "no year is printed in the table's header, its title or the document's title")
        }
        let lastPeriod = periods.max()!

        // Reads every row once.
        struct Draft {
            var row: BodyRow
            var label: String
            var kind: RowKind
            var values: [Period: [ValueField: (ValueCell, BBox)]]
            var extra: [String: ValueCell]
            var levelPagu: [BudgetLevel: (header: String, cell: ValueCell, box: BBox)]
            /// A unit printed after a figure, for tables without a unit column.
            var unit: String?
        }
        var drafts: [Draft] = []
        var hierarchy: [HierarchyInput] = []
        for row in table.rows {
            // List decoration is no part of the indicator (`• …`, `- …`).
            let indicator = indicatorCol.map { TextCleaner.droppingListMarker(ownText(row, $0, roles: roles)) } ?? ""
            // A name header over several grid columns (the paket's number in
            // one, its name in the next): the row's name is their text joined.
            let name = nameCol.map { first in
                nameColumns(from: first, in: table).filter { $0 == first || row.ownCell($0) != nil }
                    .map { ownText(row, $0, roles: roles) }
                    .filter { !$0.isEmpty }.joined(separator: " ")
            } ?? ""
            var label = indicator.isEmpty ? name : indicator
            // A sasaran or tujuan row that prints a figure of its own (the
            // sasaran's average above its indicators).
            if label.isEmpty { label = [sasaranCol, tujuanCol].compactMap { $0 }.map { ownText(row, $0, roles: roles) }
                .first { !$0.isEmpty } ?? "" }
            if label.isEmpty { label = spanningLabel(row, roles: roles) }
            // A further value line of the indicator above, its own cell left
            // empty (`Jumlah UTTP dan BDKT` printing one line per item).
            if label.isEmpty, indicatorCol != nil, name.isEmpty, let above = drafts.last, above.kind == .item {
                label = above.label
            }
            let kind = rowKind(label, hasIndicatorColumn: indicatorCol != nil)

            var values: [Period: [ValueField: (ValueCell, BBox)]] = [:]
            var extra: [String: ValueCell] = [:]
            var code: String?
            var levelPagu: [BudgetLevel: (header: String, cell: ValueCell, box: BBox)] = [:]
            var printedUnit: String?
            for (c, role) in roles.enumerated() {
                guard let cell = row.cells[c], row.startsHere[c], !spansLabel(cell, roles: roles) else { continue }
                var raw = TextCleaner.collapse(cell.text)
                // A unit printed after the figure goes to `unit`, not `raw`.
                if roles[c].valueField != nil || { if case .extra = role { return true } else { return false } }(),
                   let (figure, unit) = TextCleaner.splitUnit(raw, style: styles[c] ?? context.numberStyle) {
                    raw = figure
                    if printedUnit == nil, roles[c].valueField != nil { printedUnit = unit }
                }
                switch role {
                case .value(let field, let hint):
                    guard let p = period(hint) else { continue }
                    // The unit alone where the figure was left out (`RTP`).
                    if let unit = printedUnit ?? unitCol.map({ ownText(row, $0, roles: roles) }), raw == unit { continue }
                    let value = figure(raw, in: cell, format: formats[c], style: styles[c])
                    values[p, default: [:]][field] = (value, cell.bbox)
                case .code(let header) where !raw.isEmpty:
                    code = raw
                    extra[header] = ValueCell(raw: raw, value: nil)
                case .levelPagu(let level, let header) where !raw.isEmpty:
                    levelPagu[level] = (header, ValueCell(raw: raw, value: NumberParser.value(raw, style: styles[c])),
                                        cell.bbox)
                case .extra(let header) where !raw.isEmpty:
                    extra[header] = ValueCell(raw: raw, value: NumberParser.value(raw, style: context.numberStyle))
                default:
                    break
                }
            }
            // A numbered paket under a sub kegiatan prints its list number
            // in the name column: `1 Pembangunan Longstorage …`.
            var ownName = name
            if codeCol != nil, code == nil, let (number, rest) = TextCleaner.splitListNumber(name) {
                extra["No"] = ValueCell(raw: number, value: nil)
                ownName = rest
                if label == name { label = rest }
            }
            drafts.append(Draft(row: row, label: label, kind: kind, values: values, extra: extra,
                                levelPagu: levelPagu, unit: printedUnit))

            let nameCell = nameCol.flatMap { row.startsHere[$0] ? row.cells[$0] : nil }
            func outcome(_ c: Int?) -> String? {
                guard let c, let t = Optional(row.text(c)), !t.isEmpty else { return nil }
                return t
            }
            let budgets = periods.sorted().map { p in
                Budget(pagu: values[p]?[.pagu]?.0.value, realisasiRp: values[p]?[.realisasiRp]?.0.value)
            }
            hierarchy.append(HierarchyInput(
                ownName: ownName.isEmpty ? nil : ownName,
                tujuan: outcome(tujuanCol), sasaran: outcome(sasaranCol),
                outcomeStartsHere: [tujuanCol, sasaranCol].compactMap { $0 }.contains { row.startsHere[$0] && !row.text($0).isEmpty },
                bold: nameCell?.isBold ?? false, italic: nameCell?.isItalic ?? false,
                budgets: budgets,
                isTotal: kind == .total,
                isOrganisation: isOrganisation(name),
                codeDepth: code.flatMap(HierarchyBuilder.codeDepth),
                listNumber: numberCol.flatMap { row.startsHere[$0] ? Int(ownText(row, $0, roles: roles)
                    .trimmingCharacters(in: CharacterSetLite.punctuation)) : nil }))
        }
        let placements = HierarchyBuilder.place(hierarchy, hasNameColumn: nameCol != nil)

        // Several pagu columns, one per level: each row takes its own.
        let topLevel = [BudgetLevel.program, .kegiatan, .subKegiatan, .paket].first { level in
            drafts.contains { $0.levelPagu[level] != nil }
        }
        for (i, draft) in drafts.enumerated() where !draft.levelPagu.isEmpty {
            // A total, labelled or not, takes the highest level's column.
            let unlabelled = draft.label.isEmpty && placements[i].name == nil
            let own = draft.kind == .total || unlabelled ? topLevel : BudgetLevel(level: placements[i].level)
            for (level, entry) in draft.levelPagu {
                if level == own, let p = tablePeriod ?? periods.first {
                    drafts[i].values[p, default: [:]][.pagu] = (entry.cell, entry.box)
                } else {
                    drafts[i].extra[entry.header] = entry.cell
                }
            }
        }

        var records: [Record] = [], blank: [Record] = []
        let codeHeaders = Set(roles.compactMap { role -> String? in
            if case .code(let header) = role { return header } else { return nil }
        })
        for (i, draft) in drafts.enumerated() {
            // A row is a record when it prints a figure, or when it names an
            // indicator (a workbook row whose quarter has no data yet).
            // A row is a record when it prints something in a value column
            // (a figure, a dash, an error, a word), or a figure in a column
            // kept under `extra` (a Renstra target beside an empty year).
            let printsValue = draft.values.values.contains { $0.values.contains { $0.0.raw != nil } }
            let printsExtraFigure = draft.extra.contains { header, cell in
                guard header != "No", !codeHeaders.contains(header), let raw = cell.raw else { return false }
                switch NumberParser.read(raw, style: context.numberStyle) {
                case .number, .dash, .spreadsheetError: return true
                default: return false
                }
            }
            let namesIndicator = indicatorCol.map { !ownText(draft.row, $0, roles: roles).isEmpty } ?? false
            guard printsValue || printsExtraFigure || namesIndicator else { continue }
            let isBlank = !(printsValue || printsExtraFigure)
            let row = draft.row
            for p in periods {
                let cells = draft.values[p] ?? [:]
                // An average row reports only where it prints something.
                if draft.kind == .average, !cells.values.contains(where: { $0.0.raw != nil }) { continue }
                var record = Record(
                    docID: document.docID, sourceFile: document.sourceFile, page: row.page, bbox: row.bbox,
                    table: table.number, row: row.number, period: p,
                    level: placements[i].level, path: placements[i].path, name: placements[i].name,
                    indicator: draft.label,
                    unit: unitCol.map { ownText(row, $0, roles: roles) }.flatMap { $0.isEmpty ? nil : $0 } ?? draft.unit,
                    extra: draft.extra,
                    ocrConfidence: row.cells.compactMap { $0?.confidence }.min(),
                    formula: formulaCol.map { ownText(row, $0, roles: roles) }.flatMap { $0.isEmpty ? nil : $0 },
                    rowKind: draft.kind)
                for (field, cell) in cells {
                    record[field] = cell.0
                    record.cellBoxes[field.rawValue] = cell.1
                }
                if p == lastPeriod, let c = categoryCol {
                    let t = ownText(row, c, roles: roles)
                    record.category = t.isEmpty ? nil : t
                }
                if isBlank { blank.append(record) } else { records.append(record) }
            }
        }
        return TableReading(records: records, blank: blank)
    }

    /// The name column `first` and the columns right of it under the same
    /// header cell.
    func nameColumns(from first: Int, in table: LogicalTable) -> [Int] {
        var columns = [first]
        while let last = columns.last, last + 1 < table.roles.count, table.roles[last + 1] == .name,
              last + 1 < table.paths.count, table.paths[last + 1] == table.paths[first] {
            columns.append(last + 1)
        }
        return columns
    }

    /// Text of the cell in `column` when it starts in this row and is not a
    /// label spanning other columns (the label of an average row spans the
    /// unit and value columns too).
    func ownText(_ row: BodyRow, _ column: Int, roles: [ColumnRole]) -> String {
        guard row.startsHere[column], let cell = row.cells[column] else { return "" }
        if cell.column != column && spansLabel(cell, roles: roles) { return "" }
        return TextCleaner.collapse(cell.text)
    }

    /// A cell spanning several columns including a value column: the label
    /// of an average or total row.
    func spansLabel(_ cell: GridCell, roles: [ColumnRole]) -> Bool {
        guard cell.columnSpan > 1 else { return false }
        let spanned = roles[cell.column..<min(cell.column + cell.columnSpan, roles.count)]
        return spanned.contains { $0.valueField == nil }
    }

    /// The text of the first cell of the row that spans several columns.
    func spanningLabel(_ row: BodyRow, roles: [ColumnRole]) -> String {
        for (c, cell) in row.cells.enumerated() {
            guard let cell, row.startsHere[c], cell.column == c, cell.columnSpan > 1, !cell.isEmpty else { continue }
            let text = TextCleaner.collapse(cell.text)
            // A figure spanning columns is a value, not a label.
            if case .number = NumberParser.read(text, style: context.numberStyle) { continue }
            return text
        }
        return ""
    }

    /// The agency's own row (`DINAS SOSIAL`): capitals, starting with an
    /// organisation word from `pipeline.yml`.
    func isOrganisation(_ name: String) -> Bool {
        let letters = name.filter(\.isLetter)
        guard !letters.isEmpty, letters.allSatisfy(\.isUppercase) else { return false }
        let key = TextCleaner.key(name)
        return config.organisationPrefixes.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// Average rows start with `Rata-rata`; total rows are `Jumlah`/`TOTAL`
    /// (in a table with an indicator column only the bare label counts, as
    /// `Jumlah dokumen …` is an indicator there).
    func rowKind(_ label: String, hasIndicatorColumn: Bool) -> RowKind {
        let key = TextCleaner.key(label).trimmingCharacters(in: CharacterSetLite.punctuation)
        if config.averageLabels.contains(where: { key.hasPrefix($0) }) { return .average }
        if config.totalLabels.contains(key) { return .total }
        if !hasIndicatorColumn, config.totalLabels.contains(where: { key.hasPrefix($0 + " ") }) { return .total }
        return .item
    }
}

/// The records of one table, and what the table was read as.
struct TableReading {
    var records: [Record] = []
    /// Records of rows that print nothing (see `RecordBuilder.records(for:)`).
    var blank: [Record] = []
    var mapping: [String] = []
    /// The roles the columns were read with, when not their headers' own
    /// (a figure of an outer level kept as `extra`).
    var readAs: [ColumnRole]?
    /// Why a table that prints figures gave no records; "" otherwise.
    var reason: String = ""
    /// True when a body cell prints a figure.
    var printsFigures = false

    static let noValueReason = "no row prints a value in the columns read as figures"
}

/// Punctuation trimmed from labels (`JUMLAH :`).
enum CharacterSetLite {
    static let punctuation: Set<Character> = [":", ".", ",", ";", " ", "*"]
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension NumberParser {
    /// The number a cell reads as, nil for anything else.
    static func value(_ raw: String, style: NumberStyle?) -> Double? {
        if case .number(let v, _) = read(raw, style: style) { return v }
        return nil
    }
}
