import Model

/// A body row of a logical table: the cells covering each column.
struct BodyRow {
    var page: Int
    var bbox: BBox
    /// The cell covering each column (merged cells repeat), by column.
    var cells: [GridCell?]
    /// True for the columns whose covering cell starts in this row (false
    /// for the lower rows of a cell merged down).
    var startsHere: [Bool]
    /// 1-based row number within the table.
    var number: Int

    /// Text of the cell covering `column`, "" when none.
    func text(_ column: Int) -> String {
        guard column < cells.count, let c = cells[column] else { return "" }
        return TextCleaner.collapse(c.text)
    }

    /// The cell that starts in this row at `column` itself (not merged down
    /// from above, nor spanning in from the left), nil otherwise.
    func ownCell(_ column: Int) -> GridCell? {
        guard column < cells.count, startsHere[column], let cell = cells[column], cell.column == column else { return nil }
        return cell
    }

    /// Text of `ownCell(column)`, "" when there is none.
    func ownText(_ column: Int) -> String {
        ownCell(column).map { TextCleaner.collapse($0.text) } ?? ""
    }

    /// The non-empty cells that start in this row, with their columns.
    var ownCells: [(column: Int, cell: GridCell)] {
        cells.indices.compactMap { c in ownCell(c).flatMap { $0.isEmpty ? nil : (c, $0) } }
    }
}

/// A table as the document means it: one header, and body rows that may
/// run over several pages.
struct LogicalTable {
    /// 1-based table number within the document.
    var number: Int
    var roles: [ColumnRole]
    var headerTexts: [String]
    var rows: [BodyRow]
    var firstPage: Int
    /// Lines of text printed above the table on its first page (title,
    /// caption, `TRIWULAN II` …), top to bottom.
    var caption: [String]
    /// Each column's header path, outermost first.
    var paths: [[String]] = []
    var lastPage: Int = 0
    var columnCount: Int = 0
}

/// Joins page grids into logical tables: drops the header repeated on each
/// page and keeps a table that continues over pages as one.
struct TableAssembler {
    var mapper: HeaderMapper
    /// Every word a header cell may hold (from the synonyms).
    let vocabulary: Set<String>

    init(mapper: HeaderMapper) {
        self.mapper = mapper
        vocabulary = mapper.vocabulary
    }

    /// Columns of words that describe a row (not its figures).
    static let descriptive: Set<ColumnRole> = [.tujuan, .sasaran, .name, .indicator, .formula, .unit]

    func assemble(_ document: IngestedDocument, furniture: Set<String>) -> [LogicalTable] {
        assembleGrids(document, furniture: furniture).map { table in
            var table = table
            table.rows = joinListContinuations(table.rows, roles: table.roles)
            return table
        }
    }

    /// In a column whose items open with a list marker (`- Jumlah …`,
    /// `• Tercukupinya …`, in two rows or more), a row that opens with no
    /// marker and prints nothing but text in descriptive columns is the
    /// wrapped end of the item above (`Tanah` under `- Jumlah Produksi
    /// Kacang`): its lines join that item.
    func joinListContinuations(_ rows: [BodyRow], roles: [ColumnRole]) -> [BodyRow] {
        guard let listColumn = roles.indices.first(where: { c in
            (roles[c] == .indicator || roles[c] == .name)
                && rows.filter({ TextCleaner.listMarker($0.ownText(c)) != nil }).count >= 2
        }) else { return rows }
        var out: [BodyRow] = []
        for row in rows {
            let own = row.ownCells
            let text = row.ownText(listColumn)
            if var last = out.last, last.page == row.page, !text.isEmpty, TextCleaner.listMarker(text) == nil,
               !own.isEmpty, own.allSatisfy({ $0.column < roles.count && Self.descriptive.contains(roles[$0.column]) }),
               let above = last.cells[listColumn], TextCleaner.listMarker(TextCleaner.collapse(above.text)) != nil {
                for (c, cell) in own {
                    if var target = last.cells[c] {
                        target.lines += cell.lines
                        last.cells[c] = target
                    } else {
                        last.cells[c] = cell
                        last.startsHere[c] = true
                    }
                }
                last.bbox = BBox(x0: last.bbox.x0, y0: last.bbox.y0, x1: last.bbox.x1, y1: max(last.bbox.y1, row.bbox.y1))
                out[out.count - 1] = last
                continue
            }
            out.append(row)
        }
        // Rows keep consecutive numbers.
        var number = out.first?.number ?? 1
        for i in out.indices { out[i].number = number; number += 1 }
        return out
    }

