import Foundation
import Model

/// A picture of a finding's row, cut from the page by the caller (the
/// report never opens a PDF itself).
public struct FindingImage: Sendable, Hashable {
    public var png: Data
    /// Size in pixels.
    public var width: Int
    public var height: Int
    /// Pixels per PDF point of the picture (to show it at print size).
    public var scale: Double

    public init(png: Data, width: Int, height: Int, scale: Double) {
        self.png = png
        self.width = width
        self.height = height
        self.scale = scale
    }
}

/// `report.html`: the discrepancy report a reviewer opens in a browser. One
/// self-contained file (inline CSS and SVG, pictures as `data:` PNGs, no
/// script, no network):
///
/// 1. a summary: documents, pages, records, findings by severity; findings
///    by rule; one line per document;
/// 2. capaian kinerja (performance achievement) against capaian anggaran
///    (budget absorption) per programme, one bar chart per document;
/// 3. every finding, grouped by document: where it is (page, table, row,
///    period, field), printed against expected value, the rule in plain
///    Indonesian and English, the message, and a picture of the row with
///    the wrong cell marked.
public struct HTMLReport: Sendable {
    public var records: [Record]
    public var discrepancies: [Discrepancy]
    public var documents: [DocumentSummary]
    public var pictures: [Discrepancy: FindingImage]
    /// Which run wrote the report (shown under the title).
    public var run: RunDescription?

    public init(records: [Record], discrepancies: [Discrepancy], documents: [DocumentSummary],
                pictures: [Discrepancy: FindingImage] = [:], run: RunDescription? = nil) {
        self.records = records
        self.discrepancies = discrepancies
        self.documents = documents
        self.pictures = pictures
        self.run = run
    }

    public func data() -> Data { Data(html().utf8) }

    public func html() -> String {
        var h = HTMLText()
        h.raw("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<title>Laporan temuan kinerja — Discrepancy report</title>\n<style>\(Self.css)</style>\n</head>\n<body>\n")
        h.raw("<header class=\"top\"><div class=\"wrap\"><h1>Laporan Temuan <span class=\"en\">Discrepancy report</span></h1>")
        h.raw("<p class=\"sub\">Pemeriksaan angka dalam laporan kinerja instansi pemerintah · Checks of the figures in government performance reports</p>")
        if let run {
            h.raw("<p class=\"run\">")
            let inputs = run.inputs.count <= 3 ? run.inputs.joined(separator: ", ")
                : "\(run.inputs.prefix(2).joined(separator: ", ")) … (\(run.inputs.count) paths)"
            h.text("kinerja \(run.version) · konfigurasi · configuration \(run.configDigest.prefix(12)) · masukan · input: \(inputs)")
            h.raw("</p>")
        }
        h.raw("</div></header>\n")
        h.raw("<main class=\"wrap\">\n")
        summary(&h)
        chart(&h)
        findings(&h)
        h.raw("</main>\n</body>\n</html>\n")
        return h.text
    }

    // MARK: Summary

    private var sortedDocuments: [DocumentSummary] {
        documents.sorted { $0.sourceFile < $1.sourceFile }
    }

    private func anchor(for sourceFile: String) -> String {
        guard let i = sortedDocuments.firstIndex(where: { $0.sourceFile == sourceFile }) else { return "doc-x" }
        return "doc-\(i + 1)"
    }

