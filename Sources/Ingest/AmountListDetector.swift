import Model

/// Rebuilds lists printed without borders whose rows each carry an amount:
/// the budget appendix of a Perjanjian Kinerja (performance agreement),
/// `Program | Anggaran | Keterangan` with one programme and its
/// `Rp 177.792.500` a row, and budget summaries like it.
///
/// The header is a line of three to six short phrases (no figures) with
/// wide gaps between them, each phrase one column. Below it, two or more
/// lines print an amount (a figure with two or more thousands groups) under
/// the same header phrase, not the first. The list ends at a vertical gap
/// of three line heights; lines after its last amount stay only while they
/// follow closely (a wrapped name). A row starts at each list number
/// (`1`, `10`) printed left of the text when the list numbers its items;
/// else at the widest gaps between lines when that gives each row one
/// amount, else at each line with an amount (the lines between join it).
enum AmountListDetector {
    static func tables(page: Int, words: [GlyphWord], excluding taken: [TableGrid]) -> [TableGrid] {
        let free = words.filter { w in !taken.contains { $0.bbox.contains(x: w.bbox.midX, y: w.bbox.midY) } }
        let lines = WordLine.group(free)
        var tables: [TableGrid] = []
        var i = 0
        while i < lines.count {
            if let (grid, next) = table(page: page, lines: lines, header: i) {
                tables.append(grid)
                i = next
            } else {
                i += 1
            }
        }
        return tables
    }

