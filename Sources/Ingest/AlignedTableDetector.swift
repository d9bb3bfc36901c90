import Model

/// Rebuilds tables printed without rulings from the alignment of their text.
///
/// Spreadsheets exported without cell borders (the monthly RFK, Realisasi
/// Fisik dan Keuangan, sheets among them) still print a column-number row
/// under their header: `1 2 3 3a 3b 3c 4 …`. Each number sits in the middle
/// of its column, so the row gives one anchor per column. Column edges go
/// where the fewest body words cross between two anchors; the header is the
/// text just above the number row; a body row starts at each line with text
/// in the first (code) column or with a list number opening the second, and
/// lines without one continue the row above (wrapped names, a contractor
/// under its paket).
enum AlignedTableDetector {
    static func tables(page: Int, words: [GlyphWord], excluding ruled: [TableGrid]) -> [TableGrid] {
        let free = words.filter { w in !ruled.contains { $0.bbox.contains(x: w.bbox.midX, y: w.bbox.midY) } }
        let lines = WordLine.group(free)
        let anchorLines = lines.indices.filter { isColumnNumberLine(lines[$0]) }
        var tables: [TableGrid] = []
        for (k, a) in anchorLines.enumerated() {
            let end = k + 1 < anchorLines.count ? anchorLines[k + 1] : lines.count
            if let grid = table(page: page, lines: lines, anchor: a, end: end) { tables.append(grid) }
        }
        return tables
    }

    // MARK: Column-number row