    private func summary(_ h: inout HTMLText) {
        let bySeverity = Dictionary(grouping: discrepancies, by: \.severity).mapValues(\.count)
        let failed = documents.filter { $0.status == .failed }.count
        h.raw("<section id=\"ringkasan\" class=\"summary\">\n<h2>Ringkasan <span class=\"en\">Summary</span></h2>\n<div class=\"cards\">")
        card(&h, value: documents.count, id: "Dokumen", en: "Documents",
             note: failed > 0 ? "\(failed) gagal dibaca · failed" : nil, kind: "documents")
        card(&h, value: documents.reduce(0) { $0 + $1.pages }, id: "Halaman", en: "Pages", note: nil, kind: "pages")
        card(&h, value: records.count, id: "Record", en: "Records", note: nil, kind: "records")
        card(&h, value: discrepancies.count, id: "Temuan", en: "Findings",
             note: "\(bySeverity[.error] ?? 0) error · \(bySeverity[.warning] ?? 0) warning · \(bySeverity[.info] ?? 0) info",
             kind: "findings")
        h.raw("</div>\n<div class=\"cols\">\n")

        // Findings by rule and severity.
        h.raw("<div class=\"col\"><h3>Temuan per aturan <span class=\"en\">Findings by rule</span></h3>\n")
        h.raw("<table class=\"grid\" id=\"by-rule\"><thead><tr><th>Aturan · Rule</th><th class=\"n\">error</th><th class=\"n\">warning</th><th class=\"n\">info</th><th class=\"n\">Σ</th></tr></thead><tbody>\n")
        let byRule = Dictionary(grouping: discrepancies, by: \.rule)
        for (rule, items) in byRule.sorted(by: { ($1.value.count, $0.key.rawValue) < ($0.value.count, $1.key.rawValue) }) {
            let g = RuleGlossary.entry(rule)
            let counts = Dictionary(grouping: items, by: \.severity).mapValues(\.count)
            h.raw("<tr><td><code>")
            h.text(rule.rawValue)
            h.raw("</code><div class=\"rule-title\">")
            h.text(g.titleID)
            h.raw(" <span class=\"en\">")
            h.text(g.titleEN)
            h.raw("</span></div></td>")
            for s in [Severity.error, .warning, .info] {
                let n = counts[s] ?? 0
                h.raw("<td class=\"n\">\(n == 0 ? "·" : "<span class=\"pill \(s.rawValue)\">\(n)</span>")</td>")
            }
            h.raw("<td class=\"n\"><b>\(items.count)</b></td></tr>\n")
        }
        if byRule.isEmpty { h.raw("<tr><td colspan=\"5\">Tidak ada temuan · No findings</td></tr>\n") }
        h.raw("</tbody></table></div>\n")

        // One line per document.
        h.raw("<div class=\"col\"><h3>Per dokumen <span class=\"en\">Per document</span></h3>\n")
        h.raw("<table class=\"grid\" id=\"by-document\"><thead><tr><th>Dokumen · Document</th><th class=\"n\">Hal.</th><th class=\"n\">Record</th><th class=\"n\">error</th><th class=\"n\">warn.</th><th class=\"n\">info</th></tr></thead><tbody>\n")
        let findingsByFile = Dictionary(grouping: discrepancies, by: \.sourceFile)
        for d in sortedDocuments {
            let items = findingsByFile[d.sourceFile] ?? []
            let counts = Dictionary(grouping: items, by: \.severity).mapValues(\.count)
            // Only documents with findings have a section to jump to.
            if items.isEmpty {
                h.raw("<tr><td>")
                h.text(d.sourceFile)
                h.raw("<div class=\"doc-meta\">")
            } else {
                h.raw("<tr><td><a href=\"#\(anchor(for: d.sourceFile))\">")
                h.text(d.sourceFile)
                h.raw("</a><div class=\"doc-meta\">")
            }
            h.text([d.kind?.rawValue, d.status == .ok ? nil : d.status.rawValue].compactMap { $0 }.joined(separator: " · "))
            if !d.error.isEmpty {
                h.raw(" <span class=\"doc-error\">")
                h.text(d.error)
                h.raw("</span>")
            }
            h.raw("</div></td><td class=\"n\">\(d.pages)</td><td class=\"n\">\(d.records)</td>")
            for s in [Severity.error, .warning, .info] {
                let n = counts[s] ?? 0
                h.raw("<td class=\"n\">\(n == 0 ? "·" : "<span class=\"pill \(s.rawValue)\">\(n)</span>")</td>")
            }
            h.raw("</tr>\n")
        }
        h.raw("</tbody></table></div>\n</div>\n</section>\n")
    }