    /// `177.792.500`, `23,665,554,229.00`: two or more thousands groups.
    static func isAmount(_ text: String) -> Bool {
        var t = Substring(text)
        if t.hasSuffix(".00") || t.hasSuffix(",00") { t = t.dropLast(3) }
        let groups = t.split(separator: ".", omittingEmptySubsequences: false).count > 2
            ? t.split(separator: ".", omittingEmptySubsequences: false)
            : t.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 3, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.allSatisfy { g in g.allSatisfy { $0.isASCII && $0.isNumber } }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `Rp`, `Rp.`, `Rp.-`: the rupiah sign before an amount.
    static func isCurrency(_ text: String) -> Bool {
        text.lowercased().hasPrefix("rp") && text.dropFirst(2).allSatisfy { !$0.isLetter && !$0.isNumber }
    }

    /// A list number opening a line: `1`, `10`, `3.`.
    static func listNumber(_ word: GlyphWord) -> Bool {
        let t = word.text.hasSuffix(".") ? String(word.text.dropLast()) : word.text
        return (1...2).contains(t.count) && t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Rows split at the widest gaps between lines, when that gives each
    /// row exactly one amount (items spaced apart, their lines close).
    static func rowsByGaps(_ body: [WordLine], hasAmount: [Bool]) -> [[WordLine]]? {
        guard body.count >= 2 else { return nil }
        let gaps = zip(body, body.dropFirst()).map { $1.bbox.y0 - $0.bbox.y1 }
        let sorted = gaps.sorted()
        // The threshold: the middle of the largest jump between gap sizes.
        guard let jump = zip(sorted, sorted.dropFirst()).enumerated().max(by: { ($0.element.1 - $0.element.0) < ($1.element.1 - $1.element.0) }),
              jump.element.1 - jump.element.0 >= 3 else { return nil }
        let threshold = (jump.element.0 + jump.element.1) / 2
        var rows: [[WordLine]] = [[body[0]]]
        var amounts = [hasAmount[0] ? 1 : 0]
        for i in 1..<body.count {
            if gaps[i - 1] > threshold {
                rows.append([body[i]])
                amounts.append(0)
            } else {
                rows[rows.count - 1].append(body[i])
            }
            if hasAmount[i] { amounts[amounts.count - 1] += 1 }
        }
        return amounts.allSatisfy { $0 == 1 } ? rows : nil
    }

    /// Rows starting at each line with an amount; the lines before the
    /// first amount open the first row.
    static func rowsByAmounts(_ body: [WordLine], hasAmount: [Bool]) -> [[WordLine]] {
        var rows: [[WordLine]] = []
        var rowHasAmount = false
        for (line, amount) in zip(body, hasAmount) {
            if rows.isEmpty || (amount && rowHasAmount) {
                rows.append([line])
                rowHasAmount = amount
            } else {
                rows[rows.count - 1].append(line)
                rowHasAmount = rowHasAmount || amount
            }
        }
        return rows
    }

    static func table(page: Int, lines: [WordLine], header h: Int) -> (TableGrid, next: Int)? {
        let phrases = Phrase.split(lines[h])
        guard (3...6).contains(phrases.count),
              phrases.allSatisfy({ p in p.words.count <= 3 && !p.words.contains { $0.text.contains(where: \.isNumber) } })
        else { return nil }
        let height = lines[h].bbox.height
        guard zip(phrases, phrases.dropFirst()).allSatisfy({ $1.bbox.x0 - $0.bbox.x1 >= 3 * height }) else { return nil }
        var anchors = phrases.map(\.bbox.midX)

        // Body: until a gap of three line heights.
        var body: [WordLine] = []
        var bottom = lines[h].bbox.y1
        var next = h + 1
        while next < lines.count, lines[next].bbox.y0 - bottom <= 3 * max(height, lines[next].bbox.height) {
            body.append(lines[next])
            bottom = lines[next].bbox.y1
            next += 1
        }
        // Amounts, each under the header phrase nearest it.
        func nearest(_ x: Double) -> Int {
            anchors.indices.min { abs(anchors[$0] - x) < abs(anchors[$1] - x) }!
        }
        let amountLines = body.indices.filter { body[$0].words.contains { isAmount($0.text) } }
        guard amountLines.count >= 2 else { return nil }
        // An amount with its `Rp` prefix (amounts are aligned right, headers centred).
        func amountSpans(_ line: WordLine) -> [Double] {
            line.words.indices.filter { isAmount(line.words[$0].text) }.map { i in
                let w = line.words[i]
                let x0 = i > 0 && isCurrency(line.words[i - 1].text) ? line.words[i - 1].bbox.x0 : w.bbox.x0
                return (x0 + w.bbox.x1) / 2
            }
        }
        let amountColumns = Set(amountLines.flatMap { amountSpans(body[$0]).map(nearest) })
        guard amountColumns.count == 1, let column = amountColumns.first, column > 0 else { return nil }
        // After the last amount, only lines that follow closely.
        var end = amountLines.last! + 1
        while end < body.count, body[end].bbox.y0 - body[end - 1].bbox.y1 <= 1.5 * body[end].bbox.height { end += 1 }
        body = Array(body[..<end])
        next = h + 1 + end

        // A column of list numbers left of the text, when two or more lines open with one.
        let textLeft = body.compactMap { l -> Double? in
            guard let first = l.words.first else { return nil }
            if listNumber(first) { return l.words.count > 1 ? l.words[1].bbox.x0 : nil }
            return first.bbox.x0
        }.min() ?? 0
        func opensWithNumber(_ l: WordLine) -> Bool {
            l.words.first.map { listNumber($0) && $0.bbox.x1 < textLeft - 2 } ?? false
        }
        let numbered = body.filter(opensWithNumber)
        let hasNumbers = numbered.count >= 2
        if hasNumbers { anchors.insert(numbered.map { $0.words[0].bbox.midX }.min()!, at: 0) }

        // Rows.
        let hasAmount = body.map { $0.words.contains { isAmount($0.text) } }
        var rows: [[WordLine]] = []
        if hasNumbers {
            for line in body {
                if rows.isEmpty || opensWithNumber(line) { rows.append([line]) } else { rows[rows.count - 1].append(line) }
            }
        } else {
            rows = rowsByGaps(body, hasAmount: hasAmount) ?? rowsByAmounts(body, hasAmount: hasAmount)
        }
        guard rows.count >= 2 else { return nil }

        // Column edges: between neighbouring anchors, where the fewest body
        // phrases cross (a name's words stay together).
        let bodyPhrases = body.flatMap { Phrase.split($0, breakingBeforeCurrency: true) }.map(\.bbox)
        var edges = AlignedTableDetector.cuts(between: anchors, crossing: bodyPhrases)
        let allBoxes = bodyPhrases + phrases.map(\.bbox)
        let left = min(allBoxes.map(\.x0).min()!, anchors[0] - 5) - 1
        let right = max(allBoxes.map(\.x1).max()!, anchors.last! + 5) + 1
        edges = [left] + edges + [right]
        let nCols = edges.count - 1

        // Cells: the header row, then each row's words by column.
        var cells: [GridCell] = []
        let headerTop = lines[h].bbox.y0 - 0.5
        var rowEdges = [headerTop]
        let headerBottom = (lines[h].bbox.y1 + body[0].bbox.y0) / 2
        var headerWords: [Int: [GlyphWord]] = [:]
        for w in lines[h].words {
            if let c = AlignedTableDetector.column(of: w.bbox.midX, edges: edges) { headerWords[c, default: []].append(w) }
        }
        for c in 0..<nCols {
            cells.append(AlignedTableDetector.cell(row: 0, column: c, span: 1, edges: edges, top: headerTop,
                                                   bottom: headerBottom, words: headerWords[c] ?? []))
        }
        rowEdges.append(headerBottom)
        for (k, rowLines) in rows.enumerated() {
            let top = rowEdges.last!
            let bottomY = k + 1 < rows.count ? (rowLines.last!.bbox.y1 + rows[k + 1].first!.bbox.y0) / 2
                                             : rowLines.last!.bbox.y1 + 0.5
            cells += AlignedTableDetector.rowCells(row: k + 1, words: rowLines.flatMap(\.words), edges: edges,
                                                   top: top, bottom: bottomY)
            rowEdges.append(bottomY)
        }
        var grid = TableGrid(page: page, bbox: BBox(x0: edges.first!, y0: rowEdges.first!, x1: edges.last!, y1: rowEdges.last!),
                             columnEdges: edges, rowEdges: rowEdges, cells: cells, ruled: false)
        grid.headerRowCount = 1
        return (grid, next)
    }
}

