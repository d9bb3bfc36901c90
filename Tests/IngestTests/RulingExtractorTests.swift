import Foundation
@testable import Ingest
import Model
import Testing
import TestSupport

/// Table borders read from the paths a page paints, checked against what
/// the page prints, as poppler's pdftotext reads it.
struct RulingExtractorTests {
    static let quarterly = SharedFolder.dev.appendingPathComponent("tw01_pengukuran_kinerja_2022_dinkes_kab_tanah_datar.pdf")

    /// Page 1 of the quarterly workbook prints a column-number row "(1)" …
    /// "(14)" under its header. The vertical borders crossing that row form
    /// fourteen columns, one label in each, in order, and the row has a
    /// border above and below it.
    @Test func columnNumberRowHasOneLabelPerBorderedColumn() throws {
        let labels = try Self.columnLabels(Self.quarterly, page: 1)
        #expect(labels.map(\.number) == Array(1...14))
        let pdf = try PDFDocument(data: Data(contentsOf: Self.quarterly))
        let page = try #require(pdf.page(0))
        Self.expectOneLabelPerColumn(labels, RulingExtractor.rulings(of: page))
    }

    /// The same page turned a quarter (the page's /Rotate, set with qpdf):
    /// pdftotext and the rulings both see the turned page, the columns now
    /// running down it.
    @Test func turnedPageGivesTurnedBorders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-ruling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let turned = dir.appendingPathComponent("turned.pdf")
        try Tool.run("qpdf", [Self.quarterly.path, "--pages", ".", "1", "--", "--rotate=+90", turned.path], okStatuses: [0, 3])

        let labels = try Self.columnLabels(turned, page: 1)
        #expect(labels.map(\.number) == Array(1...14))
        let pdf = try PDFDocument(data: Data(contentsOf: turned))
        let page = try #require(pdf.page(0))
        #expect(page.size.width < page.size.height)
        // Swap x and y: the turned table reads as the upright one, mirrored.
        let swapped = RulingExtractor.rulings(of: page).map { r in
            Ruling(axis: r.axis == .horizontal ? .vertical : .horizontal, position: r.position, start: r.start, end: r.end)
        }
        let swappedLabels = labels.map { Label(number: $0.number, box: BBox(x0: $0.box.y0, y0: $0.box.x0, x1: $0.box.y1, y1: $0.box.x1)) }
        Self.expectOneLabelPerColumn(swappedLabels, swapped)
    }

    /// Each label sits in its own column between the vertical borders
    /// crossing the label row, and the row has borders spanning the table
    /// above and below it.
    static func expectOneLabelPerColumn(_ labels: [Label], _ rulings: [Ruling]) {
        guard !labels.isEmpty else { return }
        let rowTop = labels.map(\.box.y0).min()!, rowBottom = labels.map(\.box.y1).max()!
        let rowMiddle = (rowTop + rowBottom) / 2

        // Borders crossing the row, one x per line (a line drawn per cell
        // gives several segments at the same x).
        var columnEdges: [Double] = []
        for x in rulings.filter({ $0.axis == .vertical && min($0.start, $0.end) < rowMiddle && max($0.start, $0.end) > rowMiddle })
            .map(\.position).sorted() where columnEdges.last.map({ x - $0 > 1 }) ?? true {
            columnEdges.append(x)
        }
        #expect(columnEdges.count == labels.count + 1)
        guard columnEdges.count == labels.count + 1 else { return }
        for (column, label) in labels.enumerated() {
            #expect(columnEdges[column] < label.box.x0 && label.box.x1 < columnEdges[column + 1],
                    "(\(label.number)) at \(label.box.x0)–\(label.box.x1) is not between the borders \(columnEdges[column]) and \(columnEdges[column + 1])")
        }

        let tableStart = columnEdges.first!, tableEnd = columnEdges.last!
        let spanning = rulings.filter { r in
            r.axis == .horizontal && min(r.start, r.end) <= tableStart + 1 && max(r.start, r.end) >= tableEnd - 1
        }
        #expect(spanning.contains { $0.position <= rowTop && $0.position > rowTop - 10 })
        #expect(spanning.contains { $0.position >= rowBottom && $0.position < rowBottom + 10 })
    }

    /// A page of running text with no drawing gives no rulings: the cover
    /// letter of the LKjIP report is text only.
    @Test func textOnlyPageHasNoRulings() throws {
        let url = SharedFolder.dev.appendingPathComponent("lk02_lkjip_2021_dinkes_kota_cilegon.pdf")
        let pdf = try PDFDocument(data: Data(contentsOf: url))
        // Pages whose content streams draw no path at all (no `re`, `l` or
        // `c` followed by a paint) — found with qpdf, independently of
        // kinerja.
        let textOnly = try Self.pagesWithoutPaths(url)
        #expect(!textOnly.isEmpty)
        for index in textOnly {
            let page = try #require(pdf.page(index))
            let shapes = RulingExtractor.shapes(of: page)
            #expect(shapes.rulings.isEmpty && shapes.boxes.isEmpty && shapes.strokes.isEmpty, "page \(index + 1)")
        }
    }

    struct Label {
        var number: Int
        var box: BBox
    }

    /// The "(n)" words pdftotext finds on `page`, with their boxes.
    static func columnLabels(_ url: URL, page: Int) throws -> [Label] {
        let html = try Tool.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-bbox", url.path, "-"])
        let pattern = try NSRegularExpression(
            pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">\(([0-9]+)\)</word>"#)
        let ns = html as NSString
        return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { m in
            let v = (1...5).map { ns.substring(with: m.range(at: $0)) }
            return Label(number: Int(v[4])!, box: BBox(x0: Double(v[0])!, y0: Double(v[1])!, x1: Double(v[2])!, y1: Double(v[3])!))
        }.sorted { $0.number < $1.number }
    }

    /// 0-based indexes of the pages whose content streams (forms included)
    /// paint no path: no path-painting operator at all.
    static func pagesWithoutPaths(_ url: URL) throws -> [Int] {
        let count = Int(try Tool.run("qpdf", ["--show-npages", url.path]).trimmingCharacters(in: .whitespacesAndNewlines))!
        var result: [Int] = []
        for page in 1...count {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-ruling-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let one = dir.appendingPathComponent("page.pdf").path
            try Tool.run("qpdf", [url.path, "--pages", ".", "\(page)", "--", "--qdf", "--object-streams=disable", one], okStatuses: [0, 3])
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: one)), as: UTF8.self)
            // A line ending in a painting operator; cross-reference entries
            // ("0000000000 65535 f") are not content.
            let paints = try NSRegularExpression(pattern: #"(^|\s)(S|s|f|F|f\*|B|B\*|b|b\*)\s*$"#)
            let xref = try NSRegularExpression(pattern: #"^[0-9]{10} [0-9]{5} [fn]\s*$"#)
            let painting = text.split(separator: "\n").contains { line in
                let l = String(line), range = NSRange(location: 0, length: (l as NSString).length)
                return paints.firstMatch(in: l, range: range) != nil && xref.firstMatch(in: l, range: range) == nil
            }
            if !painting { result.append(page - 1) }
        }
        return result
    }
}
