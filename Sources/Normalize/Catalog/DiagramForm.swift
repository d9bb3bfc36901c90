import Foundation
import Model

/// One box of a diagram: its level, the statement (goal) it makes, its
/// indicators with their targets, and the program / kegiatan it names.
struct DiagramBox {
    struct Row {
        var goal: String?
        var indicator: String
        /// Target texts by year (`nil` year: a single target).
        var targets: [(year: String?, raw: String)]
    }

    var page: Int
    var bbox: BBox
    var level: CatalogLevel?
    /// The program / kegiatan name after `PROGRAM :`, `KEGIATAN :`.
    var name: String?
    var statement: String?
    var rows: [Row] = []
    /// The unit printed as the box's header (`BIDANG TELEMATIKA`).
    var owner: String?
    /// A box holding only an indicator (and its target) of the statement
    /// box it hangs from.
    var indicatorOnly = false

    /// How the box is named as a parent: its one indicator, else its
    /// statement, else its name.
    var parentText: String? {
        if rows.count == 1 { return rows[0].indicator }
        return statement ?? rows.first?.goal ?? name ?? rows.first?.indicator
    }
}

/// Reads the diagram form of a Pohon Kinerja: boxes joined by connector
/// lines, one level per band (Misi › Tujuan › Sasaran › Program › Kegiatan),
/// each box holding a statement, its indicators and their targets.
///
/// Boxes are found two ways: a ruled table whose title cell names a level
/// (`PROGRAM : …`, `KEGIATAN : …`, `TUJUAN RENSTRA`) is a box with its
/// Sasaran / Indikator / Target columns; other boxes are the drawn
/// rectangles, their text read by its labels (`Kinerja Utama`, `Indikator
/// Kinerja`, `Sasaran 1 –`, `Indikator 1.1 –`, `TARGET`). A box's level is
/// the level word of its title, else the band label at the page margin
/// (`ESSELON III`, `PROGRAM`). Its parent is the box one level up that a
/// connector line leads to, else the box one level up above it that
/// overlaps it horizontally the most.
struct DiagramForm {
    let config: CatalogConfig

    func drafts(of document: IngestedDocument) -> [CatalogDraft] {
        var drafts: [CatalogDraft] = []
        for page in document.pages {
            var boxes = titledTableBoxes(page)
            let taken = boxes.map(\.bbox)
            boxes += drawnBoxes(page, excluding: taken)
            guard boxes.contains(where: { !$0.rows.isEmpty }) else { continue }
            let bands = bandLabels(page, boxes: boxes)
            for i in boxes.indices where boxes[i].level == nil {
                boxes[i].level = band(of: boxes[i].bbox, bands: bands)
            }
            boxes.removeAll { $0.level == nil }
            drafts += self.drafts(from: boxes, page: page)
        }
        return drafts
    }

    // MARK: - Entries

    func drafts(from boxes: [DiagramBox], page: Page) -> [CatalogDraft] {
        let links = Connectors(page: page, boxes: boxes.map(\.bbox))
        var out: [CatalogDraft] = []
        let order = boxes.indices.sorted { (boxes[$0].bbox.y0, boxes[$0].bbox.x0) < (boxes[$1].bbox.y0, boxes[$1].bbox.x0) }
        for i in order where !boxes[i].rows.isEmpty {
            var box = boxes[i]
            var parent = self.parent(of: i, boxes, links, sameLevel: box.indicatorOnly)
            if box.indicatorOnly, let p = parent {
                // The statement box this indicator belongs to gives the goal;
                // the parent is that box's own parent.
                box.statement = box.statement ?? boxes[p].statement
                box.name = box.name ?? boxes[p].name
                box.level = boxes[p].level ?? box.level
                parent = self.parent(of: p, boxes, links, sameLevel: false)
            }
            guard let level = box.level else { continue }
            for row in box.rows {
                let targets = row.targets.isEmpty ? [(year: String?.none, raw: String?.none)]
                    : row.targets.map { (year: $0.year, raw: Optional($0.raw)) }
                for t in targets {
                    out.append(CatalogDraft(
                        page: box.page, bbox: box.bbox, level: level, goal: row.goal ?? box.statement,
                        indicator: row.indicator, parent: parent.flatMap { boxes[$0].parentText },
                        target: t.raw, period: t.year, owner: box.owner, name: box.name))
                }
            }
        }
        return out
    }

