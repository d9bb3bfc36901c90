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
        // Every drawn rectangle's border is a border, not a connector.
        let borders = boxes.map(\.bbox) + page.boxes + RulingRectangles.find(page.rulings)
        let links = Connectors(page: page, boxes: boxes.map(\.bbox), borders: borders)
        var out: [CatalogDraft] = []
        let order = boxes.indices.sorted { (boxes[$0].bbox.y0, boxes[$0].bbox.x0) < (boxes[$1].bbox.y0, boxes[$1].bbox.x0) }
        // A statement box with one indicator box under it is named by that
        // indicator when it is a parent.
        var named = boxes
        var attached: [Int: [String]] = [:]
        for i in boxes.indices where boxes[i].indicatorOnly {
            if let p = self.parent(of: i, boxes, links, sameLevel: true) { attached[p, default: []] += boxes[i].rows.map(\.indicator) }
        }
        for (p, indicators) in attached where indicators.count == 1 && named[p].rows.isEmpty {
            named[p].rows = [DiagramBox.Row(goal: named[p].statement, indicator: indicators[0], targets: [])]
        }
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
                        indicator: row.indicator,
                        parent: parent.flatMap { parentText(named[$0], of: box, goal: row.goal ?? box.statement) },
                        target: t.raw, period: t.year, owner: box.owner, name: box.name))
                }
            }
        }
        return out
    }

    /// The box one level up from box `i`. Candidates are boxes of the
    /// nearest higher level above it. A connector decides among those that
    /// overlap the box horizontally (a connector path may run along other
    /// boxes' rows of borders, so one that leads sideways is trusted only
    /// when no candidate overlaps); without a joined overlapping candidate
    /// the one overlapping most (then the nearest) is the parent, and
    /// without any overlapping one, the nearest joined one. With
    /// `sameLevel`, a box of the same level also counts (an indicator box
    /// under its statement box).
    func parent(of i: Int, _ boxes: [DiagramBox], _ links: Connectors, sameLevel: Bool) -> Int? {
        let child = boxes[i]
        guard let rank = child.level?.rank else { return nil }
        let candidates = boxes.indices.filter { j in
            guard j != i, let r = boxes[j].level?.rank, !boxes[j].indicatorOnly else { return false }
            guard r < rank || (sameLevel && r == rank) else { return false }
            return boxes[j].bbox.midY < child.bbox.y0 + 2
        }
        guard let nearest = candidates.compactMap({ boxes[$0].level?.rank }).max() else { return nil }
        let level = candidates.filter { boxes[$0].level?.rank == nearest }
        let joined = Set(links.joined(to: i))
        let overlap = { (j: Int) in boxes[j].bbox.horizontalOverlap(child.bbox) }
        let closer = { (a: Int, b: Int) -> Bool in
            // true when b is the better parent
            if abs(overlap(a) - overlap(b)) > 1 { return overlap(a) < overlap(b) }
            return boxes[a].bbox.y1 < boxes[b].bbox.y1
        }
        // A box repeating a statement of a box one level up (a program
        // box's Sasaran column) hangs from that box.
        let own = Set(([child.statement] + child.rows.map(\.goal)).compactMap { $0.map(Self.squashed) })
        if let stated = level.first(where: { j in
            !own.isDisjoint(with: ([boxes[j].statement] + boxes[j].rows.map(\.goal)).compactMap { $0.map(Self.squashed) })
        }) { return stated }
        let overlapping = level.filter { overlap($0) > 0 }
        if let best = overlapping.filter(joined.contains).max(by: closer) { return best }
        if let best = overlapping.max(by: closer) { return best }
        return level.filter(joined.contains).max { boxes[$0].bbox.y1 < boxes[$1].bbox.y1 }
    }

    /// Text compared without case, punctuation or spaces (narrow cells break
    /// words: `Meningkatny a kualitas`).
    static func squashed(_ text: String) -> String {
        CatalogWords(text).tokens.joined()
    }

    /// How `parent` is named as the parent of `child`: the goal of the
    /// parent the child repeats, else the parent's own naming.
    func parentText(_ parent: DiagramBox, of child: DiagramBox, goal: String?) -> String? {
        if let goal, let same = parent.rows.compactMap(\.goal).first(where: { Self.squashed($0) == Self.squashed(goal) }) {
            return parent.rows.count == 1 ? parent.rows[0].indicator : same
        }
        return parent.parentText
    }

    // MARK: - Boxes from titled table grids

    /// The level a title names: `PROGRAM : Penyelenggaraan Jalan`,
    /// `SUBKEGIATAN : …`, `TUJUAN RENSTRA`, `MISI RPJMD :`. Returns the level
    /// and the name after the colon (nil when none).
    func title(_ text: String) -> (level: CatalogLevel, name: String?, colon: Bool)? {
        let words = CatalogWords(text)
        let keys = config.levelWords.keys.sorted {
            let a = CatalogWords($0).tokens.count, b = CatalogWords($1).tokens.count
            return a != b ? a > b : $0 < $1
        }
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
                // The name runs on over the cell's lines, up to a header label (`Target (%)`).
                let lines = cell.lines.map(\.text).prefix { !CatalogWords($0).starts(with: "target") }
                let whole = CatalogText.clean(lines.joined(separator: " "))
                let name = whole.firstIndex(of: ":").map { CatalogText.clean(String(whole[whole.index(after: $0)...])) }
                return (cell, t.level, name.flatMap { $0.isEmpty ? nil : $0 }, t.colon)
            }
            for (cell, level, name, colon) in titles {
                let columns = colon ? cell.column..<(cell.column + cell.columnSpan) : 0..<grid.columnCount
                let titleRows = Set(titles.filter { $0.0.row > cell.row && columns.contains($0.0.column) }.map(\.0.row))
                let end = titleRows.min() ?? grid.rowCount
                var box = DiagramBox(page: page.number, bbox: cell.bbox, level: level, name: colon ? name : nil)
                let start = cell.row + (colon ? cell.rowSpan : 0)
                guard start <= end else { continue }
                // A heading title merged with the first header label (`SASARAN STRATEGIS INDIKATOR`).
                box.rows = tableRows(grid, rows: start..<end, columns: columns, title: colon ? nil : cell)
                if box.rows.isEmpty {
                    guard !colon else { continue }
                    // A heading whose statement is under it in the same cell (`TUJUAN` / `Mewujudkan …`).
                    box.statement = CatalogText.join(cell.lines.dropFirst().map(\.text))
                    if box.statement != nil { boxes.append(box) }
                    continue
                }
                for r in cell.row..<end {
                    for c in columns { if let x = Self.cell(grid, r, c) { box.bbox = box.bbox.union(x.bbox) } }
                }
                boxes.append(box)
            }
        }
        return boxes
    }

    /// The indicator rows of a box table: the column roles come from header
    /// labels (`Sasaran`/`Pernyataan`, `Indikator`, `Target`, a year), which
    /// may share a cell with the first data line.
    func tableRows(_ grid: TableGrid, rows: Range<Int>, columns: Range<Int>, title: GridCell?) -> [DiagramBox.Row] {
        guard !rows.isEmpty else { return [] }
        enum Role { case statement, indicator, target(String?) }
        var roles: [Int: Role] = [:]
        func yearless(_ c: Int) -> Bool { if case .target(nil)? = roles[c] { return true }; return false }
        for r in rows {
            for c in columns where roles[c] == nil || yearless(c) {
                guard let cell = Self.cell(grid, r, c), cell.row == r else { continue }
                // A header label opens its cell (after the title, in the title's cell).
                for line in (cell == title ? Array(cell.lines.dropFirst()) : cell.lines).prefix(1) {
                    let w = CatalogWords(line.text)
                    if yearless(c) {
                        // Only a year under a `TARGET` header refines the column.
                        if let year = Self.year(line.text) { roles[c] = .target(year) }
                        break
                    }
                    if config.columns.indicator.contains(where: { w.joined == CatalogWords($0).joined }) {
                        roles[c] = .indicator
                    } else if config.columns.statement.contains(where: { w.joined == CatalogWords($0).joined }) {
                        roles[c] = .statement
                    } else if let year = Self.year(line.text) {
                        roles[c] = .target(year)
                    } else if w.starts(with: "target") {
                        // `TARGET` / `2022` in one cell.
                        let next = cell.lines.dropFirst().first.flatMap { Self.year($0.text) }
                        if cell.columnSpan == 1 { roles[c] = .target(next) }
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
            guard let cell = Self.cell(grid, r, indicatorColumn), cell.row == r, cell != title,
                  let indicator = dataText(cell) else { continue }
            let goal = statementColumn.flatMap { Self.cell(grid, r, $0) }.flatMap(dataText)
            let targets = targetColumns.compactMap { c, year -> (year: String?, raw: String)? in
                guard let t = Self.cell(grid, r, c).flatMap(dataText) else { return nil }
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

    /// The most specific cell covering (r, c): grids rebuilt from a whole
    /// diagram may hold empty merged areas overlapping the boxes' cells.
    static func cell(_ grid: TableGrid, _ r: Int, _ c: Int) -> GridCell? {
        grid.cells.filter { r >= $0.row && r < $0.row + $0.rowSpan && c >= $0.column && c < $0.column + $0.columnSpan }
            .min { ($0.isEmpty ? 1 : 0, $0.rowSpan * $0.columnSpan) < ($1.isEmpty ? 1 : 0, $1.rowSpan * $1.columnSpan) }
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
        rects = Self.splitStacks(Set(rects.map(\.rounded)).sorted { ($0.y0, $0.x0, $0.y1, $0.x1) < ($1.y0, $1.x0, $1.y1, $1.x1) })
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
        var boxes: [DiagramBox] = []
        var loose: [(rect: BBox, lines: [String])] = []
        let (numbered, consumed) = numberedRows(parts.mapValues { BoxText.lines($0.flatMap { $0 }) }, rects: rects,
                                                page: page.number)
        boxes += numbered
        for (index, groups) in parts where !consumed.contains(index) {
            if let b = box(page: page.number, rect: rects[index], groups: groups) {
                boxes.append(b)
            } else {
                loose.append((rects[index], BoxText.lines(groups.flatMap { $0 })))
            }
        }
        attachTargets(&boxes, loose: loose)
        return boxes
    }

    /// Indicators printed as a row of two boxes, the number in one and the
    /// text in the next (`2.1.1` | `Persentase layanan …`), under a unit's
    /// header box (`BIDANG POS DAN TELEKOMUNIKASI`, `SEKSI …`): one box per
    /// row, its owner the unit above it. Returns the boxes and the
    /// rectangles they used.
    func numberedRows(_ texts: [Int: [String]], rects: [BBox], page: Int) -> ([DiagramBox], Set<Int>) {
        let number = #"^\d+(\.\d+)+\.?$"#
        var out: [DiagramBox] = []
        var used = Set<Int>()
        let units = texts.filter { _, lines in
            guard let first = lines.first else { return false }
            let w = CatalogWords(first)
            return config.unitWords.contains { w.starts(with: $0) } && first == first.uppercased()
        }
        for (n, lines) in texts where !lines.isEmpty
            && lines.allSatisfy({ $0.range(of: number, options: .regularExpression) != nil }) {
            let a = rects[n]
            let beside = texts.filter { t, tl in
                let b = rects[t]
                guard t != n, b.x0 >= a.x1 - 3, b.x0 - a.x1 < 8,
                      b.verticalOverlap(a) >= min(a.height, b.height) * 0.6,
                      let first = tl.first.map({ CatalogWords($0).tokens.first ?? "" }) else { return false }
                return Self.indicatorStarts.contains(first)
            }
            guard let (t, tl) = beside.min(by: { rects[$0.key].x0 < rects[$1.key].x0 }) else { continue }
            let rect = a.union(rects[t])
            var box = DiagramBox(page: page, bbox: rect)
            box.rows = BoxText.items(tl, starts: Self.indicatorStarts).map { DiagramBox.Row(goal: nil, indicator: $0, targets: []) }
            // The unit: the nearest header box above that spans the row.
            let above = units.filter { u, _ in rects[u].y1 <= rect.y0 + 2 && rects[u].horizontalOverlap(rect) > rect.width * 0.5 }
            box.owner = above.max { rects[$0.key].y1 < rects[$1.key].y1 }.flatMap { CatalogText.join($0.value) }
            if let owner = box.owner {
                let w = CatalogWords(owner)
                let key = config.unitLevels.keys.filter { w.starts(with: $0) }.max { $0.count < $1.count }
                box.level = key.flatMap { config.unitLevels[$0] }
            }
            out.append(box)
            used.formUnion([n, t])
        }
        return (out, used)
    }

    /// A `TARGET` label drawn as its own box beside an indicator box, with
    /// the figure in the box under the label (`TARGET` / `50 Org`).
    func attachTargets(_ boxes: inout [DiagramBox], loose: [(rect: BBox, lines: [String])]) {
        let labels = loose.filter { $0.lines.first.map { CatalogWords($0).starts(with: "target") } ?? false }
        for i in boxes.indices where boxes[i].indicatorOnly && boxes[i].rows.count == 1 && boxes[i].rows[0].targets.isEmpty {
            let b = boxes[i].bbox
            let beside = labels.filter { $0.rect.x0 >= b.x1 - 10 && $0.rect.x0 <= b.x1 + 60 && $0.rect.verticalOverlap(b) > 0 }
            guard let label = beside.min(by: { $0.rect.x0 < $1.rect.x0 }) else { continue }
            var value = CatalogText.join([String(label.lines[0].dropFirst(6))] + label.lines.dropFirst())
            if value == nil {
                let below = loose.filter { $0.rect.horizontalOverlap(label.rect) > label.rect.width * 0.5
                    && $0.rect.y0 >= label.rect.y1 - 3 && $0.rect.y0 <= label.rect.y1 + 20 }
                value = below.min(by: { $0.rect.y0 < $1.rect.y0 }).flatMap { CatalogText.join($0.lines) }
            }
            if let value { boxes[i].rows[0].targets = [(nil, value)] }
        }
    }

    /// A column of boxes drawn as one bordered rectangle with a coloured
    /// header per box (Excel cells): cut at each header into one rectangle
    /// per box.
    static func splitStacks(_ rects: [BBox]) -> [BBox] {
        var out: [BBox] = []
        for p in rects {
            let headers = rects.filter { c in c != p && c.x0 >= p.x0 - 1 && c.x1 <= p.x1 + 1 && c.y0 >= p.y0 - 1
                && c.y1 <= p.y1 + 1 && c.width >= p.width * 0.9 && c.height < p.height * 0.5 }
                .sorted { $0.y0 < $1.y0 }
            // Headers that do not overlap one another, two or more.
            let separate = zip(headers, headers.dropFirst()).allSatisfy { $0.y1 <= $1.y0 + 1 }
            guard headers.count >= 2, separate else { out.append(p); continue }
            var tops = headers.map(\.y0)
            if tops[0] > p.y0 + 2 { tops.insert(p.y0, at: 0) }
            for (k, top) in tops.enumerated() {
                let bottom = k + 1 < tops.count ? tops[k + 1] : p.y1
                out.append(BBox(x0: p.x0, y0: top, x1: p.x1, y1: bottom))
            }
        }
        return out
    }

    /// Reads one drawn box's text by its labels.
    func box(page: Int, rect: BBox, groups: [[Word]]) -> DiagramBox? {
        // The main text, and sub-boxes such as `TARGET 50 Org`.
        var main: [Word] = []
        var targetTexts: [String] = []
        for words in groups {
            let text = BoxText.lines(words)
            if let first = text.first, CatalogWords(first).starts(with: "target") {
                let rest = CatalogText.join([String(first.dropFirst(6))] + text.dropFirst())
                if let rest { targetTexts.append(rest) }
            } else {
                main += words
            }
        }
        let lines = BoxText.lines(main)
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
        let head = CatalogWords(String(text[range])).tokens.filter { Int($0) == nil }
        guard head.count <= CatalogWords(label).tokens.count + 2 else { return nil }
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
            // The free corridor (no box crosses it) nearest the labels' midpoint.
            let spans = boxes.map { (max($0.bbox.y0, a), min($0.bbox.y1, b)) }.filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
            let middle = (a + b) / 2
            var corridors: [Double] = []
            var cursor = a
            for (s, e) in spans {
                if s > cursor { corridors.append((cursor + s) / 2) }
                cursor = max(cursor, e)
            }
            if b > cursor { corridors.append((cursor + b) / 2) }
            let best = corridors.min { abs($0 - middle) < abs($1 - middle) } ?? middle
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
        let merged = Ruling.mergingCollinear(rulings, gap: 1.5)
        let hs = merged.filter { $0.axis == .horizontal }
        let vs = merged.filter { $0.axis == .vertical }
        let tol = 2.5
        func covered(_ y: Double, _ x0: Double, _ x1: Double) -> Bool {
            hs.contains { abs($0.position - y) <= tol && $0.start <= x0 + tol && $0.end >= x1 - tol }
        }
        var groups: [String: [Ruling]] = [:]
        for v in vs { groups["\(Int((v.start / tol).rounded())):\(Int((v.end / tol).rounded()))", default: []].append(v) }
        var out: [BBox] = []
        for key in groups.keys.sorted() {
            let sorted = groups[key]!.sorted { $0.position < $1.position }
            for (l, r) in zip(sorted, sorted.dropFirst()) where r.position - l.position > 4 {
                let top = max(l.start, r.start), bottom = min(l.end, r.end)
                if covered(top, l.position, r.position), covered(bottom, l.position, r.position) {
                    out.append(BBox(x0: l.position, y0: top, x1: r.position, y1: bottom))
                }
            }
        }
        return out
    }
}

/// Connector lines between boxes: strokes and rulings that are not box
/// borders, grouped into connected paths; a path joins the boxes its ends
/// touch.
struct Connectors {
    private var boxesOfPath: [[Int]] = []

    init(page: Page, boxes: [BBox], borders: [BBox]) {
        let tol = 3.0
        let reach = 9.0 // an arrowhead may stand between a line's end and the box
        let segments = Ruling.mergingCollinear(page.strokes + page.rulings, gap: 1.5).filter { s in
            !borders.contains { b in Connectors.onBorder(s, b, tol) }
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
        boxesOfPath = paths.keys.sorted().map { paths[$0]!.sorted() }.filter { $0.count >= 2 }
    }

    /// Boxes joined to box `i` by some connector path.
    func joined(to i: Int) -> [Int] {
        Set(boxesOfPath.filter { $0.contains(i) }.flatMap { $0 }).subtracting([i]).sorted()
    }

    /// A segment lying along an edge of the box (over half the edge or half
    /// the segment): a border, or a row of borders drawn as one line.
    static func onBorder(_ s: Ruling, _ b: BBox, _ tol: Double) -> Bool {
        func along(_ lo: Double, _ hi: Double) -> Bool {
            let overlap = min(s.end, hi) - max(s.start, lo)
            return overlap > 0 && (overlap >= (hi - lo) * 0.5 || overlap >= s.length * 0.5)
        }
        switch s.axis {
        case .horizontal:
            return (abs(s.position - b.y0) <= tol || abs(s.position - b.y1) <= tol) && along(b.x0, b.x1)
        case .vertical:
            return (abs(s.position - b.x0) <= tol || abs(s.position - b.x1) <= tol) && along(b.y0, b.y1)
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