    private func assembleGrids(_ document: IngestedDocument, furniture: Set<String>) -> [LogicalTable] {
        var tables: [LogicalTable] = []
        var previousGrid: TableGrid?
        for page in document.pages {
            for (index, grid) in page.tables.enumerated() {
                let headerRows = grid.headerRowCount ?? headerRowCount(grid, vocabulary: vocabulary)
                let header = headerPaths(grid, headerRows: headerRows)
                let above = linesAbove(grid, on: page, previous: index > 0 ? page.tables[index - 1] : nil)
                    .filter { !furniture.contains(TextCleaner.furnitureKey($0)) }
                let continues: Bool = {
                    guard index == 0, let prev = previousGrid, let last = tables.last,
                          prev.page == grid.page - 1, above.isEmpty,
                          prev.columnCount == grid.columnCount else { return false }
                    let aligned = zip(prev.columnEdges, grid.columnEdges).allSatisfy { abs($0 - $1) < 4 }
                    if headerRows > 0 { return aligned && header.texts == last.headerTexts }
                    return aligned
                }()
                let bodyStart = headerRows
                if continues {
                    var last = tables.removeLast()
                    var rows = StackedRowSplitter(roles: last.roles)
                        .split(bodyRows(grid, from: bodyStart, firstNumber: (last.rows.last?.number ?? 0) + 1))
                    joinCarriedOverText(of: &rows, to: &last)
                    last.rows += rows
                    last.lastPage = grid.page
                    tables.append(last)
                } else {
                    let body = bodyRows(grid, from: bodyStart, firstNumber: 1)
                    let roles = unitColumns(mapper.resolve(header.paths.map { mapper.role(for: $0) }, paths: header.paths),
                                            paths: header.paths, rows: body)
                    tables.append(LogicalTable(number: tables.count + 1, roles: roles, headerTexts: header.texts,
                                               rows: StackedRowSplitter(roles: roles).split(body),
                                               firstPage: grid.page, caption: above, paths: header.paths,
                                               lastPage: grid.page, columnCount: grid.columnCount))
                }
                previousGrid = grid
            }
        }
        return tables
    }

    /// A value column split in two under one header cell, the figure on the
    /// left and its unit on the right (`85 | %`, `75 | unit`, `1,060,632 |
    /// ton`): the right column, whose cells hold only short words, is a unit
    /// column, not a second copy of the value.
    func unitColumns(_ roles: [ColumnRole], paths: [[String]], rows: [BodyRow]) -> [ColumnRole] {
        var roles = roles
        for c in roles.indices.dropFirst() where roles[c].valueField != nil && roles[c] == roles[c - 1]
            && c < paths.count && paths[c] == paths[c - 1] {
            let texts = rows.map { $0.ownText(c) }.filter { !$0.isEmpty }
            let unitLike = texts.allSatisfy { text in
                !text.contains(where: \.isNumber) && text.split(separator: " ").count <= 3 && text != "-"
            }
            if !texts.isEmpty, unitLike { roles[c] = .unit }
        }
        return roles
    }

    /// Header rows: the leading rows whose cells are header words, not
    /// figures (a column-number row `(1) (2) …` counts as header).
    func headerRowCount(_ grid: TableGrid, vocabulary: Set<String>) -> Int {
        var count = 0
        for r in 0..<grid.rowCount {
            let cells = grid.cells(inRow: r).filter { !$0.isEmpty }
            let coveredFromAbove = (0..<grid.columnCount).contains { c in
                guard let cell = grid.cell(coveringRow: r, column: c) else { return false }
                return cell.row < r && cell.row < count
            }
            if cells.isEmpty {
                if coveredFromAbove { count += 1; continue }
                break
            }
            if isColumnNumberRow(cells) { count += 1; continue }
            let figures = cells.contains { cell in
                let t = TextCleaner.collapse(cell.text)
                guard case .number = NumberParser.read(t, style: nil) else { return false }
                return HeaderTokens(t).year == nil
            }
            let headerish = cells.filter { mapper.isHeaderCell($0.text, vocabulary: vocabulary) }.count
            if !figures, headerish * 2 >= cells.count { count += 1 } else { break }
        }
        return count
    }

    /// `(1) (2) (3) …` or `1 2 3 …` under the header. Text of a merged
    /// cell from the page before may spill into it, so most cells (not all)
    /// must hold a number. The numbers rise left to right; they may skip
    /// (`2 3 7 8 9 10 14` where the sheet hides columns).
    func isColumnNumberRow(_ cells: [GridCell]) -> Bool {
        guard cells.count >= 3 else { return false }
        // Every cell a bracketed number: the form alone says it, whatever
        // the digits (OCR reads `(1) (2) (3) (4)` as `(4) (2) (8) (4)`).
        let bracketed = cells.allSatisfy { cell in
            let t = cell.text.filter { !$0.isWhitespace }
            return t.count >= 3 && t.count <= 4 && t.first == "(" && t.last == ")"
                && t.dropFirst().dropLast().allSatisfy(\.isNumber)
        }
        if bracketed { return true }
        let numbers = cells.compactMap { cell -> Int? in
            for word in cell.words {
                var t = word.text
                // `8=(7/6)`, `10=(5+7+9)`: the column's number and its formula.
                if let eq = t.firstIndex(of: "="), eq > t.startIndex { t = String(t[..<eq]) }
                guard t.count <= 4 else { continue }
                t.removeAll { $0 == "(" || $0 == ")" }
                // `3a`, `3b`: columns added between 3 and 4.
                if let last = t.last, last.isLetter, last.isLowercase, t.count >= 2 { t.removeLast() }
                if let n = Int(t) { return n }
            }
            return nil
        }
        guard Double(numbers.count) >= Double(cells.count) * 0.75, let first = numbers.first, first <= 3 else {
            return false
        }
        let steps = zip(numbers, numbers.dropFirst()).map { $1 - $0 }
        guard steps.allSatisfy({ $0 >= 0 && $0 <= 6 }), steps.filter({ $0 == 0 }).count * 2 <= steps.count else {
            return false
        }
        // Consecutive numbers are the common form; skips need every cell to
        // be a bare number, or a data row of small counts could pass.
        return steps.allSatisfy { $0 <= 1 } || numbers.count == cells.count
    }

