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
        reportYear = DocumentContext.titleYear(in: opening)
            ?? DocumentContext.titleYear(in: document.pages.flatMap(\.lines).map(\.text))
        kind = DocumentContext.kind(of: opening.joined(separator: " ").lowercased())
        let raws = document.pages.flatMap(\.tables).flatMap(\.cells).map(\.text)
        numberStyle = NumberParser.inferStyle(of: raws)
    }

    /// The year in `… TAHUN 2022` or `TAHUN ANGGARAN 2020` (budget year),
    /// else nil.
    static func titleYear(in lines: [String]) -> Int? {
        for line in lines {
            let tokens = HeaderTokens(line).tokens
            for (i, t) in tokens.enumerated() where t == "tahun" && i + 1 < tokens.count {
                let next = tokens[i + 1] == "anggaran" && i + 2 < tokens.count ? tokens[i + 2] : tokens[i + 1]
                if let y = Int(next), (1990...2099).contains(y) { return y }
            }
        }
        return nil
    }

    static func kind(of opening: String) -> DocumentSummary.Kind {
        if opening.contains("pohon kinerja") || opening.contains("cascading") { return .pohon }
        if opening.contains("triwulan") || opening.contains("pengukuran kinerja dan anggaran") { return .triwulan }
        if opening.contains("laporan kinerja") || opening.contains("lkjip") || opening.contains("lakip")
            || opening.contains("lkip") || opening.contains("akuntabilitas kinerja") { return .lkjip }
        if opening.contains("perjanjian kinerja") { return .pk }
        return .other
    }

    /// The period a table without period columns reports on: the quarter
    /// named in its caption (`TRIWULAN II`) in the caption's or the
    /// document's year, else the caption's or the document's year.
    func period(caption: [String]) -> Period? {
        let year = DocumentContext.titleYear(in: caption) ?? reportYear
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