    private func card(_ h: inout HTMLText, value: Int, id: String, en: String, note: String?, kind: String) {
        h.raw("<div class=\"card\" data-kind=\"\(kind)\"><div class=\"value\">\(Self.grouped(value))</div><div class=\"label\">")
        h.text(id)
        h.raw(" <span class=\"en\">")
        h.text(en)
        h.raw("</span></div>")
        if let note {
            h.raw("<div class=\"note\">")
            h.text(note)
            h.raw("</div>")
        }
        h.raw("</div>")
    }

    // MARK: Chart

    /// A programme's two achievements in its latest period that has either.
    struct ProgramPoint: Equatable {
        var name: String
        var period: Period
        var kinerja: Double?
        var anggaran: Double?
    }

    /// Programme rows per document, in table order, each at its latest
    /// period with a capaian or capaian anggaran.
    static func programPoints(_ records: [Record]) -> [(sourceFile: String, points: [ProgramPoint])] {
        var latest: [RowKey: Record] = [:]
        var files: [RowKey: String] = [:]
        for r in records where r.level == .program {
            let k = r.capaian.value.flatMap { $0.isFinite ? $0 : nil }
            let a = r.capaianAnggaran.value.flatMap { $0.isFinite ? $0 : nil }
            guard k != nil || a != nil else { continue }
            if let old = latest[r.rowKey], old.period >= r.period { continue }
            latest[r.rowKey] = r
            files[r.rowKey] = r.sourceFile
        }
        // Quarterly workbooks repeat the programme in each quarter's table:
        // keep one bar pair per programme name, the latest period.
        var byFile: [String: [String: (RowKey, ProgramPoint)]] = [:]
        for (key, r) in latest {
            let name = (r.name?.isEmpty == false ? r.name! : r.indicator)
            let point = ProgramPoint(name: name, period: r.period,
                                     kinerja: r.capaian.value.flatMap { $0.isFinite ? $0 : nil },
                                     anggaran: r.capaianAnggaran.value.flatMap { $0.isFinite ? $0 : nil })
            let file = files[key] ?? r.sourceFile
            let nameKey = name.lowercased()
            if let (oldKey, old) = byFile[file]?[nameKey] {
                if (old.period, -oldKey.table, -oldKey.row) >= (point.period, -key.table, -key.row) { continue }
            }
            byFile[file, default: [:]][nameKey] = (key, point)
        }
        return byFile.keys.sorted().map { file in
            let points = byFile[file]!.values.sorted { $0.0 < $1.0 }.map(\.1)
            return (file, points)
        }
    }

    private func chart(_ h: inout HTMLText) {
        let groups = Self.programPoints(records)
        h.raw("<section id=\"grafik\" class=\"chart\">\n<h2>Capaian kinerja vs capaian anggaran per program <span class=\"en\">Performance vs budget absorption per programme</span></h2>\n")
        h.raw("<p class=\"legend\"><span class=\"key kinerja\"></span> Capaian kinerja <span class=\"en\">performance achievement, %</span> <span class=\"key anggaran\"></span> Capaian anggaran <span class=\"en\">budget absorption, %</span> <span class=\"key ref\"></span> 100%</p>\n")
        if groups.isEmpty {
            h.raw("<p class=\"empty\">Tidak ada baris program dengan capaian · No programme rows with achievements.</p>\n")
        }
        for (file, points) in groups {
            h.raw("<figure class=\"bars\"><figcaption>")
            h.text(file)
            let periods = Set(points.map(\.period)).sorted()
            if let first = periods.first, let last = periods.last {
                h.raw(" <span class=\"muted\">(")
                h.text(first == last ? first.description : "\(first)–\(last)")
                h.raw(")</span>")
            }
            h.raw("</figcaption>\n")
            h.raw(Self.barChartSVG(points))
            h.raw("</figure>\n")
        }
        h.raw("</section>\n")
    }

