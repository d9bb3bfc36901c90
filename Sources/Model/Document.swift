/// What Ingest hands to Normalize: a PDF read into pages of positioned words,
/// ruling lines and the table grids reconstructed from them.

/// A word as printed: its text and box.
public struct Word: Hashable, Sendable, Codable {
    public var text: String
    public var bbox: BBox
    /// True when the word is set in a bold face (program rows often are).
    public var bold: Bool
    /// True when the word is set in an italic face (kegiatan rows often are).
    public var italic: Bool
    /// OCR confidence 0–100 for words read from a scan; nil for text-layer words.
    public var confidence: Double?

    public init(text: String, bbox: BBox, bold: Bool = false, italic: Bool = false, confidence: Double? = nil) {
        self.text = text
        self.bbox = bbox
        self.bold = bold
        self.italic = italic
        self.confidence = confidence
    }
}

/// A line of text: words on one baseline, left to right.
public struct TextLine: Hashable, Sendable, Codable {
    public var words: [Word]
    public var bbox: BBox

    public init(words: [Word]) {
        self.words = words
        self.bbox = BBox.enclosing(words.map(\.bbox)) ?? BBox(x0: 0, y0: 0, x1: 0, y1: 0)
    }

    public var text: String { words.map(\.text).joined(separator: " ") }
}

/// A straight ruling line drawn on the page (a table border).
public struct Ruling: Hashable, Sendable, Codable {
    public enum Axis: String, Sendable, Codable { case horizontal, vertical }
    public var axis: Axis
    /// y for a horizontal ruling, x for a vertical one.
    public var position: Double
    /// Extent along the ruling: x0…x1 for horizontal, y0…y1 for vertical.
    public var start: Double
    public var end: Double

    public init(axis: Axis, position: Double, start: Double, end: Double) {
        self.axis = axis
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
    }

    public var length: Double { end - start }

    /// Rulings on the same line (within 1 pt) that touch or come within
    /// `gap` points joined into one: a border drawn cell by cell becomes one
    /// line.
    public static func mergingCollinear(_ rulings: [Ruling], gap: Double) -> [Ruling] {
        var out: [Ruling] = []
        for axis in [Axis.horizontal, .vertical] {
            let sorted = rulings.filter { $0.axis == axis }.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
            var lines: [Ruling] = []
            for r in sorted {
                if let i = lines.lastIndex(where: { abs($0.position - r.position) <= 1.0 && r.start <= $0.end + gap }) {
                    lines[i].end = max(lines[i].end, r.end)
                    lines[i].start = min(lines[i].start, r.start)
                } else {
                    lines.append(r)
                }
            }
            out += lines
        }
        return out
    }
}

/// One cell of a reconstructed table grid. Merged cells span several grid
/// rows or columns.
public struct GridCell: Hashable, Sendable, Codable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var bbox: BBox
    /// The cell's text lines, top to bottom (a wrapped cell has several).
    public var lines: [TextLine]

    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, bbox: BBox, lines: [TextLine]) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.bbox = bbox
        self.lines = lines
    }

    /// The cell text with its lines joined by single spaces.
    public var text: String { lines.map(\.text).joined(separator: " ") }
    public var isEmpty: Bool { lines.allSatisfy { $0.words.isEmpty } }
    public var words: [Word] { lines.flatMap(\.words) }
    /// True when every word of the cell is bold.
    public var isBold: Bool { let w = words; return !w.isEmpty && w.allSatisfy(\.bold) }
    /// True when every word of the cell is italic.
    public var isItalic: Bool { let w = words; return !w.isEmpty && w.allSatisfy(\.italic) }
    /// Lowest OCR confidence of the cell's words, nil for text-layer cells.
    public var confidence: Double? { words.compactMap(\.confidence).min() }
}

/// A table as found on one page: grid lines and cells. A table that runs on
/// over several pages is several `TableGrid`s; Normalize joins them.
public struct TableGrid: Hashable, Sendable, Codable {
    public var page: Int
    public var bbox: BBox
    /// x of the column boundaries, left to right (columns = count - 1).
    public var columnEdges: [Double]
    /// y of the row boundaries, top to bottom (rows = count - 1).
    public var rowEdges: [Double]
    /// Cells in row-major order; a merged cell appears once, at its top-left.
    public var cells: [GridCell]
    /// True when the grid came from drawn rulings, false when inferred from
    /// text alignment.
    public var ruled: Bool
    /// Leading rows known to be header (the column-number row included),
    /// when the detector knows them; nil lets Normalize decide.
    public var headerRowCount: Int?

    public init(page: Int, bbox: BBox, columnEdges: [Double], rowEdges: [Double], cells: [GridCell], ruled: Bool) {
        self.page = page
        self.bbox = bbox
        self.columnEdges = columnEdges
        self.rowEdges = rowEdges
        self.cells = cells
        self.ruled = ruled
    }

    public var rowCount: Int { max(0, rowEdges.count - 1) }
    public var columnCount: Int { max(0, columnEdges.count - 1) }

    /// Cells whose top-left is in grid row `r`, left to right.
    public func cells(inRow r: Int) -> [GridCell] {
        cells.filter { $0.row == r }.sorted { $0.column < $1.column }
    }

    /// The cell covering grid position (r, c), merged or not.
    public func cell(coveringRow r: Int, column c: Int) -> GridCell? {
        cells.first { r >= $0.row && r < $0.row + $0.rowSpan && c >= $0.column && c < $0.column + $0.columnSpan }
    }
}

/// Whether a page's text came from its text layer or from OCR.
public enum TextSource: String, Sendable, Codable {
    case textLayer = "text"
    case ocr
    case none
}

/// One page of a document.
public struct Page: Sendable, Codable {
    /// 1-based physical page number.
    public var number: Int
    public var width: Double
    public var height: Double
    public var lines: [TextLine]
    public var rulings: [Ruling]
    public var tables: [TableGrid]
    public var textSource: TextSource
    /// Closed rectangles the page draws (the boxes of a diagram such as a
    /// performance tree), outlined or filled, of any line width.
    public var boxes: [BBox]
    /// Straight horizontal and vertical strokes of any width (a diagram's
    /// connector lines; thin ones are also in `rulings`).
    public var strokes: [Ruling]

    public init(number: Int, width: Double, height: Double, lines: [TextLine], rulings: [Ruling],
                tables: [TableGrid], textSource: TextSource, boxes: [BBox] = [], strokes: [Ruling] = []) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
        self.rulings = rulings
        self.tables = tables
        self.textSource = textSource
        self.boxes = boxes
        self.strokes = strokes
    }

    public var words: [Word] { lines.flatMap(\.words) }
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// A PDF read by Ingest.
public struct IngestedDocument: Sendable, Codable {
    /// SHA-256 of the file's bytes, lowercase hex.
    public var docID: String
    /// Path relative to the input root it was found under.
    public var sourceFile: String
    public var pages: [Page]
    /// Pages the file has; more than `pages` when `ingest.max_pages` cut it.
    public var pageCount: Int

    public init(docID: String, sourceFile: String, pages: [Page], pageCount: Int? = nil) {
        self.docID = docID
        self.sourceFile = sourceFile
        self.pages = pages
        self.pageCount = pageCount ?? pages.count
    }
}
