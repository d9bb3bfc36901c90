import Foundation
import Model

/// What a column of a tabular performance tree holds.
enum CatalogColumn: Equatable {
    case number, mandate, outcome, output, statement, indicator, definition, formula, target, unit
    /// Crosscutting agencies (the `OPD` column under `CROSSCUTTING`).
    case crosscutting
    case ignored
}

/// One row of a tabular tree, its cells' text lines by role, possibly
/// joined from two pages (a row the page break cut in two).
struct CatalogRow {
    var page: Int
    var bbox: BBox
    var lines: [CatalogColumn: [String]] = [:]

    func text(_ role: CatalogColumn) -> String? { CatalogText.join(lines[role] ?? []) }

    /// Appends the text of `fragment` to this row's cells (the part of the
    /// row printed on the next page).
    mutating func absorb(_ fragment: CatalogRow) {
        for (role, more) in fragment.lines { lines[role, default: []] += more }
    }
}

/// Reads the table form of a Pohon Kinerja: one ruled table with columns
/// such as No | Mandat atas tugas dan fungsi / Permasalahan | Outcome |
/// Output | Indikator Kinerja | Definisi Operasional | Formula Perhitungan |
/// Target | Crosscutting (OPD | Indikator Kinerja), its cells wrapping over
/// many lines, its rows running on over page breaks (the header repeated on
/// every page). Tables without an indicator column and one of the
/// definition, formula, mandate, outcome or output columns — the sign-off
/// block's verification table (`NO | UNIT | NAMA | PARAF`) — are not read.
struct TableForm {
    let config: CatalogConfig

    /// The rows of every catalog table of the document, in order.
    func rows(of document: IngestedDocument) -> [CatalogRow] {
        var rows: [CatalogRow] = []
        var lastRoles: [CatalogColumn]?
        for page in document.pages {
            for (index, grid) in page.tables.enumerated() {
                let header = headerRowCount(grid)
                guard header > 0 else { lastRoles = nil; continue }
                let roles = columnRoles(grid, headerRows: header)
                guard isCatalog(roles) else { lastRoles = nil; continue }
                var body = bodyRows(grid, from: header, roles: roles)
                // The first row on a page continuing the table may be the
                // rest of the last row of the page before.
                if index == 0, lastRoles == roles, let first = body.first, !rows.isEmpty, isFragment(first) {
                    rows[rows.count - 1].absorb(first)
                    body.removeFirst()
                }
                rows += body
                lastRoles = roles
            }
        }
        return rows
    }

    /// Leading rows made of header words.
    func headerRowCount(_ grid: TableGrid) -> Int {
        var count = 0
        for r in 0..<grid.rowCount {
            let cells = grid.cells(inRow: r).filter { !$0.isEmpty }
            let coveredFromAbove = (0..<grid.columnCount).contains { c in
                guard let cell = grid.cell(coveringRow: r, column: c) else { return false }
                return cell.row < r && cell.row < count
            }
            if cells.isEmpty { if coveredFromAbove { count += 1; continue }; break }
            let headerish = cells.filter { role(of: [$0.text]) != nil }.count
            if headerish * 2 > cells.count { count += 1 } else { break }
        }
        return count
    }

    /// Each column's role from its header texts, outermost first.
    func columnRoles(_ grid: TableGrid, headerRows: Int) -> [CatalogColumn] {
        (0..<grid.columnCount).map { c in
            var path: [String] = []
            for r in 0..<headerRows {
                if let cell = grid.cell(coveringRow: r, column: c), cell.row == r, !cell.isEmpty {
                    path.append(cell.text)
                }
            }
            return role(of: path) ?? .ignored
        }
    }

    /// The role of a header path; nil when no header word is in it.
    func role(of path: [String]) -> CatalogColumn? {
        let cols = config.columns
        let words = path.map { CatalogWords($0) }
        func matches(_ w: CatalogWords, _ list: [String]) -> Bool {
            list.contains { w.starts(with: $0) || w.joined == CatalogWords($0).joined }
        }
        if words.contains(where: { matches($0, cols.crosscutting) }) {
            // Under CROSSCUTTING: the agency column, or the shared indicators (not ours).
            if let last = words.last, matches(last, cols.indicator) { return .ignored }
            return .crosscutting
        }
        guard let w = words.last else { return nil }
        if matches(w, cols.agency) { return .crosscutting }
        if matches(w, cols.definition) { return .definition }
        if matches(w, cols.formula) { return .formula }
        if matches(w, cols.mandate) { return .mandate }
        if matches(w, cols.indicator) { return .indicator }
        if matches(w, cols.outcome) { return .outcome }
        if matches(w, cols.output) { return .output }
        if matches(w, cols.target) { return .target }
        if matches(w, cols.unit) { return .unit }
        if matches(w, cols.statement) { return .statement }
        if matches(w, cols.number), w.tokens.count <= 2 { return .number }
        return nil
    }

    func isCatalog(_ roles: [CatalogColumn]) -> Bool {
        roles.contains(.indicator)
            && roles.contains { [.definition, .formula, .mandate, .outcome, .output].contains($0) }
    }

    func bodyRows(_ grid: TableGrid, from start: Int, roles: [CatalogColumn]) -> [CatalogRow] {
        var rows: [CatalogRow] = []
        guard start < grid.rowCount else { return [] }
        for r in start..<grid.rowCount {
            var row = CatalogRow(page: grid.page, bbox: BBox(x0: grid.bbox.x0, y0: grid.rowEdges[r],
                                                             x1: grid.bbox.x1, y1: grid.rowEdges[r + 1]))
            var any = false
            for c in 0..<grid.columnCount where roles[c] != .ignored {
                // A cell merged down over several rows counts in its first row only.
                guard let cell = grid.cell(coveringRow: r, column: c), cell.row == r, cell.column == c,
                      !cell.isEmpty else { continue }
                row.lines[roles[c], default: []] += cell.lines.map(\.text)
                any = true
            }
            if any { rows.append(row) }
        }
        return rows
    }

    /// A row cut by the page break: its indicator (or, without one, its
    /// first text) goes on from the page before — it is empty or starts in
    /// lower case — and it starts no new numbered group.
    func isFragment(_ row: CatalogRow) -> Bool {
        guard row.text(.number) == nil else { return false }
        if let indicator = row.text(.indicator) {
            return indicator.first?.isLowercase == true
        }
        return true
    }

    /// Splits a crosscutting cell's lines into agency names: a line starting
    /// with an agency word (or a figure, `23 OPD SE KOTA …`) starts a name,
    /// other lines go on with the one before.
    func agencies(_ lines: [String]) -> [String] {
        var names: [String] = []
        for line in lines {
            let text = CatalogText.clean(line)
            guard !text.isEmpty else { continue }
            let words = CatalogWords(text)
            let starts = config.agencyWords.contains { words.starts(with: $0) } || text.first?.isNumber == true
                || text.first.map { "-•".contains($0) } == true
            if starts || names.isEmpty {
                names.append(text.trimmingCharacters(in: CharacterSet(charactersIn: "-• ")))
            } else {
                names[names.count - 1] = CatalogText.clean(names[names.count - 1] + " " + text)
            }
        }
        return names
    }
}