    /// Horizontal paired bars: programme names on the left, a 0…max scale
    /// (at least 100 %) with a 100 % line.
    static func barChartSVG(_ points: [ProgramPoint]) -> String {
        let width = 1080.0, labelWidth = 390.0, right = 56.0, top = 22.0, rowHeight = 34.0, barHeight = 12.0
        let height = top + Double(points.count) * rowHeight + 8
        let maxValue = points.flatMap { [$0.kinerja, $0.anggaran] }.compactMap { $0 }.max() ?? 100
        let scaleMax = max(100, (maxValue / 20).rounded(.up) * 20)
        let plot = width - labelWidth - right
        func x(_ v: Double) -> Double { labelWidth + max(0, min(v, scaleMax)) / scaleMax * plot }
        var s = "<svg class=\"barchart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
        var tick = 0.0
        while tick <= scaleMax + 0.001 {
            let tx = f(x(tick))
            s += "<line x1=\"\(tx)\" y1=\"\(f(top - 4))\" x2=\"\(tx)\" y2=\"\(f(height - 8))\" class=\"\(tick == 100 ? "ref" : "gridline")\"/>"
            s += "<text x=\"\(tx)\" y=\"\(f(top - 8))\" class=\"tick\" text-anchor=\"middle\">\(Int(tick))</text>"
            tick += scaleMax > 200 ? 50 : 20
        }
        for (i, p) in points.enumerated() {
            let y0 = top + Double(i) * rowHeight
            let label = fitted(p.name, width: labelWidth - 16)
            s += "<g class=\"program\"><title>\(escape(p.name)) — \(escape(p.period.description))</title>"
            s += "<text x=\"\(f(labelWidth - 10))\" y=\"\(f(y0 + rowHeight / 2 + 4))\" class=\"label\" text-anchor=\"end\">\(escape(label))</text>"
            for (j, value, cls) in [(0, p.kinerja, "kinerja"), (1, p.anggaran, "anggaran")] {
                let by = y0 + 4 + Double(j) * (barHeight + 2)
                if let v = value {
                    let w = max(1, x(v) - labelWidth)
                    s += "<rect x=\"\(f(labelWidth))\" y=\"\(f(by))\" width=\"\(f(w))\" height=\"\(f(barHeight))\" class=\"\(cls)\"/>"
                    s += "<text x=\"\(f(labelWidth + w + 4))\" y=\"\(f(by + barHeight - 2))\" class=\"val\">\(escape(decimal(v, maxFraction: 2)))</text>"
                } else {
                    s += "<text x=\"\(f(labelWidth + 4))\" y=\"\(f(by + barHeight - 2))\" class=\"val none\">tidak ada · none</text>"
                }
            }
            s += "</g>"
        }
        s += "</svg>\n"
        return s
    }

    /// `text` cut (with `…`) to about `width` pixels at the chart's 12 px
    /// font: capitals and wide letters count more than narrow ones.
    static func fitted(_ text: String, width: Double) -> String {
        func w(_ c: Character) -> Double {
            if "iljtfI.,:;'|!() ".contains(c) { return 4 }
            if c.isUppercase || "mwMW".contains(c) { return 8.6 }
            return 7
        }
        var total = 0.0
        var out = ""
        for c in text {
            total += w(c)
            if total > width - 8 { return out.trimmingCharacters(in: .whitespaces) + "…" }
            out.append(c)
        }
        return text
    }

    private static func f(_ v: Double) -> String { PlainNumber.format((v * 10).rounded() / 10) }

    // MARK: Findings

