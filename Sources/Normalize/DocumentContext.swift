import Model

/// What the whole document tells about each of its tables: the report
/// year, the running headers and footers to ignore, its kind, and its
/// number style.
struct DocumentContext {
    var reportYear: Int?
    var furniture: Set<String>
    var kind: DocumentSummary.Kind
    var numberStyle: NumberStyle?

    init(_ document: IngestedDocument) {
        // Lines repeated on several pages are running headers or footers.
        var pagesByKey: [String: Set<Int>] = [:]
        for page in document.pages {
            for line in page.lines {
                let key = TextCleaner.furnitureKey(line.text)
                if !key.isEmpty { pagesByKey[key, default: []].insert(page.number) }
            }
        }
        let threshold = max(3, document.pages.count / 3)
        furniture = Set(pagesByKey.filter { $0.value.count >= threshold }.keys)
        // `Halaman 3`, a lone page number, `- 3 -`.
        furniture.formUnion(["halaman", "", "-  -", "hal.", "hal", "page"])

        let opening = document.pages.prefix(3).flatMap(\.lines).map(\.text)
        reportYear = DocumentContext.reportingMonthYear(in: opening)
            ?? DocumentContext.statedYear(in: opening)
            ?? DocumentContext.statedYear(in: document.pages.flatMap(\.lines).map(\.text))
            ?? DocumentContext.fileNameYear(document.sourceFile)
        let title = document.pages.first { !$0.lines.isEmpty }?.lines.prefix(10).map(\.text) ?? []
        kind = DocumentContext.kind(title: title.joined(separator: " ").lowercased(),
                                    opening: opening.joined(separator: " ").lowercased())
        let raws = document.pages.flatMap(\.tables).flatMap(\.cells).map(\.text)
        numberStyle = NumberParser.inferStyle(of: raws)
    }

    /// The years a line states as `… TAHUN 2022` or `TAHUN ANGGARAN 2020`
    /// (budget year), leaving out those of a citation (`Instruksi Presiden
    /// Nomor 7 Tahun 1999`, `Lembaran Negara Tahun 2006 Nomor 25`): a
    /// `Nomor`/`No` just before `Tahun`, or `Nomor`/`tentang` just after
    /// the year.
    static func statedYears(in line: String) -> [Int] {
        let tokens = HeaderTokens(line).tokens
        var years: [Int] = []
        for (i, t) in tokens.enumerated() where t == "tahun" && i + 1 < tokens.count {
            let at = tokens[i + 1] == "anggaran" ? i + 2 : i + 1
            guard at < tokens.count, let y = Int(tokens[at]), (1990...2099).contains(y) else { continue }
            let before = tokens[max(0, i - 3)..<i]
            let after = at + 1 < tokens.count ? tokens[at + 1] : ""
            if before.contains(where: { $0 == "nomor" || $0 == "no" || $0 == "no." }) { continue }
            if after == "nomor" || after == "no" || after == "tentang" { continue }
            years.append(y)
        }
        return years
    }

    /// The one year a file's name holds (`LKjIP_2021_Dinkes.pdf`,
    /// `eiku-2021-12.pdf`): a run of four digits from 1990 to 2099, not part
    /// of a longer number; nil when there is none or more than one. Used
    /// only when the text states no year at all (a web application's print
    /// with the year in its address bar only).
    static func fileNameYear(_ sourceFile: String) -> Int? {
        let name = sourceFile.split(separator: "/").last.map(String.init) ?? sourceFile
        var years = Set<Int>()
        var run = ""
        for ch in name + " " {
            if ch.isASCII, ch.isNumber {
                run.append(ch)
                continue
            }
            if run.count == 4, let y = Int(run), (1990...2099).contains(y) { years.insert(y) }
            run = ""
        }
        return years.count == 1 ? years.first : nil
    }

    /// The first year a line of `lines` states (`statedYears`), else nil:
    /// for a caption or a title just above a table.
    static func titleYear(in lines: [String]) -> Int? {
        lines.lazy.flatMap(statedYears).first
    }

    /// The report year the lines state most: a title line (twelve words or
    /// fewer) counts three times, a line of prose once; a tie goes to the
    /// later year.
    static func statedYear(in lines: [String]) -> Int? {
        var weight: [Int: Int] = [:]
        for line in lines {
            let years = statedYears(in: line)
            guard !years.isEmpty else { continue }
            let title = HeaderTokens(line).tokens.count <= 12
            for y in years { weight[y, default: 0] += title ? 3 : 1 }
        }
        return weight.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }

