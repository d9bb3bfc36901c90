import Model

/// An indicator found by one of the readers, before the document-wide
/// fields (owner, period, key) are filled in.
struct CatalogDraft {
    var page: Int
    var bbox: BBox?
    var level: CatalogLevel
    var goal: String?
    var indicator: String
    var parent: String?
    var definition: String?
    var formula: String?
    var target: String?
    var unit: String?
    var period: String?
    var owner: String?
    var crosscutting: [String] = []
    var name: String?
}

/// A paragraph of a list document: its text lines, where it starts, and its
/// list marker (`1.`, `-`) if any.
struct ListParagraph {
    var page: Int
    var bbox: BBox
    var marker: String?
    var text: String
}

/// Reads the cascading list form of a Pohon Kinerja: numbered goals and
/// indicators under headings (`TUJUAN RPD`, `INDIKATOR RPD`, `TUJUAN OPD`,
/// `INDIKATOR OPD`), then, under each agency indicator repeated as a
/// heading, its cascade: dash-bulleted (or numbered) sub-indicators of the
/// programs, plain paragraphs for the activities (kegiatan) and bullets
/// under those for the sub-activities; `LANJUTAN INDIKATOR n` continues the
/// cascade of indicator n on a later page.
///
/// Goals and indicators of one heading pair are matched by number (`1.`
/// with `1.`, or `1.2` under goal 1); an indicator of the agency is below
/// the region's indicator of the same number. Where the list names no
/// program indicator for an activity, its parent is the agency indicator
/// the cascade hangs from — the nearest ancestor the list names.
struct ListForm {
    let config: CatalogConfig

    /// A heading: its level word, its qualifier (`rpd`, `opd`), and whether
    /// it lists indicators or goals.
    struct Heading {
        var level: CatalogLevel?
        var qualifier: String
        var indicators: Bool
        var continuation: Int?
    }

    func drafts(of document: IngestedDocument) -> [CatalogDraft] {
        let paragraphs = self.paragraphs(of: document)
        var drafts: [CatalogDraft] = []
        // Numbered goal and indicator lists by qualifier.
        var goals: [String: [(number: Int?, text: String)]] = [:]
        var levelOf: [String: CatalogLevel] = [:]
        var groups: [(qualifier: String, indicators: [(number: Int?, goal: Int?, draft: Int)])] = []
        var current: Heading?
        var sawHeading = false
        // Cascade state.
        var root: (text: String, level: CatalogLevel)?
        var plain: String?

        func lastIndicators() -> [(number: Int?, goal: Int?, draft: Int)] { groups.last?.indicators ?? [] }

        for p in paragraphs {
            if p.marker == nil, let h = heading(p.text) {
                sawHeading = true
                if let n = h.continuation {
                    let list = lastIndicators()
                    if let hit = list.first(where: { $0.number == n }) ?? (n - 1 < list.count && n >= 1 ? list[n - 1] : nil) {
                        root = (drafts[hit.draft].indicator, drafts[hit.draft].level)
                    }
                    plain = nil
                    current = nil
                    continue
                }
                current = h
                root = nil
                plain = nil
                if h.indicators {
                    groups.append((h.qualifier, []))
                } else if let level = h.level {
                    goals[h.qualifier] = []
                    levelOf[h.qualifier] = level
                }
                continue
            }
            guard sawHeading else { continue } // the title
            // A paragraph repeating one of the agency's indicators starts its cascade.
            if p.marker == nil, let hit = lastIndicators().first(where: { same(drafts[$0.draft].indicator, p.text) }) {
                root = (drafts[hit.draft].indicator, drafts[hit.draft].level)
                plain = nil
                current = nil
                continue
            }
            if let h = current, root == nil {
                // Inside a heading's numbered list.
                let number = p.marker.flatMap(CatalogText.markerNumber)
                if h.indicators {
                    let goalNumber = p.marker.flatMap { m -> Int? in
                        let parts = m.split(separator: ".").filter { !$0.isEmpty }
                        return parts.count >= 2 ? Int(parts[0]) : nil
                    }
                    let level = levelOf[h.qualifier] ?? h.level ?? .tujuan
                    drafts.append(CatalogDraft(page: p.page, bbox: p.bbox, level: level, indicator: p.text))
                    groups[groups.count - 1].indicators.append((number, goalNumber, drafts.count - 1))
                } else {
                    goals[h.qualifier, default: []].append((number, p.text))
                }
                continue
            }
            guard let r = root else { continue }
            let cascade: [CatalogLevel] = [.program, .kegiatan, .subKegiatan]
            if p.marker == nil {
                plain = p.text
                drafts.append(CatalogDraft(page: p.page, bbox: p.bbox, level: cascade[1], indicator: p.text,
                                           parent: r.text))
            } else if let parentText = plain {
                drafts.append(CatalogDraft(page: p.page, bbox: p.bbox, level: cascade[2], indicator: p.text,
                                           parent: parentText))
            } else {
                drafts.append(CatalogDraft(page: p.page, bbox: p.bbox, level: cascade[0], indicator: p.text,
                                           parent: r.text))
            }
        }

        // Goals of the heading lists: by the goal number of `1.2`, by equal
        // numbers when both lists are as long, or the only goal.
        var indicatorOfGoal: [String: [Int: String]] = [:]
        for group in groups {
            let list = goals[group.qualifier] ?? []
            for item in group.indicators {
                var goal: (number: Int?, text: String)?
                if let g = item.goal { goal = list.first { $0.number == g } }
                else if list.count == group.indicators.count, let n = item.number { goal = list.first { $0.number == n } }
                else if list.count == 1 { goal = list[0] }
                drafts[item.draft].goal = goal?.text
                if let g = goal?.number, indicatorOfGoal[group.qualifier]?[g] == nil {
                    indicatorOfGoal[group.qualifier, default: [:]][g] = drafts[item.draft].indicator
                }
            }
        }
        // The agency's indicators hang from the region's indicator of the same goal number.
        let regional = groups.map(\.qualifier).filter(isRegional)
        for group in groups where !isRegional(group.qualifier) {
            guard let upper = regional.last, let map = indicatorOfGoal[upper] else { continue }
            let list = goals[group.qualifier] ?? []
            for item in group.indicators {
                let goalNumber = item.goal
                    ?? (list.count == group.indicators.count ? item.number : nil)
                if let g = goalNumber { drafts[item.draft].parent = map[g] }
            }
        }
        return drafts
    }