    private func findings(_ h: inout HTMLText) {
        struct Key: Hashable { var docID: String; var sourceFile: String; var table: Int; var row: Int; var period: Period }
        var recordByKey: [Key: Record] = [:]
        for r in records { recordByKey[Key(docID: r.docID, sourceFile: r.sourceFile, table: r.table, row: r.row, period: r.period)] = r }
        var number = 0
        // Findings about the document's figures, then the cells kinerja
        // could not read (not the agency's errors), each grouped by
        // document, errors before warnings before notes.
        let unread = discrepancies.filter { $0.rule == .valueUnparsed }
        let checked = discrepancies.filter { $0.rule != .valueUnparsed }
        func list(_ items: [Discrepancy]) {
            let byFile = Dictionary(grouping: items, by: \.sourceFile)
            for file in byFile.keys.sorted() {
                let inFile = byFile[file]!
                let counts = Severity.allCases.reversed().compactMap { s -> String? in
                    let n = inFile.filter { $0.severity == s }.count
                    return n == 0 ? nil : "\(n) \(s.rawValue)"
                }
                h.raw("<details class=\"doc\" open><summary><h3 class=\"doc\" id=\"\(anchor(for: file))\">")
                h.text(file)
                h.raw("</h3> <span class=\"count\">")
                h.text(counts.joined(separator: " · "))
                h.raw("</span></summary>\n")
                let sorted = inFile.sorted { a, b in
                    if a.severity != b.severity { return a.severity > b.severity }
                    return (a.page, a.table, a.row, a.period, a.field, a.rule.rawValue)
                        < (b.page, b.table, b.row, b.period, b.field, b.rule.rawValue)
                }
                for d in sorted {
                    number += 1
                    let record = recordByKey[Key(docID: d.docID, sourceFile: d.sourceFile, table: d.table, row: d.row, period: d.period)]
                    finding(&h, d, number: number, record: record)
                }
                h.raw("</details>\n")
            }
        }
        h.raw("<section id=\"temuan\" class=\"findings\">\n<h2>Temuan <span class=\"en\">Findings</span> <span class=\"count\">\(checked.count)</span></h2>\n")
        if checked.isEmpty { h.raw("<p class=\"empty\">Tidak ada temuan · No findings.</p>\n") }
        list(checked)
        h.raw("</section>\n")
        if !unread.isEmpty {
            h.raw("<section id=\"tidak-terbaca\" class=\"findings unread\">\n<h2>Sel tidak terbaca <span class=\"en\">Cells that could not be read</span> <span class=\"count\">\(unread.count)</span></h2>\n")
            h.raw("<p class=\"note\">Sel angka yang tidak dapat dibaca oleh kinerja (hasil OCR yang kabur, angka yang tidak lazim): periksa pada dokumen; ini belum tentu kesalahan instansi. · Numeric cells kinerja could not read (unclear OCR, unusual figures): check them against the document; they are not necessarily the agency's errors.</p>\n")
            list(unread)
            h.raw("</section>\n")
        }
    }

    private func finding(_ h: inout HTMLText, _ d: Discrepancy, number: Int, record: Record?) {
        let g = RuleGlossary.entry(d.rule)
        h.raw("<article class=\"finding \(d.severity.rawValue)\" id=\"f\(number)\" data-rule=\"")
        h.text(d.rule.rawValue)
        h.raw("\" data-severity=\"\(d.severity.rawValue)\">\n<header><span class=\"num\">#\(number)</span> <span class=\"pill \(d.severity.rawValue)\">\(d.severity.rawValue)</span> <code>")
        h.text(d.rule.rawValue)
        h.raw("</code> <span class=\"rule-title\">")
        h.text(g.titleID)
        h.raw(" <span class=\"en\">")
        h.text(g.titleEN)
        h.raw("</span></span></header>\n<dl class=\"where\">")
        for (term, value) in [("Halaman · Page", "\(d.page)"), ("Tabel · Table", "\(d.table)"), ("Baris · Row", "\(d.row)"),
                              ("Periode · Period", d.period.description), ("Kolom · Field", d.field)] {
            h.raw("<div><dt>")
            h.text(term)
            h.raw("</dt><dd>")
            h.text(value)
            h.raw("</dd></div>")
        }
        h.raw("</dl>\n")
        if let record {
            let what = [record.level?.rawValue.replacingOccurrences(of: "_", with: " "), record.name, record.indicator]
                .compactMap { $0?.isEmpty == false ? $0 : nil }
            var seen = Set<String>()
            let unique = what.filter { seen.insert($0).inserted }
            if !unique.isEmpty {
                h.raw("<p class=\"subject\">")
                h.text(unique.joined(separator: " — "))
                h.raw("</p>\n")
            }
        }
        h.raw("<div class=\"values\"><div class=\"printed\"><span class=\"lbl\">Tercetak · Printed</span><span class=\"v\">")
        h.text(d.reported?.isEmpty == false ? d.reported! : "—")
        h.raw("</span></div><div class=\"expected\"><span class=\"lbl\">Seharusnya · Expected</span><span class=\"v\"")
        if let e = d.expected { h.raw(" title=\"\(Self.escape(PlainNumber.format(e)))\"") }
        h.raw(">")
        h.text(d.expected.map { Self.decimal($0, maxFraction: 2) } ?? "—")
        h.raw("</span></div></div>\n<div class=\"explain\"><p lang=\"id\">")
        h.text(g.id)
        h.raw("</p><p lang=\"en\" class=\"en\">")
        h.text(g.en)
        h.raw("</p></div>\n<p class=\"message\">")
        h.text(d.message)
        h.raw("</p>\n")
        if let picture = pictures[d] {
            // Shown at about print size (1 pt = 4/3 px), never wider than the page.
            let cssWidth = Int((Double(picture.width) / max(picture.scale, 0.1) * 4 / 3).rounded())
            h.raw("<figure class=\"evidence\"><img class=\"evidence\" alt=\"")
            h.text("Baris tabel \(d.table), baris \(d.row), halaman \(d.page) — table row on page \(d.page)")
            h.raw("\" width=\"\(cssWidth)\" style=\"aspect-ratio: \(picture.width) / \(picture.height)\" src=\"data:image/png;base64,")
            h.raw(picture.png.base64EncodedString())
            h.raw("\"><figcaption>Potongan halaman \(d.page); sel yang diperiksa ditandai merah · Cut from page \(d.page); the checked cell is marked red.</figcaption></figure>\n")
        } else {
            h.raw("<p class=\"no-picture\">Gambar baris tidak tersedia · No picture of the row.</p>\n")
        }
        h.raw("</article>\n")
    }