    /// The box one level up from box `i`: joined by a connector, else above
    /// it and overlapping it horizontally. With `sameLevel`, a box of the
    /// same level also counts (an indicator box under its statement box).
    func parent(of i: Int, _ boxes: [DiagramBox], _ links: Connectors, sameLevel: Bool) -> Int? {
        let child = boxes[i]
        guard let rank = child.level?.rank else { return nil }
        func eligible(_ j: Int) -> Bool {
            guard j != i, let r = boxes[j].level?.rank, !boxes[j].indicatorOnly else { return false }
            guard r < rank || (sameLevel && r == rank) else { return false }
            return boxes[j].bbox.midY < child.bbox.y0 + 2
        }
        func better(_ a: Int, _ b: Int) -> Bool {
            let ra = boxes[a].level!.rank, rb = boxes[b].level!.rank
            if ra != rb { return ra > rb }
            return boxes[a].bbox.y1 > boxes[b].bbox.y1
        }
        let joined = links.joined(to: i).filter(eligible)
        if let best = joined.max(by: { better($1, $0) }) { return best }
        let above = boxes.indices.filter { eligible($0) && boxes[$0].bbox.horizontalOverlap(child.bbox) > 0 }
        return above.max { a, b in
            if boxes[a].level!.rank != boxes[b].level!.rank { return boxes[a].level!.rank < boxes[b].level!.rank }
            if abs(boxes[a].bbox.y1 - boxes[b].bbox.y1) > 2 { return boxes[a].bbox.y1 < boxes[b].bbox.y1 }
            return boxes[a].bbox.horizontalOverlap(child.bbox) < boxes[b].bbox.horizontalOverlap(child.bbox)
        }
    }

    // MARK: - Boxes from titled table grids

    /// The level a title names: `PROGRAM : Penyelenggaraan Jalan`,
    /// `SUBKEGIATAN : …`, `TUJUAN RENSTRA`, `MISI RPJMD :`. Returns the level
    /// and the name after the colon (nil when none).
    func title(_ text: String) -> (level: CatalogLevel, name: String?, colon: Bool)? {
        let words = CatalogWords(text)
        let keys = config.levelWords.keys.sorted { CatalogWords($0).tokens.count > CatalogWords($1).tokens.count }
        guard let key = keys.first(where: { words.starts(with: $0) }), let level = config.levelWords[key] else {
            return nil
        }
        if let colon = text.firstIndex(of: ":") {
            let head = CatalogWords(String(text[..<colon])).tokens
            guard head.count <= CatalogWords(key).tokens.count + 2 else { return nil }
            let name = CatalogText.clean(String(text[text.index(after: colon)...]))
            return (level, name.isEmpty ? nil : name, true)
        }
        // A heading without a colon: short, upper case.
        guard words.tokens.count <= 4, text == text.uppercased() else { return nil }
        return (level, nil, false)
    }