    func isRegional(_ qualifier: String) -> Bool {
        let words = CatalogWords(qualifier)
        return config.regionQualifiers.contains { words.contains($0) }
    }

    /// `TUJUAN RPD`, `INDIKATOR OPD`, `LANJUTAN INDIKATOR 2`: short upper-case
    /// lines starting with a level word, `indikator` or a continuation label.
    func heading(_ text: String) -> Heading? {
        let words = CatalogWords(text)
        guard !words.tokens.isEmpty, words.tokens.count <= 5, text == text.uppercased() else { return nil }
        if let label = words.longestPrefix(config.continuationLabels) {
            let rest = words.tokens.dropFirst(CatalogWords(label).tokens.count)
            if let n = rest.compactMap({ Int($0) }).first {
                return Heading(level: nil, qualifier: "", indicators: true, continuation: n)
            }
        }
        if let label = words.longestPrefix(config.indicatorLabels) {
            let rest = words.tokens.dropFirst(CatalogWords(label).tokens.count)
            // `INDIKATOR TUJUAN OPD`: the level word after the label.
            var level: CatalogLevel?
            var qualifier = Array(rest)
            if let first = qualifier.first, let l = config.levelWords[first] { level = l; qualifier.removeFirst() }
            return Heading(level: level, qualifier: qualifier.joined(separator: " "), indicators: true)
        }
        let levelWords = config.levelWords.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        if let word = levelWords.first(where: { words.starts(with: $0) }), let level = config.levelWords[word] {
            let rest = words.tokens.dropFirst(CatalogWords(word).tokens.count)
            return Heading(level: level, qualifier: rest.joined(separator: " "), indicators: false)
        }
        return nil
    }

    /// True when two texts name the same indicator (case, spacing and
    /// punctuation aside).
    func same(_ a: String, _ b: String) -> Bool {
        CatalogWords(a).joined == CatalogWords(b).joined
    }

    /// The document's lines grouped into paragraphs: a line with a list
    /// marker starts one; a line without goes on with the paragraph before
    /// when it follows closely (less than half a line of space between) and
    /// is not a heading.
    func paragraphs(of document: IngestedDocument) -> [ListParagraph] {
        var out: [ListParagraph] = []
        var previous: TextLine?
        for page in document.pages {
            previous = nil
            let lines = page.lines.sorted { ($0.bbox.y0, $0.bbox.x0) < ($1.bbox.y0, $1.bbox.x0) }
            for line in lines {
                let text = CatalogText.clean(line.text)
                guard !text.isEmpty else { continue }
                defer { previous = line }
                if let (marker, rest) = CatalogText.listMarker(text) {
                    out.append(ListParagraph(page: page.number, bbox: line.bbox, marker: marker, text: rest))
                    continue
                }
                let isHeading = heading(text) != nil
                // A bulleted item's own lines are indented past its marker.
                if let prev = previous, !isHeading, var last = out.last, last.page == page.number,
                   heading(last.text) == nil || last.marker != nil,
                   last.marker == nil || line.bbox.x0 > last.bbox.x0 + 2,
                   line.bbox.y0 - prev.bbox.y1 < max(prev.bbox.height, line.bbox.height) * 0.45 {
                    last.text = CatalogText.clean(last.text + " " + text)
                    last.bbox = last.bbox.union(line.bbox)
                    out[out.count - 1] = last
                    continue
                }
                out.append(ListParagraph(page: page.number, bbox: line.bbox, marker: nil, text: text))
            }
        }
        return out
    }
}
