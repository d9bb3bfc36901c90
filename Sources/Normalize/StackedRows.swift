import Model

/// Splits grid rows that hold several records stacked line by line.
///
/// A spreadsheet exported without row borders (the Renja evaluation form
/// J-1, say) comes out as one tall grid row: the indicator column lists
/// the indicators one under the other, and each value column prints its
/// figures beside them, vertically centred, some over two lines (`31.02
/// Kg/ Kap/` above `Thn`). Each indicator becomes a row again; every other
/// line of the block goes to the indicator it sits closest to, and a tall
/// label cell (the programme beside a run of indicators) to every
/// indicator it spans.
struct StackedRowSplitter {
    var roles: [ColumnRole]

    /// An indicator line and the lines that go on from it (starting in
    /// lower case: `jaminan kesehatan ikan, …`; or, in a list with
    /// markers, every line up to the next marker).
    private struct Entry {
        var lines: [TextLine]
        var top: Double { lines.map(\.bbox.y0).min() ?? 0 }
        var bottom: Double { lines.map(\.bbox.y1).max() ?? 0 }
        var middle: Double { lines[0].bbox.midY }

        /// Vertical gap from `y0…y1` to this entry (0 when they overlap),
        /// then the distance to its first line, to break ties.
        func distance(_ y0: Double, _ y1: Double) -> (Double, Double) {
            (max(0, max(top - y1, y0 - bottom)), abs((y0 + y1) / 2 - middle))
        }
    }

    func split(_ rows: [BodyRow]) -> [BodyRow] {
        guard let anchor = roles.firstIndex(of: .indicator) ?? roles.firstIndex(of: .name) else { return rows }
        var out: [BodyRow] = []
        var i = 0
        while i < rows.count {
            // The block: a row whose anchor cell starts here, and the rows
            // below it that its anchor cell is merged over.
            var end = i + 1
            if rows[i].startsHere[anchor], let cell = rows[i].cells[anchor] {
                while end < rows.count, rows[end].cells[anchor] == cell, !rows[end].startsHere[anchor] { end += 1 }
            }
            if let parts = split(Array(rows[i..<end]), anchor: anchor) {
                out += parts
            } else {
                out += rows[i..<end]
            }
            i = end
        }
        for k in out.indices { out[k].number = (rows.first?.number ?? 1) + k }
        return out
    }