    func titledTableBoxes(_ page: Page) -> [DiagramBox] {
        var boxes: [DiagramBox] = []
        for grid in page.tables {
            let titles = grid.cells.compactMap { cell -> (GridCell, CatalogLevel, String?, Bool)? in
                guard let first = cell.lines.first?.text, let t = title(first) else { return nil }
                return (cell, t.level, t.name ?? (t.colon ? CatalogText.join(cell.lines.dropFirst().map(\.text)) : nil), t.colon)
            }
            for (cell, level, name, colon) in titles {
                let columns = colon ? cell.column..<(cell.column + cell.columnSpan) : 0..<grid.columnCount
                let titleRows = Set(titles.filter { $0.0.row > cell.row && columns.contains($0.0.column) }.map(\.0.row))
                let end = titleRows.min() ?? grid.rowCount
                var box = DiagramBox(page: page.number, bbox: cell.bbox, level: level, name: colon ? name : nil)
                // A heading title merged with the first header label (`SASARAN STRATEGIS INDIKATOR`).
                box.rows = tableRows(grid, rows: (cell.row + (colon ? cell.rowSpan : 0))..<end, columns: columns,
                                     skipping: colon ? nil : cell)
                if box.rows.isEmpty, !colon {
                    // `MISI RPJMD :` style heading whose statement is below it.
                    box.statement = CatalogText.join(cell.lines.dropFirst().map(\.text))
                }
                for r in cell.row..<end {
                    for c in columns { if let x = grid.cell(coveringRow: r, column: c) { box.bbox = box.bbox.union(x.bbox) } }
                }
                if !colon, box.rows.isEmpty, box.statement == nil { continue }
                boxes.append(box)
            }
        }
        return boxes
    }

    /// The indicator rows of a box table: the column roles come from header
    /// labels (`Sasaran`/`Pernyataan`, `Indikator`, `Target`, a year), which
    /// may share a cell with the first data line.
    func tableRows(_ grid: TableGrid, rows: Range<Int>, columns: Range<Int>, skipping title: GridCell?) -> [DiagramBox.Row] {
        guard !rows.isEmpty else { return [] }
        enum Role { case statement, indicator, target(String?) }
        var roles: [Int: Role] = [:]
        for r in rows {
            for c in columns where roles[c] == nil {
                guard let cell = grid.cell(coveringRow: r, column: c), cell.row == r, cell != title else { continue }
                for line in cell.lines.prefix(3) {
                    let w = CatalogWords(line.text)
                    if config.columns.indicator.contains(where: { w.joined == CatalogWords($0).joined }) {
                        roles[c] = .indicator
                    } else if config.columns.statement.contains(where: { w.joined == CatalogWords($0).joined }) {
                        roles[c] = .statement
                    } else if let year = Self.year(line.text) {
                        roles[c] = .target(year)
                    } else if w.starts(with: "target") {
                        if cell.columnSpan == 1 { roles[c] = .target(nil) }
                        continue
                    } else { continue }
                    break
                }
            }
        }
        guard let indicatorColumn = columns.first(where: { if case .indicator = roles[$0] { return true }; return false })
        else { return [] }
        let statementColumn = columns.first { if case .statement = roles[$0] { return true }; return false }
        let targetColumns = columns.compactMap { c -> (Int, String?)? in
            if case .target(let y) = roles[c] { return (c, y) }
            return nil
        }
        var out: [DiagramBox.Row] = []
        for r in rows {
            guard let cell = grid.cell(coveringRow: r, column: indicatorColumn), cell.row == r,
                  let indicator = dataText(cell) else { continue }
            let goal = statementColumn.flatMap { grid.cell(coveringRow: r, column: $0) }.flatMap(dataText)
            let targets = targetColumns.compactMap { c, year -> (year: String?, raw: String)? in
                guard let t = grid.cell(coveringRow: r, column: c).flatMap(dataText) else { return nil }
                return (year, t)
            }
            out.append(DiagramBox.Row(goal: goal, indicator: indicator, targets: targets))
        }
        return out
    }

    /// A cell's text without the header labels that share it (`Indikator`,
    /// `Sasaran`, `TARGET`, `2022`).
    func dataText(_ cell: GridCell) -> String? {
        var lines = cell.lines.map(\.text)
        let labels = config.columns.indicator + config.columns.statement + config.columns.target
        while let first = lines.first {
            let w = CatalogWords(first)
            if labels.contains(where: { w.joined == CatalogWords($0).joined }) || Self.year(first) != nil
                || (w.starts(with: "target") && w.tokens.count <= 3) {
                lines.removeFirst()
            } else { break }
        }
        return CatalogText.join(lines)
    }

