import Dispatch
import Foundation
import Model

/// The pictures of the report's findings: for each discrepancy, its row cut
/// from the original page, the wrong cell highlighted.
public struct FindingPictures: Sendable {
    /// Picture of each finding that could be cut.
    public var pictures: [Discrepancy: RowPicture] = [:]
    /// One line per PDF or finding that could not be pictured.
    public var problems: [String] = []

    public init() {}

    /// Cuts the pictures. `files` maps a `source_file` to the PDF it names;
    /// each PDF is opened once, and PDFs are rendered in parallel.
    ///
    /// The row is the finding's box (or its record's); the highlighted cell
    /// is the record's `cell_boxes` entry for the finding's field, when the
    /// record has one.
    public static func cut(for discrepancies: [Discrepancy], records: [Record], files: [String: URL],
                           style: PictureStyle = PictureStyle()) -> FindingPictures {
        struct Key: Hashable { var docID: String; var sourceFile: String; var table: Int; var row: Int; var period: Period }
        var index: [Key: Record] = [:]
        for r in records {
            index[Key(docID: r.docID, sourceFile: r.sourceFile, table: r.table, row: r.row, period: r.period)] = r
        }
        let byKey = index
        let bySource = Dictionary(grouping: discrepancies, by: \.sourceFile)
        let sources = bySource.keys.sorted()

        final class Slots: @unchecked Sendable {
            var results: [FindingPictures]
            let lock = NSLock()
            init(_ n: Int) { results = Array(repeating: FindingPictures(), count: n) }
        }
        let slots = Slots(sources.count)

        DispatchQueue.concurrentPerform(iterations: sources.count) { i in
            let source = sources[i]
            var out = FindingPictures()
            defer { slots.lock.lock(); slots.results[i] = out; slots.lock.unlock() }
            guard let url = files[source] else {
                out.problems.append("\(source): the PDF is not among the inputs; its findings have no picture")
                return
            }
            let renderer: PageRenderer
            do {
                renderer = try PageRenderer(url: url)
            } catch {
                out.problems.append("\(source): \(error)")
                return
            }
            for d in bySource[source] ?? [] {
                let record = byKey[Key(docID: d.docID, sourceFile: d.sourceFile, table: d.table, row: d.row, period: d.period)]
                let highlight = record?.cellBoxes[d.field]
                guard var region = d.bbox ?? record?.bbox else {
                    out.problems.append("\(source): \(d.rule) on table \(d.table) row \(d.row) \(d.period) has no position on the page")
                    continue
                }
                let page = record?.page ?? d.page
                if let highlight { region = region.union(highlight) }
                do {
                    out.pictures[d] = try renderer.picture(page: page, region: region,
                                                           highlights: highlight.map { [$0] } ?? [], style: style)
                } catch {
                    out.problems.append("\(source): page \(page): \(error)")
                }
            }
        }
        var all = FindingPictures()
        for part in slots.results {
            all.pictures.merge(part.pictures) { a, _ in a }
            all.problems += part.problems
        }
        return all
    }
}
