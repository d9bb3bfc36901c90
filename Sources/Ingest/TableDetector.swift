import Model

/// Rebuilds table grids from a page's rulings and words.
///
/// Rulings that touch each other form one table. Their distinct x and y
/// positions are the column and row edges; where a ruling is missing
/// between two grid positions the cells are merged (a Tujuan cell merged
/// down over its indicator rows, a `Target` header over `Kinerja | Pagu`).
/// Each word goes to the cell under its centre, so a value printed in the
/// vertical middle of a tall row stays in that row.
enum TableDetector {
    /// Two positions closer than this are one edge, in points.
    static let edgeTolerance = 2.5

    static func tables(page: Int, rulings: [Ruling], words: [GlyphWord]) -> [TableGrid] {
        let merged = Ruling.mergingCollinear(rulings, gap: 2)
        return clusters(of: merged).compactMap { grid(page: page, rulings: $0, words: words) }
            .sorted { ($0.bbox.y0, $0.bbox.x0) < ($1.bbox.y0, $1.bbox.x0) }
    }

    /// Groups rulings into connected sets: a horizontal and a vertical ruling
    /// are connected when they cross or touch.
    static func clusters(of rulings: [Ruling]) -> [[Ruling]] {
        var parent = Array(rulings.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let tol = 3.0
        let hs = rulings.indices.filter { rulings[$0].axis == .horizontal }
        let vs = rulings.indices.filter { rulings[$0].axis == .vertical }
        for h in hs {
            let hr = rulings[h]
            for v in vs {
                let vr = rulings[v]
                if vr.position >= hr.start - tol, vr.position <= hr.end + tol,
                   hr.position >= vr.start - tol, hr.position <= vr.end + tol {
                    let a = find(h), b = find(v)
                    if a != b { parent[a] = b }
                }
            }
        }
        var groups: [Int: [Ruling]] = [:]
        for i in rulings.indices { groups[find(i), default: []].append(rulings[i]) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// Distinct positions, closer ones merged to their mean.
    static func edges(_ positions: [Double]) -> [Double] {
        var out: [[Double]] = []
        for p in positions.sorted() {
            if let last = out.last?.last, p - last <= edgeTolerance {
                out[out.count - 1].append(p)
            } else {
                out.append([p])
            }
        }
        return out.map { $0.reduce(0, +) / Double($0.count) }
    }

    static func grid(page: Int, rulings: [Ruling], words: [GlyphWord]) -> TableGrid? {
        let hs = rulings.filter { $0.axis == .horizontal }
        let vs = rulings.filter { $0.axis == .vertical }
        guard hs.count >= 2, vs.count >= 2 else { return nil }
        let x0 = min(hs.map(\.start).min()!, vs.map(\.position).min()!)
        let x1 = max(hs.map(\.end).max()!, vs.map(\.position).max()!)
        let y0 = min(vs.map(\.start).min()!, hs.map(\.position).min()!)
        let y1 = max(vs.map(\.end).max()!, hs.map(\.position).max()!)
        var cols = edges(vs.map(\.position))
        var rows = edges(hs.map(\.position))
        if cols.first! > x0 + edgeTolerance { cols.insert(x0, at: 0) }
        if cols.last! < x1 - edgeTolerance { cols.append(x1) }
        if rows.first! > y0 + edgeTolerance { rows.insert(y0, at: 0) }
        if rows.last! < y1 - edgeTolerance { rows.append(y1) }
        let nRows = rows.count - 1, nCols = cols.count - 1
        guard nRows >= 1, nCols >= 2, x1 - x0 > 40, y1 - y0 > 10 else { return nil }

        func hasVertical(atEdge c: Int, row r: Int) -> Bool {
            let x = cols[c], mid = (rows[r] + rows[r + 1]) / 2
            return vs.contains { abs($0.position - x) <= edgeTolerance && $0.start - 1 <= mid && $0.end + 1 >= mid }
        }
        func hasHorizontal(atEdge r: Int, column c: Int) -> Bool {
            let y = rows[r], mid = (cols[c] + cols[c + 1]) / 2
            return hs.contains { abs($0.position - y) <= edgeTolerance && $0.start - 1 <= mid && $0.end + 1 >= mid }
        }

        // Merge atomic cells that no ruling separates.
        var parent = Array(0..<(nRows * nCols))
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for r in 0..<nRows {
            for c in 0..<nCols {
                if c + 1 < nCols, !hasVertical(atEdge: c + 1, row: r) { union(r * nCols + c, r * nCols + c + 1) }
                if r + 1 < nRows, !hasHorizontal(atEdge: r + 1, column: c) { union(r * nCols + c, (r + 1) * nCols + c) }
            }
        }
        var spans: [Int: (r0: Int, r1: Int, c0: Int, c1: Int)] = [:]
        for r in 0..<nRows {
            for c in 0..<nCols {
                let root = find(r * nCols + c)
                if let s = spans[root] {
                    spans[root] = (min(s.r0, r), max(s.r1, r), min(s.c0, c), max(s.c1, c))
                } else {
                    spans[root] = (r, r, c, c)
                }
            }
        }

        // Place words; a word printed across a cell border is split there.
        var cellWords: [Int: [GlyphWord]] = [:]
        func index(of value: Double, in edges: [Double]) -> Int? {
            guard value >= edges.first! - 1, value <= edges.last! + 1 else { return nil }
            var i = 0
            while i + 2 < edges.count, value >= edges[i + 1] { i += 1 }
            return i
        }
        var placed: [(word: GlyphWord, row: Int, column: Int)] = []
        for word in words {
            let b = word.bbox
            guard let r = index(of: b.midY, in: rows) else { continue }
            guard b.midX >= cols.first! - 1, b.midX <= cols.last! + 1 else { continue }
            var pieces = word.splitGluedAmount() ?? [word]
            for c in 1..<(cols.count - 1) where b.x0 < cols[c] - 1 && b.x1 > cols[c] + 1 && hasVertical(atEdge: c, row: r) {
                pieces = pieces.flatMap { piece -> [GlyphWord] in
                    if let glued = piece.splitAtFigure(near: cols[c]) { return glued }
                    let parts = piece.split(at: cols[c])
                    // A figure glued to text across a border is two cells'
                    // text; a name running past its border is clipped text
                    // of the cell it starts in.
                    guard parts.count == 2, parts[0].isFigure != parts[1].isFigure else { return [piece] }
                    return parts
                }
            }
            for piece in pieces {
                let x = piece.bbox.x1 - piece.bbox.x0 > 0 && !piece.isFigure ? min(piece.bbox.midX, piece.bbox.x0 + 2) : piece.bbox.midX
                guard let c = index(of: x, in: cols) else { continue }
                placed.append((piece, r, c))
            }
        }
        // Clipped text: words that run on past the right border of the cell
        // they start in, on the same line, belong to that cell.
        var owner = placed.map(\.column)
        /// Word j is on word i's text line: the same grid row, middles within
        /// 0.4 of i's height.
        func sameLine(_ j: Int, _ i: Int) -> Bool {
            placed[j].row == placed[i].row
                && abs(placed[j].word.bbox.midY - placed[i].word.bbox.midY) < placed[i].word.bbox.height * 0.4
        }
        // A bare number that crosses the border from a line of text is a
        // word of that text (`… Luasnya dibawah 1000 Ha dalam …`).
        for i in placed.indices {
            let w = placed[i].word
            guard w.isFigure, !w.text.contains(where: { $0 == "." || $0 == "," }),
                  let start = index(of: w.bbox.x0 + 0.5, in: cols), start < placed[i].column,
                  w.bbox.x1 > cols[start + 1] + 1, hasVertical(atEdge: start + 1, row: placed[i].row) else { continue }
            let h = w.bbox.height
            let before = placed.indices.filter { j in
                sameLine(j, i) && owner[j] == start && !placed[j].word.isFigure && placed[j].word.bbox.x1 <= w.bbox.x0
            }.max { placed[$0].word.bbox.x1 < placed[$1].word.bbox.x1 }
            if let j = before, w.bbox.x0 - placed[j].word.bbox.x1 < h * 0.7 { owner[i] = start }
        }
        // Text runs on past its cell's border when a word crosses the
        // border; or when it ends at the border, the line goes on just past
        // it at a word space, and words of that line are printed over the
        // next cell's own figure (`… Kepentingan Strategis | Daerah
        // Kabupaten/Kota` over `335.070.000`).
        func runsOn(_ i: Int) -> Bool {
            let w = placed[i].word, border = owner[i] + 1
            guard !w.isFigure || owner[i] < placed[i].column, border < cols.count - 1,
                  hasVertical(atEdge: border, row: placed[i].row) else { return false }
            if w.bbox.x1 > cols[border] + 1 { return true }
            let space = w.bbox.height * 0.35
            guard w.bbox.x1 >= cols[border] - space else { return false }
            let line = placed.indices.filter { j in owner[j] == border && sameLine(j, i) }
            let text = line.map { placed[$0].word }.filter { !$0.isFigure }
            let figures = line.map { placed[$0].word }.filter(\.isFigure)
            return text.contains { $0.bbox.x0 - w.bbox.x1 > -1 && $0.bbox.x0 - w.bbox.x1 < space }
                && figures.contains { f in text.contains { $0.bbox.horizontalOverlap(f.bbox) > 1 } }
        }
        for i in placed.indices where runsOn(i) {
            var end = placed[i].word.bbox.x1
            let h = placed[i].word.bbox.height

            let after = placed.indices.filter { j in j != i && owner[j] > owner[i] && sameLine(j, i) }
                .sorted { placed[$0].word.bbox.x0 < placed[$1].word.bbox.x0 }
            for j in after {
                let w = placed[j].word
                // Amounts printed under the clipped text are not part of it.
                if w.isFigure && (w.text.contains(".") || w.text.contains(",") || w.bbox.x0 - end >= h * 0.5) { continue }
                guard w.bbox.x0 - end < h * 0.7 else { break }
                owner[j] = owner[i]
                end = w.bbox.x1
            }
        }
        var rowLines: [Int: [(column: Int, midY: Double)]] = [:]
        for (k, p) in placed.enumerated() {
            cellWords[find(p.row * nCols + owner[k]), default: []].append(p.word)
            rowLines[p.row, default: []].append((owner[k], p.word.bbox.midY))
        }

        var cells: [GridCell] = []
        for root in spans.keys.sorted() {
            let s = spans[root]!
            // A span whose text sits in separate columns, no word crossing
            // between them, is two cells whose border was not drawn.
            let pieces = s.c1 > s.c0 ? splitFalseMerge(cellWords[root] ?? [], c0: s.c0, c1: s.c1, cols: cols) : nil
            for piece in pieces ?? [(s.c0, s.c1, cellWords[root] ?? [])] {
                let rowPieces = s.r1 > s.r0
                    ? splitFalseRowMerge(piece.2, r0: s.r0, r1: s.r1, c0: piece.0, c1: piece.1, rows: rows, rowLines: rowLines)
                    : nil
                for rowPiece in rowPieces ?? [(s.r0, s.r1, piece.2)] {
                    let box = BBox(x0: cols[piece.0], y0: rows[rowPiece.0], x1: cols[piece.1 + 1], y1: rows[rowPiece.1 + 1])
                    let lines = LineBuilder.lines(from: rowPiece.2.map(\.word))
                    cells.append(GridCell(row: rowPiece.0, column: piece.0, rowSpan: rowPiece.1 - rowPiece.0 + 1,
                                          columnSpan: piece.1 - piece.0 + 1, bbox: box, lines: lines))
                }
            }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return TableGrid(page: page, bbox: BBox(x0: x0, y0: y0, x1: x1, y1: y1),
                         columnEdges: cols, rowEdges: rows, cells: cells, ruled: true)
    }
}

extension TableDetector {
    /// Pieces (first column, last column, words) of a merged cell whose
    /// words fall into two or more columns with none crossing the edges
    /// between them; nil when the merge is real.
    static func splitFalseMerge(_ words: [GlyphWord], c0: Int, c1: Int, cols: [Double])
        -> [(Int, Int, [GlyphWord])]? {
        guard words.count >= 2 else { return nil }
        func column(_ x: Double) -> Int {
            var c = c0
            while c < c1, x >= cols[c + 1] { c += 1 }
            return c
        }
        let occupied = Set(words.map { column($0.bbox.midX) }).sorted()
        guard occupied.count >= 2 else { return nil }
        for edge in (occupied.first! + 1)...occupied.last! {
            let x = cols[edge]
            if words.contains(where: { $0.bbox.x0 < x - 1 && $0.bbox.x1 > x + 1 }) { return nil }
        }
        var pieces: [(Int, Int, [GlyphWord])] = []
        for (k, c) in occupied.enumerated() {
            let start = k == 0 ? c0 : c
            let end = k + 1 < occupied.count ? occupied[k + 1] - 1 : c1
            pieces.append((start, end, words.filter { column($0.bbox.midX) == c }))
        }
        return pieces
    }
}

extension TableDetector {
    /// Pieces (first row, last row, words) of a cell spanning rows whose
    /// words are figures (or dashes), each inside one row and on the text line of
    /// that row's other cells: one figure per row of a column whose border
    /// between the rows was not drawn (an RFK's `54,00` over `2`). nil when
    /// the merge is real: text, a figure across a row border, or figures
    /// off their rows' lines (a merged cell lays out its own lines).
    static func splitFalseRowMerge(_ words: [GlyphWord], r0: Int, r1: Int, c0: Int, c1: Int, rows: [Double],
                                   rowLines: [Int: [(column: Int, midY: Double)]]) -> [(Int, Int, [GlyphWord])]? {
        // Figures, or the dash printed in a figure's place.
        guard words.count >= 2, words.allSatisfy({ $0.isFigure || ["-", "–", "—"].contains($0.text) }) else { return nil }
        func row(of w: GlyphWord) -> Int? {
            let b = w.bbox
            guard let r = (r0...r1).first(where: { b.midY >= rows[$0] && b.midY < rows[$0 + 1] }),
                  b.y0 >= rows[r] - 1, b.y1 <= rows[r + 1] + 1 else { return nil }
            // On the line of the row's text in other columns.
            let others = (rowLines[r] ?? []).filter { $0.column < c0 || $0.column > c1 }
            guard others.contains(where: { abs($0.midY - b.midY) <= b.height * 0.3 }) else { return nil }
            return r
        }
        var byRow: [Int: [GlyphWord]] = [:]
        for w in words {
            guard let r = row(of: w) else { return nil }
            byRow[r, default: []].append(w)
        }
        let occupied = byRow.keys.sorted()
        guard occupied.count >= 2 else { return nil }
        return occupied.enumerated().map { k, r in
            (k == 0 ? r0 : r, k + 1 < occupied.count ? occupied[k + 1] - 1 : r1, byRow[r]!)
        }
    }
}

/// Groups words into text lines by their vertical position.
enum LineBuilder {
    static func lines(from words: [Word]) -> [TextLine] {
        groups(words, box: \.bbox).map { TextLine(words: $0) }
    }

    /// Items on one line, each line left to right, lines top to bottom: an
    /// item joins the line above when its middle is within half a text
    /// height of that line's running mean middle.
    static func groups<Item>(_ items: [Item], box: (Item) -> BBox) -> [[Item]] {
        let sorted = items.sorted { (box($0).midY, box($0).x0) < (box($1).midY, box($1).x0) }
        var groups: [[Item]] = []
        var groupMid = 0.0
        for item in sorted {
            let b = box(item)
            let h = max(1, b.height)
            if let last = groups.last, let first = last.first,
               abs(b.midY - groupMid) <= min(h, box(first).height) * 0.5 {
                groups[groups.count - 1].append(item)
                let n = Double(groups[groups.count - 1].count)
                groupMid += (b.midY - groupMid) / n
            } else {
                groups.append([item])
                groupMid = b.midY
            }
        }
        return groups.map { $0.sorted { box($0).x0 < box($1).x0 } }
    }
}