    /// `2022` alone on a line.
    static func year(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count == 4, let y = Int(t), (1990...2099).contains(y) else { return nil }
        return t
    }

    // MARK: - Boxes from drawn rectangles

    func drawnBoxes(_ page: Page, excluding taken: [BBox]) -> [DiagramBox] {
        let pageArea = max(1, page.width * page.height)
        var rects = (page.boxes + RulingRectangles.find(page.rulings))
            .filter { $0.width * $0.height < pageArea * 0.25 }
            .filter { r in !taken.contains { $0.contains(x: r.midX, y: r.midY) } }
        rects = Array(Set(rects.map(\.rounded)))
        let words = page.words.filter { w in !taken.contains { $0.contains(x: w.bbox.midX, y: w.bbox.midY) } }
        // Each word to the smallest rectangle holding its centre.
        var content: [Int: [Word]] = [:]
        for w in words {
            let holding = rects.indices.filter { rects[$0].contains(x: w.bbox.midX, y: w.bbox.midY) }
            guard let smallest = holding.min(by: { rects[$0].width * rects[$0].height < rects[$1].width * rects[$1].height })
            else { continue }
            content[smallest, default: []].append(w)
        }
        // A text rectangle inside exactly one other text rectangle... is part of it
        // when that one holds no other: a target box inside an indicator box,
        // a coloured header inside its box.
        var parts: [Int: [[Word]]] = [:]
        let bearing = content.keys.sorted()
        var merged: [Int: Int] = [:]
        for i in bearing {
            let outer = bearing.filter { $0 != i && rects[$0].contains(x: rects[i].x0 + 0.5, y: rects[i].y0 + 0.5)
                && rects[$0].contains(x: rects[i].x1 - 0.5, y: rects[i].y1 - 0.5) }
            guard let parent = outer.min(by: { rects[$0].width * rects[$0].height < rects[$1].width * rects[$1].height })
            else { continue }
            let siblings = bearing.filter { $0 != parent && rects[parent].contains(x: rects[$0].midX, y: rects[$0].midY) }
            if siblings.count == 1 { merged[i] = parent }
        }
        for i in bearing {
            var root = i
            while let p = merged[root] { root = p }
            parts[root, default: []].append(content[i]!)
        }
        return parts.compactMap { index, groups in
            box(page: page.number, rect: rects[index], groups: groups)
        }
    }

