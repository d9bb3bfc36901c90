import ArgumentParser
import Foundation
import Ingest
import Model

/// Prints the table grids Ingest finds on some pages: for checking how a
/// new layout is read.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the table grids found on a PDF's pages.")

    @Argument(help: "A PDF file.")
    var file: String

    @Option(help: "Pages to print (1-based), e.g. 3 or 2-5.")
    var pages: String = "1"

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let document = try Ingestor().read(url, sourceFile: url.lastPathComponent)
        let bounds = pages.split(separator: "-").compactMap { Int($0) }
        let range = (bounds.first ?? 1)...(bounds.last ?? bounds.first ?? 1)
        for page in document.pages where range.contains(page.number) {
            print("== page \(page.number) (\(page.textSource.rawValue)): \(page.lines.count) lines, \(page.rulings.count) rulings, \(page.tables.count) tables")
            for line in page.lines.prefix(6) { print("   | \(line.text)") }
            for table in page.tables {
                print("  table \(table.bbox.rounded) \(table.rowCount)×\(table.columnCount)")
                for r in 0..<table.rowCount {
                    let cells = table.cells(inRow: r).map { cell -> String in
                        let face = (cell.isBold ? "B" : "") + (cell.isItalic ? "I" : "")
                        let span = cell.columnSpan > 1 || cell.rowSpan > 1 ? "\(cell.columnSpan)x\(cell.rowSpan)" : ""
                        return "[\(cell.column)\(face)\(span)] \(cell.text.prefix(30))"
                    }
                    print("   r\(r): " + cells.joined(separator: " | "))
                }
            }
        }
    }
}