    // MARK: Text

    /// `value` with Indonesian separators (`1.234.567,5`), at most
    /// `maxFraction` decimals, trailing zeros dropped.
    static func decimal(_ value: Double, maxFraction: Int) -> String {
        guard value.isFinite else { return "—" }
        let factor = pow(10, Double(maxFraction))
        let rounded = (value * factor).rounded() / factor
        var text = PlainNumber.format(rounded)
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        var out = (negative ? "−" : "") + groups.joined(separator: ".")
        if parts.count == 2 { out += "," + parts[1] }
        return out
    }

    static func grouped(_ n: Int) -> String { decimal(Double(n), maxFraction: 0) }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let css = """
    :root{--ink:#1d2430;--muted:#5d6776;--line:#dfe3ea;--bg:#f5f6f8;--err:#c62828;--warn:#b26a00;--info:#2f6db5;--k:#2f6db5;--a:#e08a1e}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.45 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
    .wrap{max-width:1240px;margin:0 auto;padding:0 20px}
    header.top{background:#1f3a5f;color:#fff;padding:12px 0 10px}
    header.top h1{margin:0;font-size:22px;font-weight:600}
    header.top .en{color:#b9c9de;font-weight:400}
    header.top .sub{margin:2px 0 0;color:#c9d6e6;font-size:13px}
    h2{font-size:18px;margin:18px 0 8px}
    h3{font-size:15px;margin:12px 0 6px}
    .en{color:var(--muted);font-weight:400}
    header.top .en{color:#b9c9de}
    section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:4px 16px 14px;margin:14px 0}
    .cards{display:flex;gap:12px;flex-wrap:wrap}
    .card{flex:1 1 180px;border:1px solid var(--line);border-radius:6px;padding:8px 12px;background:#fbfcfd}
    .card .value{font-size:26px;font-weight:700}
    .card .label{font-size:13px}
    .card .note{font-size:12px;color:var(--muted)}
    .cols{display:flex;gap:16px;flex-wrap:wrap}
    .col{flex:1 1 520px;min-width:0}
    table.grid{border-collapse:collapse;width:100%;font-size:13px}
    table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
    table.grid th{background:#eef1f5;font-weight:600}
    table.grid td.n,table.grid th.n{text-align:right;white-space:nowrap;width:1%}
    .rule-title{font-size:12px}
    .doc-meta{font-size:12px;color:var(--muted)}
    .doc-error{color:var(--err)}
    a{color:#1f5fa8;text-decoration:none;word-break:break-all}
    code{font:12.5px "DejaVu Sans Mono",ui-monospace,monospace;background:#eef1f5;padding:0 3px;border-radius:3px}
    .pill{display:inline-block;min-width:22px;padding:0 6px;border-radius:9px;color:#fff;font-size:12px;text-align:center;font-weight:600}
    .pill.error{background:var(--err)}.pill.warning{background:var(--warn)}.pill.info{background:var(--info)}
    .legend{font-size:13px;margin:0 0 6px}
    .key{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:baseline}
    .key.kinerja{background:var(--k)}.key.anggaran{background:var(--a)}.key.ref{border-left:2px dashed #777;width:2px}
    figure.bars{margin:8px 0 14px}
    figure.bars figcaption{font-weight:600;font-size:13px;margin-bottom:2px;word-break:break-all}
    .muted{color:var(--muted);font-weight:400}
    svg.barchart{display:block;max-width:1080px;font-family:"DejaVu Sans",system-ui,sans-serif}
    svg .label{font-size:12px;fill:var(--ink)}
    svg .tick{font-size:11px;fill:var(--muted)}
    svg .val{font-size:11px;fill:var(--ink)}
    svg .val.none{fill:#999;font-style:italic}
    svg .gridline{stroke:#e6e9ee;stroke-width:1}
    svg .ref{stroke:#777;stroke-width:1.2;stroke-dasharray:4 3}
    svg rect.kinerja{fill:var(--k)} svg rect.anggaran{fill:var(--a)}
    h3.doc{margin-top:18px;padding-top:6px;border-top:2px solid #1f3a5f;word-break:break-all}
    details.doc>summary{cursor:pointer;list-style-position:outside}details.doc>summary h3.doc{display:inline-block;margin-right:8px}
    details.doc>summary .count{color:#555;font-size:.9em}p.note{color:#444}p.run{color:#dfe6ef;font-size:.85em;margin:4px 0 0;word-break:break-all}
    article.finding{border:1px solid var(--line);border-left:5px solid var(--info);border-radius:5px;padding:8px 12px;margin:10px 0;background:#fff}
    article.finding.error{border-left-color:var(--err)}
    article.finding.warning{border-left-color:var(--warn)}
    article.finding header{font-size:14px}
    article.finding .num{color:var(--muted)}
    dl.where{display:flex;flex-wrap:wrap;gap:4px 18px;margin:6px 0;font-size:13px}
    dl.where div{display:flex;gap:5px}
    dl.where dt{color:var(--muted)} dl.where dd{margin:0;font-weight:600}
    .subject{margin:4px 0;font-size:13px}
    .values{display:flex;gap:12px;margin:6px 0}
    .values>div{border:1px solid var(--line);border-radius:5px;padding:3px 10px;min-width:190px}
    .values .lbl{display:block;font-size:11px;color:var(--muted)}
    .values .v{font-size:17px;font-weight:700}
    .values .printed .v{color:var(--err)} .values .expected .v{color:#1b7a3a}
    .explain p{margin:3px 0;font-size:13px}
    .message{margin:4px 0;font-size:13px;font-style:italic}
    figure.evidence{margin:8px 0 2px;overflow-x:auto}
    img.evidence{display:block;max-width:100%;height:auto;border:1px solid #cfd5dd}
    figure.evidence figcaption{font-size:11px;color:var(--muted)}
    .no-picture{color:var(--muted);font-style:italic}
    .count{font-size:14px;color:var(--muted)}
    @media print{body{background:#fff}section{border:none}article.finding{break-inside:avoid}}
    """
}

/// HTML being built: escaped text and raw markup.
struct HTMLText {
    private(set) var text = ""

    mutating func raw(_ s: String) { text += s }
    mutating func text(_ s: String) { text += HTMLReport.escape(s) }
}
