import Foundation
import Model

/// Text as the catalog reader compares it: lowercase, diacritics folded,
/// split into words (letters and digits; `/`, `(`, `:` … separate words).
struct CatalogWords: Equatable {
    let tokens: [String]

    init(_ text: String?) {
        tokens = WordTokens.of(text, keepingInWordHyphens: false)
    }

    var joined: String { tokens.joined(separator: " ") }

    /// True when the words start with the words of `phrase`.
    func starts(with phrase: String) -> Bool {
        let p = CatalogWords(phrase).tokens
        return !p.isEmpty && tokens.starts(with: p)
    }

    /// Word index where `phrase` starts, if it occurs.
    func index(of phrase: String) -> Int? {
        let p = CatalogWords(phrase).tokens
        guard !p.isEmpty, p.count <= tokens.count else { return nil }
        for i in 0...(tokens.count - p.count) where Array(tokens[i..<(i + p.count)]) == p { return i }
        return nil
    }

    func contains(_ phrase: String) -> Bool { index(of: phrase) != nil }

    /// The longest of `phrases` the words start with.
    func longestPrefix(_ phrases: [String]) -> String? {
        phrases.filter { starts(with: $0) }.max { CatalogWords($0).tokens.count < CatalogWords($1).tokens.count }
    }
}

enum CatalogText {
    /// White space collapsed, trimmed; a word broken at a line-end hyphen
    /// rejoined.
    static func clean(_ text: String) -> String {
        TextCleaner.collapse(text)
    }

    /// Lines joined into one text; nil when blank.
    static func join(_ lines: [String]) -> String? {
        let t = clean(lines.joined(separator: " "))
        return t.isEmpty ? nil : t
    }

    /// `1.`, `2)`, `1.1`, `a.`, `-`, `•`, `–` at the start of a line: the
    /// marker and the rest. Returns nil when the line has no marker.
    static func listMarker(_ line: String) -> (marker: String, rest: String)? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard let first = t.first else { return nil }
        if "-–•·▪●".contains(first) {
            let rest = t.dropFirst().trimmingCharacters(in: .whitespaces)
            // `- 1. Persentase …`: the number after the dash is part of the marker.
            if let inner = listMarker(rest), inner.marker.first?.isNumber == true {
                return ("-", inner.rest)
            }
            return rest.isEmpty ? nil : ("-", rest)
        }
        var i = t.startIndex
        var marker = ""
        while i < t.endIndex, t[i].isNumber || (t[i] == "." && !marker.isEmpty) {
            marker.append(t[i]); i = t.index(after: i)
        }
        guard !marker.isEmpty, marker.count <= 6 else { return nil }
        if i < t.endIndex, t[i] == ")" { marker.append(")"); i = t.index(after: i) }
        guard marker.hasSuffix(".") || marker.hasSuffix(")") || marker.contains(".") else { return nil }
        guard i < t.endIndex, t[i].isWhitespace else { return nil }
        let rest = t[i...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : (marker, rest)
    }

    /// The first number of a list marker (`2.` → 2, `1.3` → 1).
    static func markerNumber(_ marker: String) -> Int? {
        Int(marker.prefix { $0.isNumber })
    }
}

/// The agency a document belongs to, read from its title (`POHON KINERJA
/// DINAS SOSIAL KOTA SUKAMAJU TAHUN 2024-2026` → `DINAS SOSIAL KOTA
/// SUKAMAJU`), and its key for comparing documents (`dinas sosial kota
/// sukamaju`: lowercase, `Kab.` read as `kabupaten`).
struct AgencyName: Equatable {
    let printed: String
    let key: String