    static let monthNames = ["januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli",
                             "agustus", "september", "oktober", "nopember", "november", "desember"]

    /// The year of a reporting-month label (`Bulan : Januari 2021`,
    /// `Bulan Agustus 2022`): a monitoring sheet reports on that month's
    /// year even when its title keeps an older budget year.
    static func reportingMonthYear(in lines: [String]) -> Int? {
        for line in lines.prefix(40) {
            let tokens = HeaderTokens(line).tokens.filter { $0 != ":" }
            guard tokens.count <= 6, let b = tokens.firstIndex(of: "bulan"), b + 2 < tokens.count,
                  monthNames.contains(tokens[b + 1]), let y = Int(tokens[b + 2]), (1990...2099).contains(y)
            else { continue }
            return y
        }
        return nil
    }

    /// The document's kind, from its title block (the first lines of its
    /// first page with text) first, then from its opening pages.
    static func kind(title: String, opening: String) -> DocumentSummary.Kind {
        let byTitle: [(DocumentSummary.Kind, [String])] = [
            (.pohon, ["pohon kinerja", "cascading"]),
            (.rfk, ["realisasi fisik dan keuangan", "realisasi fisik & keuangan", "realisasi keuangan dan fisik"]),
            (.renaksi, ["rencana aksi"]),
            (.triwulan, ["triwulan", "pengukuran kinerja dan anggaran"]),
            (.lkjip, ["laporan kinerja", "lkjip", "lakip", "lkip", "akuntabilitas kinerja"]),
            (.pk, ["perjanjian kinerja", "penetapan kinerja"]),
            (.renstra, ["rencana strategis", "renstra"]),
            (.rkt, ["rencana kinerja tahunan"]),
            (.iku, ["indikator kinerja utama", "e-iku"]),
        ]
        for (kind, words) in byTitle where words.contains(where: title.contains) { return kind }
        if title.contains("renja") || title.contains("rencana kerja") {
            return title.contains("evaluasi") ? .renjaEval : .renja
        }
        if opening.contains("pohon kinerja") || opening.contains("cascading") { return .pohon }
        if opening.contains("triwulan") || opening.contains("pengukuran kinerja dan anggaran") { return .triwulan }
        if opening.contains("laporan kinerja") || opening.contains("lkjip") || opening.contains("lakip")
            || opening.contains("lkip") || opening.contains("akuntabilitas kinerja") { return .lkjip }
        if opening.contains("perjanjian kinerja") { return .pk }
        if opening.contains("evaluasi"), opening.contains("renja") { return .renjaEval }
        return .other
    }

    /// The plan year n of a form that prints relative years (`tahun
    /// (n-2)`): a caption year marked `(tahun berjalan)`, the current year,
    /// is n−1; any other caption year, or the report year, is n.
    func planYear(caption: [String]) -> Int? {
        for line in caption.reversed() {
            let key = TextCleaner.key(line)
            if key.contains("tahun berjalan"), let y = DocumentContext.statedYears(in: line).last { return y + 1 }
        }
        return DocumentContext.titleYear(in: DocumentContext.title(of: caption)) ?? reportYear
    }

    /// The title lines of a caption: those after its last line of prose
    /// (more than fourteen words), six at most.
    static func title(of caption: [String]) -> [String] {
        let prose = caption.lastIndex { HeaderTokens($0).tokens.count > 14 }
        return Array(caption[(prose.map { $0 + 1 } ?? 0)...].suffix(6))
    }

    /// The period a table without period columns reports on: the quarter
    /// named in its caption (`TRIWULAN II`) in the caption's or the
    /// document's year, else the caption's or the document's year. Only
    /// the caption's last lines count: the title just above the table, not
    /// the prose before it.
    func period(caption fullCaption: [String]) -> Period? {
        let caption = DocumentContext.title(of: fullCaption)
        let year = DocumentContext.reportingMonthYear(in: caption) ?? DocumentContext.titleYear(in: caption) ?? reportYear
        guard let year else { return nil }
        for line in caption {
            let tokens = HeaderTokens(line).tokens
            for (i, t) in tokens.enumerated() where (t == "triwulan" || t == "tw") && i + 1 < tokens.count {
                if let q = quarterNumber(tokens[i + 1]) { return Period(year: year, quarter: q) }
            }
        }
        return Period(year: year)
    }
}