    /// `1 2 3 3a 3b 4 …` or `(1) (2) …`: at least five short tokens whose
    /// numbers rise from 1 or 2 in small steps.
    static func isColumnNumberLine(_ line: WordLine) -> Bool {
        guard line.words.count >= 5 else { return false }
        var numbers: [Int] = []
        for w in line.words {
            guard let n = columnNumber(w.text) else { return false }
            numbers.append(n)
        }
        guard let first = numbers.first, first <= 2 else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $1 - $0 >= 0 && $1 - $0 <= 3 }
            && Set(numbers).count >= 4
    }

    /// `12`, `3a`, `(4)` → 12, 3, 4.
    static func columnNumber(_ text: String) -> Int? {
        var t = Substring(text)
        if t.hasPrefix("("), t.hasSuffix(")") { t = t.dropFirst().dropLast() }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        let rest = t.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 2, rest.count <= 1, rest.allSatisfy({ $0.isLetter && $0.isLowercase })
        else { return nil }
        return Int(digits)
    }

    // MARK: One table

    static func table(page: Int, lines: [WordLine], anchor a: Int, end: Int) -> TableGrid? {
        let anchors = lines[a].words.map(\.bbox.midX)
        let lineHeight = lines[a].bbox.height

        // Body: the lines below the number row, until a wide vertical gap.
        var body: [WordLine] = []
        var bottom = lines[a].bbox.y1
        for i in (a + 1)..<max(a + 1, end) {
            let line = lines[i]
            if line.bbox.y0 - bottom > max(6 * lineHeight, 60) { break }
            body.append(line)
            bottom = line.bbox.y1
        }
        guard body.count >= 2 else { return nil }

        // Header: the lines just above the number row, within its reach.
        let spread = (anchors.last! - anchors.first!)
        let reachLeft = anchors.first! - max(40, spread * 0.05), reachRight = anchors.last! + max(40, spread * 0.05)
        var header: [WordLine] = []
        var top = lines[a].bbox.y0
        var i = a - 1
        while i >= 0 {
            let line = lines[i]
            guard top - line.bbox.y1 <= max(4 * lineHeight, 30), lines[a].bbox.y0 - line.bbox.y0 <= 120 else { break }
            let inside = line.words.filter { $0.bbox.midX >= reachLeft && $0.bbox.midX <= reachRight }
            if inside.count * 2 < line.words.count { break }
            header.insert(line, at: 0)
            top = line.bbox.y0
            i -= 1
        }

        let bodyWords = body.flatMap(\.words)
        let edges = columnEdges(anchors: anchors, bodyWords: bodyWords, headerWords: header.flatMap(\.words))
        let nCols = edges.count - 1

        // Body rows.
        var rows: [[WordLine]] = []
        for line in body {
            if rows.isEmpty || startsRow(line, edges: edges) {
                rows.append([line])
            } else {
                rows[rows.count - 1].append(line)
            }
        }

        // Header rows: phrases spanning several anchors form a group row
        // above the per-column row.
        let phrases = header.flatMap { Phrase.split($0) }
        var group: [(c0: Int, c1: Int, words: [GlyphWord])] = []
        var perColumn: [Int: [GlyphWord]] = [:]
        for phrase in phrases {
            let covered = anchors.indices.filter { anchors[$0] >= phrase.bbox.x0 - 2 && anchors[$0] <= phrase.bbox.x1 + 2 }
            if covered.count >= 2 {
                if let j = group.firstIndex(where: { $0.c0 <= covered.last! && covered.first! <= $0.c1 }) {
                    group[j] = (min(group[j].c0, covered.first!), max(group[j].c1, covered.last!), group[j].words + phrase.words)
                } else {
                    group.append((covered.first!, covered.last!, phrase.words))
                }
            } else if let c = covered.first ?? column(of: phrase.bbox.midX, edges: edges) {
                perColumn[c, default: []] += phrase.words
            }
        }

        var rowEdges: [Double] = []
        var cells: [GridCell] = []
        var r = 0
        func addRow(top: Double) { rowEdges.append(top); r += 1 }
        let headerTop = header.first?.bbox.y0 ?? lines[a].bbox.y0
        if !group.isEmpty {
            rowEdges.append(headerTop - 1)
            var covered = Set<Int>()
            for g in group.sorted(by: { $0.c0 < $1.c0 }) {
                cells.append(cell(row: 0, column: g.c0, span: g.c1 - g.c0 + 1, edges: edges, top: headerTop - 1,
                                  bottom: headerTop, words: g.words))
                covered.formUnion(g.c0...g.c1)
            }
            for c in 0..<nCols where !covered.contains(c) {
                cells.append(GridCell(row: 0, column: c, bbox: BBox(x0: edges[c], y0: headerTop - 1, x1: edges[c + 1], y1: headerTop), lines: []))
            }
            r = 1
        }
        // Per-column header row.
        let headerRow = r
        rowEdges.append(headerTop)
        for c in 0..<nCols {
            cells.append(cell(row: headerRow, column: c, span: 1, edges: edges, top: headerTop,
                              bottom: lines[a].bbox.y0 - 0.5, words: perColumn[c] ?? []))
        }
        r += 1
        // Column-number row.
        rowEdges.append(lines[a].bbox.y0 - 0.5)
        let numberRow = r
        var numberWords: [Int: [GlyphWord]] = [:]
        for w in lines[a].words { if let c = column(of: w.bbox.midX, edges: edges) { numberWords[c, default: []].append(w) } }
        for c in 0..<nCols {
            cells.append(cell(row: numberRow, column: c, span: 1, edges: edges, top: lines[a].bbox.y0 - 0.5,
                              bottom: lines[a].bbox.y1 + 0.5, words: numberWords[c] ?? []))
        }
        r += 1
        // Body rows; a row reaches down to the next one.
        for (k, rowLines) in rows.enumerated() {
            let rowTop = k == 0 ? lines[a].bbox.y1 + 0.5 : (rows[k - 1].last!.bbox.y1 + rowLines.first!.bbox.y0) / 2
            rowEdges.append(rowTop)
            let bottomY = k + 1 < rows.count ? (rowLines.last!.bbox.y1 + rows[k + 1].first!.bbox.y0) / 2
                                             : rowLines.last!.bbox.y1 + 0.5
            cells += rowCells(row: r, words: rowLines.flatMap(\.words), edges: edges, top: rowTop, bottom: bottomY)
            r += 1
            if k + 1 == rows.count { rowEdges.append(bottomY) }
        }
        let bbox = BBox(x0: edges.first!, y0: rowEdges.first!, x1: edges.last!, y1: rowEdges.last!)
        var grid = TableGrid(page: page, bbox: bbox, columnEdges: edges, rowEdges: rowEdges, cells: cells, ruled: false)
        grid.headerRowCount = numberRow + 1
        return grid
    }

    static func cell(row: Int, column: Int, span: Int, edges: [Double], top: Double, bottom: Double,
                     words: [GlyphWord]) -> GridCell {
        GridCell(row: row, column: column, columnSpan: span,
                 bbox: BBox(x0: edges[column], y0: top, x1: edges[column + span], y1: bottom),
                 lines: LineBuilder.lines(from: words.map(\.word)))
    }

    /// A new row starts at text in the first column, or at a list number
    /// (`1`, `12`) opening the second column followed by more text.
    static func startsRow(_ line: WordLine, edges: [Double]) -> Bool {
        guard edges.count >= 3 else { return true }
        if line.words.contains(where: { $0.bbox.midX < edges[1] }) { return true }
        let second = line.words.filter { $0.bbox.midX >= edges[1] && $0.bbox.midX < edges[2] }
        guard second.count >= 2, let first = second.first else { return false }
        return first.text.count <= 3 && first.text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Column edges: one cut between each pair of neighbouring anchors,
    /// where the fewest words cross; the outer edges enclose the text.
    static func columnEdges(anchors: [Double], bodyWords: [GlyphWord], headerWords: [GlyphWord]) -> [Double] {
        let edges = cuts(between: anchors, crossing: bodyWords.map(\.bbox))
        let all = bodyWords + headerWords
        let firstCut = edges.first ?? anchors[0] + 20
        let lastCut = edges.last ?? anchors[0] - 20
        let left = all.filter { $0.bbox.midX < firstCut }.map(\.bbox.x0).min() ?? anchors[0] - 10
        let right = all.filter { $0.bbox.midX > lastCut }.map(\.bbox.x1).max() ?? anchors.last! + 10
        return [min(left, anchors[0] - 5) - 1] + edges + [max(right, anchors.last! + 5) + 1]
    }

    /// One cut between each pair of neighbouring anchors, where the fewest
    /// of `boxes` cross (nearest the middle among equals).
    static func cuts(between anchors: [Double], crossing boxes: [BBox]) -> [Double] {
        zip(anchors, anchors.dropFirst()).map { left, right in
            let mid = (left + right) / 2
            var best = mid, bestCost = Int.max
            var x = left + 1
            while x < right - 1 {
                let cost = boxes.filter { $0.x0 < x - 0.5 && $0.x1 > x + 0.5 }.count
                if cost < bestCost || (cost == bestCost && abs(x - mid) < abs(best - mid)) {
                    bestCost = cost
                    best = x
                }
                x += 1
            }
            return best
        }
    }

    /// The cells of body row `row`: its words by column, a word glued
    /// across an edge split there.
    static func rowCells(row: Int, words: [GlyphWord], edges: [Double], top: Double, bottom: Double) -> [GridCell] {
        var byColumn: [Int: [GlyphWord]] = [:]
        for w in words {
            for piece in splitAtEdges(w, edges: edges) {
                if let c = column(of: piece.bbox.midX, edges: edges) { byColumn[c, default: []].append(piece) }
            }
        }
        return (0..<(edges.count - 1)).map { c in
            cell(row: row, column: c, span: 1, edges: edges, top: top, bottom: bottom, words: byColumn[c] ?? [])
        }
    }

    static func column(of x: Double, edges: [Double]) -> Int? {
        guard x >= edges.first! - 1, x <= edges.last! + 1 else { return nil }
        var c = 0
        while c + 2 < edges.count, x >= edges[c + 1] { c += 1 }
        return c
    }

    /// A word glued across a column edge from two different cells
    /// (`261.078.400Lainnya`: a figure and the end of a wrapped name) is
    /// split there; a name running on past its column is not.
    static func splitAtEdges(_ word: GlyphWord, edges: [Double]) -> [GlyphWord] {
        var pieces = [word]
        for x in edges.dropFirst().dropLast() where word.bbox.x0 < x - 1 && word.bbox.x1 > x + 1 {
            pieces = pieces.flatMap { piece -> [GlyphWord] in
                let parts = piece.split(at: x)
                guard parts.count == 2 else { return [piece] }
                return parts[0].isFigure != parts[1].isFigure ? parts : [piece]
            }
        }
        return pieces
    }
}

