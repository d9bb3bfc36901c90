import ArgumentParser
import Evidence
import Foundation
import Ingest
import KinerjaPipeline
import Model

/// Prints the table grids Ingest finds on some pages: for checking how a
/// new layout is read.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the table grids found on a PDF's pages.")

    @Argument(help: "A PDF file.")
    var file: String

    @Option(help: "Pages to print (1-based): 3, 2-5 or 1,4-6.")
    var pages: PageSelection = PageSelection(numbers: [1])

    @Flag(help: "Print the grids as JSON: every cell with its row, column, spans, box and whole text.")
    var json = false

    @Option(help: "Also draw each page into DIR/page-N.png with the words (blue), ruling lines (red), table cells (green) and table outlines found on it.")
    var png: String?

    func run() throws {
        let url = URL(fileURLWithPath: file)
        switch InputDiscovery.kind(of: url.path) {
        case .file: break
        case .folder: throw ValidationError("\(file): a folder; inspect takes one PDF file")
        case .special(let what): throw ValidationError("\(file): not a regular file (\(what))")
        case .missing(let why): throw ValidationError("\(file): \(why)")
        }
        let document = try Ingestor().read(url, sourceFile: url.lastPathComponent, pages: pages.numbers)
        let beyond = pages.numbers.filter { $0 > document.pageCount }
        guard beyond.isEmpty else {
            throw ValidationError("\(file) has \(document.pageCount) pages; no page \(beyond.map(String.init).joined(separator: ", "))")
        }
        if let png { try drawPages(document, into: URL(fileURLWithPath: png, isDirectory: true)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let view = InspectedDocument(file: file, pageCount: document.pageCount,
                                         pages: document.pages.map(InspectedPage.init))
            print(String(decoding: try encoder.encode(view), as: UTF8.self))
            return
        }
        for page in document.pages {
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

extension Inspect {
    /// `--png`: each page drawn with what Ingest found on it.
    func drawPages(_ document: IngestedDocument, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let renderer = try PageRenderer(url: URL(fileURLWithPath: file))
        for page in document.pages {
            let overlay = PageOverlay(words: page.lines.flatMap { $0.words.map(\.bbox) }, rulings: page.rulings,
                                      cells: page.tables.flatMap { $0.cells.map(\.bbox) },
                                      tables: page.tables.map(\.bbox))
            let picture = try renderer.debugPicture(page: page.number, overlay: overlay)
            let url = folder.appendingPathComponent("page-\(page.number).png")
            try picture.png.write(to: url, options: .atomic)
            print("wrote \(url.path) (\(picture.width)×\(picture.height) px)")
        }
    }
}

/// `--pages`: page numbers as `3`, `2-5` or `1,4-6`, each at least 1 and
/// each range ascending.
struct PageSelection: ExpressibleByArgument {
    var numbers: [Int]

    init(numbers: [Int]) { self.numbers = numbers }

    init?(argument: String) {
        var numbers: [Int] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(ends.count), let first = ends.first ?? nil, let last = ends.last ?? nil,
                  first >= 1, first <= last, last - first < 100_000 else { return nil }
            numbers += Array(first...last)
        }
        self.numbers = Array(Set(numbers)).sorted()
    }
}

/// `inspect --json`: the pages' table grids as Ingest found them (keys
/// written in snake_case).
struct InspectedDocument: Encodable {
    var file: String
    var pageCount: Int
    var pages: [InspectedPage]
}

struct InspectedPage: Encodable {
    var number: Int
    var textSource: String
    var width: Double
    var height: Double
    var tables: [InspectedTable]

    init(_ page: Page) {
        number = page.number
        textSource = page.textSource.rawValue
        width = BBox.round(page.width)
        height = BBox.round(page.height)
        tables = page.tables.map(InspectedTable.init)
    }
}

struct InspectedTable: Encodable {
    var bbox: BBox
    /// From drawn rulings, or from the alignment of the text.
    var ruled: Bool
    var columnEdges: [Double]
    var rowEdges: [Double]
    var headerRows: Int?
    var cells: [InspectedCell]

    init(_ grid: TableGrid) {
        bbox = grid.bbox.rounded
        ruled = grid.ruled
        columnEdges = grid.columnEdges.map(BBox.round)
        rowEdges = grid.rowEdges.map(BBox.round)
        headerRows = grid.headerRowCount
        cells = grid.cells.map(InspectedCell.init)
    }
}

struct InspectedCell: Encodable {
    var row: Int
    var column: Int
    var rowSpan: Int
    var columnSpan: Int
    var bbox: BBox
    /// The cell's lines, top to bottom.
    var lines: [String]
    var bold: Bool
    var italic: Bool

    init(_ cell: GridCell) {
        row = cell.row
        column = cell.column
        rowSpan = cell.rowSpan
        columnSpan = cell.columnSpan
        bbox = cell.bbox.rounded
        lines = cell.lines.map(\.text)
        bold = cell.isBold
        italic = cell.isItalic
    }
}