    /// Reads one drawn box's text by its labels.
    func box(page: Int, rect: BBox, groups: [[Word]]) -> DiagramBox? {
        // The main text, and sub-boxes such as `TARGET 50 Org`.
        var lines: [String] = []
        var targetTexts: [String] = []
        for words in groups {
            let text = BoxText.lines(words)
            if let first = text.first, CatalogWords(first).starts(with: "target") {
                let rest = CatalogText.join([String(first.dropFirst(6))] + text.dropFirst())
                if let rest { targetTexts.append(rest) }
            } else {
                lines += text
            }
        }
        guard let first = lines.first else { return nil }
        var box = DiagramBox(page: page, bbox: rect)
        let w = CatalogWords(first)
        if let label = w.longestPrefix(config.statementLabels), w.tokens.count == CatalogWords(label).tokens.count {
            // `Kinerja Utama` / statement / `Indikator Kinerja` / indicators.
            let rest = Array(lines.dropFirst())
            let split = rest.firstIndex { line in
                let lw = CatalogWords(line)
                return config.indicatorLabels.contains { lw.joined == CatalogWords($0).joined }
            }
            box.statement = CatalogText.join(Array(rest[..<(split ?? rest.count)]))
            let indicators = split.map { Array(rest[($0 + 1)...]) } ?? []
            box.rows = BoxText.items(indicators, starts: Self.indicatorStarts).map {
                DiagramBox.Row(goal: nil, indicator: $0, targets: [])
            }
            return box
        }
        if let label = w.longestPrefix(config.indicatorLabels), let text = afterSeparator(lines.joined(separator: " "), label: label) {
            // `Indikator 1.1 – Jumlah SDM …` with its `TARGET` sub-box.
            box.indicatorOnly = true
            box.rows = [DiagramBox.Row(goal: nil, indicator: text, targets: targetTexts.map { (nil, $0) })]
            return box
        }
        if let t = title(first), t.colon || first == first.uppercased() {
            box.level = t.level
            let joined = lines.joined(separator: " ")
            if let colon = joined.firstIndex(of: ":") {
                box.statement = CatalogText.join([String(joined[joined.index(after: colon)...])])
            } else if let text = afterSeparator(joined, label: CatalogWords(first).tokens.first ?? "") {
                box.statement = text
            }
            return box.statement == nil ? nil : box
        }
        if let text = afterSeparator(lines.joined(separator: " "), label: CatalogWords(first).tokens.first ?? ""),
           let level = config.levelWords[CatalogWords(first).tokens.first ?? ""] {
            // `Sasaran 1- Tersedianya SDM …`
            box.level = level
            box.statement = text
            return box
        }
        // A unit's box: its name, then numbered indicators (`1.1 Persentase …`).
        let numbered = lines.indices.filter { CatalogText.listMarker(lines[$0])?.marker.first?.isNumber == true
            || lines[$0].range(of: #"^\d+(\.\d+)+\s"#, options: .regularExpression) != nil }
        if let firstItem = numbered.first, firstItem > 0 {
            box.owner = CatalogText.join(Array(lines[..<firstItem]))
            var items: [String] = []
            for (k, i) in numbered.enumerated() {
                let end = k + 1 < numbered.count ? numbered[k + 1] : lines.count
                let text = lines[i..<end].joined(separator: " ")
                    .replacingOccurrences(of: #"^\d+(\.\d+)*\.?\s+"#, with: "", options: .regularExpression)
                if let t = CatalogText.join([text]) { items.append(t) }
            }
            box.rows = items.map { DiagramBox.Row(goal: nil, indicator: $0, targets: []) }
            return box.rows.isEmpty ? nil : box
        }
        return nil
    }

    /// The text after `Label n.n –` / `Label n :`.
    func afterSeparator(_ text: String, label: String) -> String? {
        let pattern = #"^\s*[^\s]+(\s+[^\s]+){0,2}?\s*[0-9IVX.]*\s*[–—:\-]\s*"#
        guard CatalogWords(text).starts(with: label),
              let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        let head = CatalogWords(String(text[range]))
        guard head.tokens.count <= CatalogWords(label).tokens.count + 2 else { return nil }
        let rest = CatalogText.clean(String(text[range.upperBound...]))
        return rest.isEmpty ? nil : rest
    }

    /// Words that start an indicator (a new item in a list of indicators
    /// printed one under another).
    static let indicatorStarts: Set<String> = [
        "persentase", "presentase", "prosentase", "jumlah", "indeks", "nilai", "rasio", "ratio", "angka",
        "tingkat", "cakupan", "prevalensi", "rata", "panjang", "luas", "capaian", "predikat", "opini", "skor",
    ]

    // MARK: - Bands

    struct BandLabel {
        var level: CatalogLevel
        var y: Double
        var from: Double = -.infinity
        var to: Double = .infinity
    }

    /// Band labels at the page's left margin (`ESSELON II`, `PROGRAM`), with
    /// the vertical span of each band: band boundaries lie in the widest gap
    /// between boxes between two labels.
    func bandLabels(_ page: Page, boxes: [DiagramBox]) -> [BandLabel] {
        let left = boxes.map(\.bbox.x0).min() ?? 0
        var labels: [BandLabel] = []
        for line in page.lines {
            for run in PageText.runs(of: line) where run.bbox.x1 <= left + 2 || run.bbox.x0 < left - 20 {
                let key = CatalogWords(run.text).joined
                if let level = config.bands[key] { labels.append(BandLabel(level: level, y: run.bbox.midY)) }
            }
        }
        labels.sort { $0.y < $1.y }
        for k in labels.indices.dropLast() {
            let a = labels[k].y, b = labels[k + 1].y
            let spans = boxes.map { (max($0.bbox.y0, a), min($0.bbox.y1, b)) }.filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
            var best = (a + b) / 2, widest = -1.0, cursor = a
            for (s, e) in spans {
                if s - cursor > widest { widest = s - cursor; best = (cursor + s) / 2 }
                cursor = max(cursor, e)
            }
            if b - cursor > widest { best = (cursor + b) / 2 }
            labels[k].to = best
            labels[k + 1].from = best
        }
        return labels
    }

    func band(of box: BBox, bands: [BandLabel]) -> CatalogLevel? {
        bands.first { box.y0 + 1 >= $0.from && box.y0 + 1 < $0.to }?.level
    }
}

/// Text of a box: words grouped into lines, top to bottom.
enum BoxText {
    static func lines(_ words: [Word]) -> [String] {
        let sorted = words.sorted { ($0.bbox.midY, $0.bbox.x0) < ($1.bbox.midY, $1.bbox.x0) }
        var groups: [[Word]] = []
        for w in sorted {
            if let last = groups.last?.last, abs(w.bbox.midY - last.bbox.midY) <= min(w.bbox.height, last.bbox.height) * 0.5 {
                groups[groups.count - 1].append(w)
            } else {
                groups.append([w])
            }
        }
        return groups.map { g in g.sorted { $0.bbox.x0 < $1.bbox.x0 }.map(\.text).joined(separator: " ") }
    }

    /// Lines of a list of indicators cut into items: a line starting with an
    /// indicator word (`Persentase`, `Jumlah` … in capitals) starts an item.
    static func items(_ lines: [String], starts: Set<String>) -> [String] {
        var items: [String] = []
        for line in lines {
            let first = CatalogWords(line).tokens.first ?? ""
            if items.isEmpty || (starts.contains(first) && line.first?.isUppercase == true) {
                items.append(line)
            } else {
                items[items.count - 1] += " " + line
            }
        }
        return items.compactMap { CatalogText.join([$0]) }
    }
}

/// Rectangles formed by ruling lines (boxes drawn as cell borders): two
/// vertical rulings of the same extent whose ends a top and a bottom
/// horizontal ruling join.
enum RulingRectangles {
    static func find(_ rulings: [Ruling]) -> [BBox] {
        let merged = merge(rulings)
        let hs = merged.filter { $0.axis == .horizontal }
        let vs = merged.filter { $0.axis == .vertical }
        let tol = 2.5
        func covered(_ y: Double, _ x0: Double, _ x1: Double) -> Bool {
            hs.contains { abs($0.position - y) <= tol && $0.start <= x0 + tol && $0.end >= x1 - tol }
        }
        var groups: [String: [Ruling]] = [:]
        for v in vs { groups["\(Int((v.start / tol).rounded())):\(Int((v.end / tol).rounded()))", default: []].append(v) }
        var out: [BBox] = []
        for (_, group) in groups {
            let sorted = group.sorted { $0.position < $1.position }
            for (l, r) in zip(sorted, sorted.dropFirst()) where r.position - l.position > 4 {
                let top = max(l.start, r.start), bottom = min(l.end, r.end)
                if covered(top, l.position, r.position), covered(bottom, l.position, r.position) {
                    out.append(BBox(x0: l.position, y0: top, x1: r.position, y1: bottom))
                }
            }
        }
        return out
    }

    /// Collinear rulings that touch joined into one.
    static func merge(_ rulings: [Ruling]) -> [Ruling] {
        var out: [Ruling] = []
        for axis in [Ruling.Axis.horizontal, .vertical] {
            let sorted = rulings.filter { $0.axis == axis }.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
            var lines: [Ruling] = []
            for r in sorted {
                if let i = lines.lastIndex(where: { abs($0.position - r.position) <= 1.0 && r.start <= $0.end + 1.5 }) {
                    lines[i].end = max(lines[i].end, r.end)
                    lines[i].start = min(lines[i].start, r.start)
                } else {
                    lines.append(r)
                }
            }
            out += lines
        }
        return out
    }
}

/// Connector lines between boxes: strokes and rulings that are not box
/// borders, grouped into connected paths; a path joins the boxes its ends
/// touch.
struct Connectors {
    private var boxesOfPath: [[Int]] = []

    init(page: Page, boxes: [BBox]) {
        let tol = 3.0
        let reach = 9.0 // an arrowhead may stand between a line's end and the box
        let segments = RulingRectangles.merge(page.strokes + page.rulings).filter { s in
            !boxes.contains { b in Connectors.onBorder(s, b, tol) }
        }
        // Union-find over touching segments.
        var parent = Array(segments.indices)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        for i in segments.indices {
            for j in segments.indices where j > i && Connectors.touch(segments[i], segments[j], tol) {
                let a = find(i), b = find(j)
                if a != b { parent[a] = b }
            }
        }
        var paths: [Int: Set<Int>] = [:]
        for (i, s) in segments.enumerated() {
            for (p, q) in s.ends {
                for (k, b) in boxes.enumerated() where Connectors.near(p, q, b, reach) {
                    paths[find(i), default: []].insert(k)
                }
            }
        }
        boxesOfPath = paths.values.map { Array($0) }.filter { $0.count >= 2 }
    }

    /// Boxes joined to box `i` by some connector path.
    func joined(to i: Int) -> [Int] {
        Array(Set(boxesOfPath.filter { $0.contains(i) }.flatMap { $0 }).subtracting([i]))
    }

    static func onBorder(_ s: Ruling, _ b: BBox, _ tol: Double) -> Bool {
        switch s.axis {
        case .horizontal:
            return (abs(s.position - b.y0) <= tol || abs(s.position - b.y1) <= tol)
                && s.start >= b.x0 - tol && s.end <= b.x1 + tol
        case .vertical:
            return (abs(s.position - b.x0) <= tol || abs(s.position - b.x1) <= tol)
                && s.start >= b.y0 - tol && s.end <= b.y1 + tol
        }
    }

    static func touch(_ a: Ruling, _ b: Ruling, _ tol: Double) -> Bool {
        if a.axis == b.axis {
            return abs(a.position - b.position) <= tol && a.start <= b.end + tol && b.start <= a.end + tol
        }
        let (h, v) = a.axis == .horizontal ? (a, b) : (b, a)
        return v.position >= h.start - tol && v.position <= h.end + tol
            && h.position >= v.start - tol && h.position <= v.end + tol
    }

    /// An end point close to the box's border (outside or on it).
    static func near(_ x: Double, _ y: Double, _ b: BBox, _ reach: Double) -> Bool {
        let dx = max(b.x0 - x, 0, x - b.x1), dy = max(b.y0 - y, 0, y - b.y1)
        guard dx <= reach, dy <= reach else { return false }
        // Inside the box counts only near its border.
        let inside = min(x - b.x0, b.x1 - x, y - b.y0, b.y1 - y)
        return inside <= reach
    }
}

extension Ruling {
    /// Both end points as (x, y).
    var ends: [(Double, Double)] {
        switch axis {
        case .horizontal: return [(start, position), (end, position)]
        case .vertical: return [(position, start), (position, end)]
        }
    }
}