/// Words on one baseline, left to right (the glyph-level twin of `TextLine`).
struct WordLine {
    var words: [GlyphWord]
    var bbox: BBox

    static func group(_ words: [GlyphWord]) -> [WordLine] {
        LineBuilder.groups(words, box: \.bbox).map { WordLine(words: $0, bbox: BBox.enclosing($0.map(\.bbox))!) }
    }
}

/// Words of a header line that belong together: neighbours closer than the
/// text height.
struct Phrase {
    var words: [GlyphWord]
    var bbox: BBox

    /// `breakingBeforeCurrency`: `Rp` / `Rp.` opens a phrase of its own
    /// (the amount it prefixes), however close it follows a name.
    static func split(_ line: WordLine, breakingBeforeCurrency: Bool = false) -> [Phrase] {
        var out: [[GlyphWord]] = []
        for w in line.words {
            let currency = breakingBeforeCurrency && AmountListDetector.isCurrency(w.text)
            if let last = out.last?.last, !currency,
               w.bbox.x0 - last.bbox.x1 < max(last.bbox.height, w.bbox.height) * 1.0 {
                out[out.count - 1].append(w)
            } else {
                out.append([w])
            }
        }
        return out.map { Phrase(words: $0, bbox: BBox.enclosing($0.map(\.bbox))!) }
    }
}

extension TableDetector {
    /// Every table of a page: ruled grids first, then tables aligned on a
    /// column-number row outside them, then lists of amounts outside both.
    static func detect(page: Int, rulings: [Ruling], words: [GlyphWord]) -> [TableGrid] {
        let ruled = tables(page: page, rulings: rulings, words: words)
        let aligned = ruled + AlignedTableDetector.tables(page: page, words: words, excluding: ruled)
        return aligned + AmountListDetector.tables(page: page, words: words, excluding: aligned)
    }
}