    /// Each column's header texts, outermost first; and the whole header
    /// as one list for comparing repeated headers.
    func headerPaths(_ grid: TableGrid, headerRows: Int) -> (paths: [[String]], texts: [String]) {
        var paths: [[String]] = Array(repeating: [], count: grid.columnCount)
        var texts: [String] = []
        for r in 0..<headerRows {
            let cells = grid.cells(inRow: r)
            if isColumnNumberRow(cells.filter { !$0.isEmpty }) { continue }
            for cell in cells where !cell.isEmpty {
                let t = TextCleaner.collapse(cell.text)
                texts.append(t)
                for c in cell.column..<min(cell.column + cell.columnSpan, grid.columnCount) { paths[c].append(t) }
            }
        }
        return (paths, texts)
    }

    func bodyRows(_ grid: TableGrid, from start: Int, firstNumber: Int) -> [BodyRow] {
        var rows: [BodyRow] = []
        var number = firstNumber
        guard start < grid.rowCount else { return [] }
        for r in start..<grid.rowCount {
            var cells: [GridCell?] = []
            var starts: [Bool] = []
            for c in 0..<grid.columnCount {
                let cell = grid.cell(coveringRow: r, column: c)
                // A cell merged down from the header is not body text.
                if let cell, cell.row < start { cells.append(nil); starts.append(false); continue }
                cells.append(cell)
                starts.append(cell?.row == r)
            }
            let own = zip(cells, starts).filter { $0.1 }.compactMap(\.0)
            if own.allSatisfy(\.isEmpty) || isRepeatedHeader(own) { continue }
            let bbox = BBox(x0: grid.bbox.x0, y0: grid.rowEdges[r], x1: grid.bbox.x1, y1: grid.rowEdges[r + 1])
            rows.append(BodyRow(page: grid.page, bbox: bbox, cells: cells, startsHere: starts, number: number))
            number += 1
        }
        return rows
    }

    /// A body row of header words only (`INDIKATOR | TARGET REALISASI %`):
    /// the header printed again where a second table was taken into this
    /// one. A row with a figure or a dash (`Jumlah | -`) is data.
    func isRepeatedHeader(_ cells: [GridCell]) -> Bool {
        let texts = cells.map { TextCleaner.collapse($0.text) }.filter { !$0.isEmpty }
        guard texts.count >= 2 else { return false }
        return texts.allSatisfy { text in
            switch NumberParser.read(text, style: nil) {
            case .number, .dash, .spreadsheetError: return false
            default: return mapper.isHeaderCell(text, vocabulary: vocabulary)
            }
        }
    }

    /// A row broken by a page break leaves the rest of its wrapped text at
    /// the top of the next page: a first row with words in descriptive
    /// columns only (no number, no figure), starting in lower case where it
    /// goes on mid-sentence. Its words are joined to the row they belong
    /// to, and cells merged down from it carry the joined text.
    func joinCarriedOverText(of rows: inout [BodyRow], to table: inout LogicalTable) {
        guard let first = rows.first, !table.rows.isEmpty else { return }
        let own = first.ownCells
        guard !own.isEmpty, own.allSatisfy({ c, _ in c < table.roles.count && Self.descriptive.contains(table.roles[c]) })
        else { return }
        let texts = own.map { TextCleaner.collapse($0.1.text) }
        guard texts.contains(where: { $0.first?.isLowercase == true }),
              !texts.contains(where: { TextCleaner.splitListNumber($0) != nil }) else { return }
        for (c, cell) in own {
            guard let above = table.rows[table.rows.count - 1].cells[c] else { continue }
            var joined = above
            joined.lines += cell.lines
            // The rows the two halves cover, on either side of the break.
            for r in table.rows.indices where table.rows[r].cells[c] == above { table.rows[r].cells[c] = joined }
            for r in rows.indices.dropFirst() where rows[r].cells[c] == cell { rows[r].cells[c] = joined }
        }
        rows.removeFirst()
    }

    /// Page lines between the previous table (or the page top) and this one.
    func linesAbove(_ grid: TableGrid, on page: Page, previous: TableGrid?) -> [String] {
        let top = previous?.bbox.y1 ?? 0
        return page.lines
            .filter { $0.bbox.midY > top && $0.bbox.midY < grid.bbox.y0 }
            .map { TextCleaner.collapse($0.text) }
            .filter { !$0.isEmpty }
    }
}