    /// The block's rows, one per stacked indicator; nil when the block is
    /// an ordinary row (fewer than three indicators with figures beside).
    private func split(_ block: [BodyRow], anchor: Int) -> [BodyRow]? {
        // A cell across several columns is a label or a paragraph the grid
        // took in, never a list of indicators.
        guard let first = block.first, let anchorCell = first.cells[anchor], anchorCell.lines.count >= 3,
              anchorCell.columnSpan == 1 else { return nil }
        var entries: [Entry] = []
        let lines = anchorCell.lines.sorted(by: { $0.bbox.y0 < $1.bbox.y0 })
        // Where the indicators open with list markers (`• Tercukupinya`),
        // only a marker starts one; a capitalised line without a marker
        // goes on from the line above (`Persentase layanan …`).
        let marked = lines.filter { TextCleaner.listMarker($0.text) != nil }.count >= 2
        for line in lines {
            let continues = marked ? TextCleaner.listMarker(line.text) == nil : line.text.first?.isLowercase == true
            if continues, !entries.isEmpty {
                entries[entries.count - 1].lines.append(line)
            } else {
                entries.append(Entry(lines: [line]))
            }
        }
        guard entries.count >= 3 else { return nil }
        func nearest(_ y0: Double, _ y1: Double) -> Int {
            entries.indices.min { entries[$0].distance(y0, y1) < entries[$1].distance(y0, y1) }!
        }

        // Every other column: its cells in the block, in order.
        var assigned = Array(repeating: [Int: [TextLine]](), count: entries.count)
        var spanning = Array(repeating: [Int: GridCell](), count: entries.count)
        var figures = Array(repeating: Set<Int>(), count: entries.count)
        var above: [Int: [TextLine]] = [:]
        for c in roles.indices where c != anchor {
            var cells: [GridCell] = []
            for row in block {
                if let cell = row.cells[c], !cell.isEmpty, cell.columnSpan == 1, !cells.contains(cell) { cells.append(cell) }
            }
            if cells.count > 1 || roles[c] == .name || roles[c] == .sasaran || roles[c] == .tujuan {
                // Label cells: each indicator takes the one nearest to it.
                for k in entries.indices {
                    let best = cells.min { entries[k].distance($0.bbox.y0, $0.bbox.y1) < entries[k].distance($1.bbox.y0, $1.bbox.y1) }
                    if let best { spanning[k][c] = best }
                }
                continue
            }
            guard let cell = cells.first else { continue }
            for run in runs(of: cell.lines, entries: entries) {
                let y0 = run.map(\.bbox.y0).min()!, y1 = run.map(\.bbox.y1).max()!
                // Lines above the first indicator, a line or more away, are
                // the label's own (the sasaran's average beside its name).
                if y1 < entries[0].top, entries[0].top - y1 >= run[0].bbox.height {
                    above[c, default: []] += run
                    continue
                }
                let k = nearest(y0, y1)
                assigned[k][c, default: []] += run
                if roles[c].valueField != nil, run.contains(where: { Self.isFigure($0.text) }) { figures[k].insert(c) }
            }
        }
        guard figures.filter({ $0.count >= 2 }).count >= 3 else { return nil }

        /// Column c's cell in the block: the first row's, else the first row that has one.
        func originalCell(_ c: Int) -> GridCell? { first.cells[c] ?? block.lazy.compactMap { $0.cells[c] }.first }

        var rows: [BodyRow] = []
        var started = Set<GridCell>()
        let page = block.first { $0.startsHere[anchor] }?.page ?? first.page
        // The label's own figures, above its indicators: a row of the label.
        if above.contains(where: { c, lines in roles[c].valueField != nil && lines.contains { Self.isFigure($0.text) } }) {
            var cells = [GridCell?](repeating: nil, count: roles.count)
            var starts = [Bool](repeating: false, count: roles.count)
            for (c, lines) in above {
                guard let original = originalCell(c) else { continue }
                cells[c] = Self.cell(original, lines: lines)
                starts[c] = true
            }
            for c in roles.indices where cells[c] == nil {
                guard let label = entries.indices.lazy.compactMap({ spanning[$0][c] }).first else { continue }
                cells[c] = label
                starts[c] = started.insert(label).inserted
            }
            let lines = above.values.flatMap { $0 }
            rows.append(BodyRow(page: page, bbox: BBox(x0: first.bbox.x0, y0: lines.map(\.bbox.y0).min()!,
                                                       x1: first.bbox.x1, y1: lines.map(\.bbox.y1).max()!),
                                cells: cells, startsHere: starts, number: first.number))
        }
        // A heading line with no figure beside it (`Prosentase Peningkatan
        // Produksi Perikanan` over its components) is no row of its own.
        for (k, entry) in entries.enumerated() where !figures[k].isEmpty {
            var cells = [GridCell?](repeating: nil, count: roles.count)
            var starts = [Bool](repeating: false, count: roles.count)
            cells[anchor] = Self.cell(anchorCell, lines: entry.lines)
            starts[anchor] = true
            for (c, lines) in assigned[k] {
                guard let original = originalCell(c) else { continue }
                cells[c] = Self.cell(original, lines: lines)
                starts[c] = true
            }
            for (c, cell) in spanning[k] {
                cells[c] = cell
                starts[c] = started.insert(cell).inserted
            }
            let all = cells.compactMap { $0 }.filter { !$0.isEmpty }.map(\.bbox) + entry.lines.map(\.bbox)
            let y0 = entry.lines.map(\.bbox.y0).min()!, y1 = (all.filter { $0.y0 >= y0 - 1 }.map(\.y1).max() ?? entry.bottom)
            rows.append(BodyRow(page: page, bbox: BBox(x0: first.bbox.x0, y0: y0, x1: first.bbox.x1, y1: y1),
                                cells: cells, startsHere: starts, number: first.number + k))
        }
        return rows
    }

    /// Lines of one cell grouped by figure: each line with a figure, with
    /// the word lines next to it that belong to it (a unit wrapped above
    /// or below: `31.02 Kg/ Kap/` over `Thn`). A word line goes to the
    /// nearer figure line within a line's height; others stand alone.
    private func runs(of lines: [TextLine], entries: [Entry]) -> [[TextLine]] {
        let sorted = lines.sorted { $0.bbox.y0 < $1.bbox.y0 }
        let anchors = sorted.indices.filter { Self.isFigure(sorted[$0].text) }
        var runs: [Int: [TextLine]] = [:]
        var loose: [[TextLine]] = []
        for (i, line) in sorted.enumerated() {
            if anchors.contains(i) { runs[i, default: []].append(line); continue }
            // Words level with an indicator belong to it (a unit printed
            // alone where the figure is missing, `a. Jumlah sampel`).
            if entries.contains(where: { $0.lines.contains { $0.bbox.verticalOverlap(line.bbox) > 0.5 * line.bbox.height } }) {
                loose.append([line])
                continue
            }
            let best = anchors.min { abs(sorted[$0].bbox.midY - line.bbox.midY) < abs(sorted[$1].bbox.midY - line.bbox.midY) }
            if let best, abs(sorted[best].bbox.midY - line.bbox.midY) <= 1.5 * line.bbox.height {
                runs[best, default: []].append(line)
            } else {
                loose.append([line])
            }
        }
        // Top to bottom by anchor line: the order must not depend on the
        // dictionary's (random) iteration order.
        return runs.keys.sorted().map { runs[$0]!.sorted { $0.bbox.y0 < $1.bbox.y0 } } + loose
    }

    /// A figure, or the marks printed in its place (`-`, `N/A`, `#DIV/0!`).
    static func isFigure(_ text: String) -> Bool {
        text.contains(where: \.isNumber) || text.hasPrefix("#") || text == "-" || text.hasPrefix("N/A")
    }

    private static func cell(_ original: GridCell, lines: [TextLine]) -> GridCell {
        GridCell(row: original.row, column: original.column, bbox: BBox.enclosing(lines.map(\.bbox)) ?? original.bbox,
                 lines: lines)
    }
}