    /// Looks in the top lines of the first page for a line holding an
    /// agency word (`DINAS`, `BADAN` …); a name broken over two lines
    /// (`… PERLINDUNGAN` / `ANAK KABUPATEN SUKAJAYA`) is joined.
    static func find(in document: IngestedDocument, config: CatalogConfig) -> AgencyName? {
        guard let page = document.pages.first(where: { !$0.lines.isEmpty }) else { return nil }
        let top = Array(titleLines(of: page).prefix(12))
        for (i, line) in top.enumerated() {
            let words = line.text.split(separator: " ").map(String.init)
            guard let start = words.indices.first(where: { isAgencyWord(words, at: $0, config) }) else { continue }
            var name = Array(words[start...])
            // Join the next title line while the name has no region yet.
            var next = i + 1
            while !hasRegion(name, config), next < top.count, next <= i + 2 {
                name += top[next].text.split(separator: " ").map(String.init)
                next += 1
            }
            // A region word ending the line: the region's name is on the line
            // below, under the name (`… KABUPATEN` / `GROBOGAN`).
            if let last = name.last, config.regionWords.contains(CatalogWords(last).joined) {
                let below = top.filter { $0.bbox.y0 > line.bbox.y1 - 1 && $0.bbox.y0 < line.bbox.y1 + 2.5 * line.bbox.height
                    && $0.bbox.horizontalOverlap(line.bbox) > 0 }
                if let nextLine = below.min(by: { $0.bbox.y0 < $1.bbox.y0 }) {
                    name += nextLine.text.split(separator: " ").map(String.init)
                }
            }
            let cut = name.firstIndex { ["tahun", "periode", "th", "th."].contains($0.lowercased()) || $0.hasPrefix("(") }
            let kept = name[..<(cut ?? name.count)]
            let printed = CatalogText.clean(kept.joined(separator: " ")).trimmingCharacters(in: CharacterSet(charactersIn: ",;:-"))
            guard !printed.isEmpty else { continue }
            return AgencyName(printed: printed, key: key(printed, config))
        }
        return nil
    }

    /// Lines of the page's top part, top to bottom, each cut into the runs
    /// of words printed close together (a title is not joined with a box
    /// printed at the same height elsewhere on the page).
    static func titleLines(of page: Page) -> [TextLine] {
        let limit = page.height > 0 ? page.height * 0.3 : .infinity
        return page.lines.filter { $0.bbox.y0 < limit }
            .flatMap { PageText.runs(of: $0) }
            .sorted { ($0.bbox.y0, $0.bbox.x0) < ($1.bbox.y0, $1.bbox.x0) }
    }

    static func key(_ printed: String, _ config: CatalogConfig) -> String {
        CatalogWords(printed).tokens.map { t -> String in
            switch t {
            case "kab": return "kabupaten"
            case "prov": return "provinsi"
            default: return t
            }
        }.joined(separator: " ")
    }

    private static func isAgencyWord(_ words: [String], at i: Int, _ config: CatalogConfig) -> Bool {
        let w = CatalogWords(words[i]).joined
        guard config.agencyWords.contains(w) else { return false }
        // Upper-case title words, or the first word of the line.
        return words[i] == words[i].uppercased() || i == 0
    }

    private static func hasRegion(_ words: [String], _ config: CatalogConfig) -> Bool {
        words.contains { config.regionWords.contains(CatalogWords($0).joined) }
    }
}

/// Page text cut at wide gaps: a page line joins every word on one
/// baseline, across boxes and columns.
enum PageText {
    /// The runs of a line whose words are closer than `gap` times the text
    /// height.
    static func runs(of line: TextLine, gap: Double = 1.6) -> [TextLine] {
        var runs: [[Word]] = []
        for w in line.words.sorted(by: { $0.bbox.x0 < $1.bbox.x0 }) {
            if let last = runs.last?.last {
                let h = max(1, min(last.bbox.height, w.bbox.height))
                if w.bbox.x0 - last.bbox.x1 <= h * gap {
                    runs[runs.count - 1].append(w)
                    continue
                }
            }
            runs.append([w])
        }
        return runs.map { TextLine(words: $0) }
    }

    /// The period a title names: `TAHUN 2024-2026` → `2024-2026`, `TAHUN
    /// 2016 (PERUBAHAN)` → `2016`.
    static func period(in lines: [String]) -> String? {
        for line in lines {
            let tokens = line.replacingOccurrences(of: "–", with: "-").split(whereSeparator: { $0 == " " })
                .map(String.init)
            for (i, t) in tokens.enumerated() where t.lowercased() == "tahun" && i + 1 < tokens.count {
                var rest = tokens[(i + 1)...].joined(separator: " ")
                rest = rest.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-")
                    .replacingOccurrences(of: "- ", with: "-")
                let head = rest.prefix { $0.isNumber || $0 == "-" || $0 == "/" }
                let years = head.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
                    .filter { (1990...2099).contains($0) }
                if years.count >= 2 { return "\(years[0])-\(years[1])" }
                if years.count == 1 { return "\(years[0])" }
            }
        }
        return nil
    }
}
