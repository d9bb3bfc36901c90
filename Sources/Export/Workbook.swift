import Foundation
import ZIPFoundation

/// `kinerja.xlsx`: an Office Open XML (SpreadsheetML) workbook: a `summary`
/// sheet (per document: status, records, findings by severity), then one
/// sheet per output table (`records`, `discrepancies`, `documents`) with the
/// columns of the CSV files, those a reader looks at first (document, page,
/// indicator, period, the figures) before the technical ones.
///
/// - rupiah columns show `#,##0`, percentage columns `0.00` (a spreadsheet
///   in Indonesian shows `1.234.567` and `82,71`);
/// - numbers are number cells, text is text (shared strings), empty fields
///   are no cell at all;
/// - text is neutralised against formula injection exactly as in the CSV
///   (`CSVTable.neutralize`: a leading `=`, `+`, `@`, tab or CR, or a `-`
///   not starting a plain figure, gets a `'`), so the workbook and the CSV
///   hold the same text; numbers are never touched;
/// - the header row is bold, frozen and carries an autofilter; column
///   widths follow the content (capped);
/// - characters XML cannot hold become U+FFFD, and text longer than a cell
///   can hold (32,767 characters) is cut.
///
/// The XML parts are written with libxml2's xmlTextWriter and zipped with
/// ZIPFoundation.
public struct Workbook: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[CSVField]]
        /// Number formats by column name.
        public var formats: [String: NumberFormat]

        public init(name: String, header: [String], rows: [[CSVField]], formats: [String: NumberFormat] = [:]) {
            self.name = name
            self.header = header
            self.rows = rows
            self.formats = formats
        }

        /// The columns named in `first` (those present), then the others in
        /// their order.
        func reordered(first: [String]) -> Sheet {
            let order = first.compactMap { header.firstIndex(of: $0) }
                + header.indices.filter { !first.contains(header[$0]) }
            return Sheet(name: name, header: order.map { header[$0] },
                         rows: rows.map { row in order.map { $0 < row.count ? row[$0] : .text(nil) } }, formats: formats)
        }
    }

    /// How a number column is shown.
    public enum NumberFormat: Sendable {
        /// Whole rupiah with thousands separators.
        case rupiah
        /// Two decimals.
        case percent

        /// The cell style that shows it (see `stylesXML`).
        var style: Int {
            switch self {
            case .rupiah: 2
            case .percent: 3
            }
        }
    }

    /// The columns a reader looks at first, per sheet.
    static let firstColumns: [String: [String]] = [
        "records": ["source_file", "page", "period", "level", "path", "name", "indicator", "unit",
                    "target_raw", "target", "realisasi_raw", "realisasi", "capaian_raw", "capaian",
                    "pagu_raw", "pagu", "realisasi_rp_raw", "realisasi_rp",
                    "capaian_anggaran_raw", "capaian_anggaran", "category", "polarity", "row_kind"],
        "discrepancies": ["source_file", "page", "table", "row", "period", "field", "rule", "severity",
                          "reported", "expected", "message"],
        "documents": ["source_file", "status", "kind", "pages", "text_layer", "tables", "records",
                      "discrepancies", "ocr_pages", "error", "seconds"],
    ]

    static let numberFormats: [String: NumberFormat] = [
        "pagu": .rupiah, "realisasi_rp": .rupiah, "capaian": .percent, "capaian_anggaran": .percent,
    ]

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The summary, then the three output tables as sheets.
    public init(_ rows: OutputRows) {
        sheets = [Self.summary(rows)] + TableSpec.all.map {
            Sheet(name: $0.name, header: $0.columnNames, rows: rows.rows(of: $0), formats: Self.numberFormats)
                .reordered(first: Self.firstColumns[$0.name] ?? [])
        }
    }

    /// Per document (in the order of `documents`): status, kind, pages,
    /// records and findings by severity.
    static func summary(_ rows: OutputRows) -> Sheet {
        let documents = TableSpec.documents, discrepancies = TableSpec.discrepancies
        func column(_ table: TableSpec, _ name: String) -> Int { table.columnNames.firstIndex(of: name)! }
        func text(_ field: CSVField) -> String { field.plainText ?? "" }
        var counts: [String: [String: Int]] = [:]
        let file = column(discrepancies, "source_file"), severity = column(discrepancies, "severity")
        for d in rows.discrepancies { counts[text(d[file]), default: [:]][text(d[severity]), default: 0] += 1 }
        let names = ["source_file", "status", "kind", "pages", "records"]
        let header = names + ["errors", "warnings", "infos"]
        let body = rows.documents.map { doc -> [CSVField] in
            let own = counts[text(doc[column(documents, "source_file")])] ?? [:]
            return names.map { doc[column(documents, $0)] }
                + ["error", "warning", "info"].map { CSVField.integer(own[$0] ?? 0) }
        }
        return Sheet(name: "summary", header: header, rows: body)
    }

    /// Excel's limit on the text of one cell.
    public static let maxCellText = 32_767
    static let maxColumnWidth = 60.0
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The workbook file's bytes.
    public func data() throws -> Data {
        var strings = SharedStrings()
        var parts: [(String, Data)] = []
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", try sheetXML(sheet, strings: &strings)))
        }
        parts = [
            ("[Content_Types].xml", try contentTypes()),
            ("_rels/.rels", try rootRels()),
            ("docProps/app.xml", try appXML()),
            ("xl/workbook.xml", try workbookXML()),
            ("xl/_rels/workbook.xml.rels", try workbookRels()),
            ("xl/styles.xml", try stylesXML()),
            ("xl/sharedStrings.xml", try strings.xml()),
        ] + parts

        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw ExportError(operation: "zip: \(error)", path: "kinerja.xlsx", code: 0)
        }
        for (path, data) in parts {
            do {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw ExportError(operation: "zip \(path): \(error)", path: "kinerja.xlsx", code: 0)
            }
        }
        guard let bytes = archive.data else {
            throw ExportError(operation: "zip: no archive data", path: "kinerja.xlsx", code: 0)
        }
        return bytes
    }

    // MARK: Cells

    /// `A`, `B` … `Z`, `AA` … for 0-based `index`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The text a text field shows: neutralised, cut to a cell's limit.
    static func cellText(_ s: String) -> String {
        let t = CSVTable.neutralize(s)
        return t.count > maxCellText ? String(t.prefix(maxCellText)) : t
    }

    private func sheetXML(_ sheet: Sheet, strings: inout SharedStrings) throws -> Data {
        let w = try XMLWriter()
        try w.start("worksheet")
        try w.attribute("xmlns", Self.mainNS)
        try w.attribute("xmlns:r", Self.relNS)
        let lastColumn = Self.columnName(max(0, sheet.header.count - 1))
        let lastRow = sheet.rows.count + 1
        try w.empty("dimension", ["ref": "A1:\(lastColumn)\(lastRow)"])

        // Header frozen: the pane below row 1 scrolls.
        try w.start("sheetViews")
        try w.start("sheetView")
        try w.attribute("workbookViewId", "0")
        try w.empty("pane", ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        try w.empty("selection", ["pane": "bottomLeft", "activeCell": "A2", "sqref": "A2"])
        try w.end()
        try w.end()
        try w.empty("sheetFormatPr", ["defaultRowHeight": "15"])

        try w.start("cols")
        for (i, width) in columnWidths(sheet).enumerated() {
            try w.empty("col", ["min": "\(i + 1)", "max": "\(i + 1)", "width": PlainNumber.format(width),
                                "customWidth": "1"])
        }
        try w.end()

        try w.start("sheetData")
        try w.start("row")
        try w.attribute("r", "1")
        for (i, name) in sheet.header.enumerated() {
            try w.start("c")
            try w.attribute("r", "\(Self.columnName(i))1")
            try w.attribute("s", "1")
            try w.attribute("t", "s")
            try w.element("v", text: String(strings.index(of: name)))
            try w.end()
        }
        try w.end()
        let formats = sheet.header.map { sheet.formats[$0] }
        for (r, row) in sheet.rows.enumerated() {
            let rowNumber = r + 2
            try w.start("row")
            try w.attribute("r", "\(rowNumber)")
            for (i, field) in row.enumerated() {
                let ref = "\(Self.columnName(i))\(rowNumber)"
                switch field {
                case .text(let s?) where !s.isEmpty:
                    try w.start("c")
                    try w.attribute("r", ref)
                    try w.attribute("t", "s")
                    try w.element("v", text: String(strings.index(of: Self.cellText(s))))
                    try w.end()
                case .number(let d?) where d.isFinite:
                    try w.start("c")
                    try w.attribute("r", ref)
                    if let format = formats[i] { try w.attribute("s", "\(format.style)") }
                    try w.element("v", text: PlainNumber.format(d))
                    try w.end()
                case .integer(let n?):
                    try w.start("c")
                    try w.attribute("r", ref)
                    try w.element("v", text: String(n))
                    try w.end()
                default:
                    break // empty: no cell
                }
            }
            try w.end()
        }
        try w.end() // sheetData
        try w.empty("autoFilter", ["ref": "A1:\(lastColumn)\(lastRow)"])
        try w.empty("pageMargins", ["left": "0.7", "right": "0.7", "top": "0.75", "bottom": "0.75",
                                    "header": "0.3", "footer": "0.3"])
        try w.end() // worksheet
        return try w.finish()
    }

    /// Character widths: the longest of header and (first thousand) values,
    /// plus padding, between 6 and `maxColumnWidth`.
    private func columnWidths(_ sheet: Sheet) -> [Double] {
        sheet.header.enumerated().map { i, name in
            var longest = name.count + 2 // room for the filter button
            for row in sheet.rows.prefix(1000) where i < row.count {
                let text: String
                switch row[i] {
                case .text(let s): text = s.map(Self.cellText) ?? ""
                default: text = row[i].rendered
                }
                longest = max(longest, text.count)
            }
            return min(Self.maxColumnWidth, max(6, Double(longest) + 1.5))
        }
    }

    // MARK: Package parts

    private func contentTypes() throws -> Data {
        let w = try XMLWriter()
        try w.start("Types")
        try w.attribute("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
        try w.empty("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
        try w.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
        try w.empty("Override", ["PartName": "/xl/workbook.xml",
                                 "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"])
        for i in sheets.indices {
            try w.empty("Override", ["PartName": "/xl/worksheets/sheet\(i + 1).xml",
                                     "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"])
        }
        try w.empty("Override", ["PartName": "/xl/styles.xml",
                                 "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"])
        try w.empty("Override", ["PartName": "/xl/sharedStrings.xml",
                                 "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"])
        try w.empty("Override", ["PartName": "/docProps/app.xml",
                                 "ContentType": "application/vnd.openxmlformats-officedocument.extended-properties+xml"])
        try w.end()
        return try w.finish()
    }

    private func rootRels() throws -> Data {
        let w = try XMLWriter()
        try w.start("Relationships")
        try w.attribute("xmlns", Self.packageRelNS)
        try w.empty("Relationship", ["Id": "rId1", "Target": "xl/workbook.xml",
                                     "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"])
        try w.empty("Relationship", ["Id": "rId2", "Target": "docProps/app.xml",
                                     "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"])
        try w.end()
        return try w.finish()
    }

    private func appXML() throws -> Data {
        let w = try XMLWriter()
        try w.start("Properties")
        try w.attribute("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        try w.element("Application", text: "kinerja")
        try w.end()
        return try w.finish()
    }

    private func workbookXML() throws -> Data {
        let w = try XMLWriter()
        try w.start("workbook")
        try w.attribute("xmlns", Self.mainNS)
        try w.attribute("xmlns:r", Self.relNS)
        try w.start("bookViews")
        try w.empty("workbookView", ["activeTab": "0"])
        try w.end()
        try w.start("sheets")
        for (i, sheet) in sheets.enumerated() {
            try w.empty("sheet", ["name": sheet.name, "sheetId": "\(i + 1)", "r:id": "rId\(i + 1)"])
        }
        try w.end()
        // The autofilter ranges, as Excel records them.
        try w.start("definedNames")
        for (i, sheet) in sheets.enumerated() {
            let lastColumn = Self.columnName(max(0, sheet.header.count - 1))
            try w.element("definedName", ["name": "_xlnm._FilterDatabase", "localSheetId": "\(i)", "hidden": "1"],
                          text: "'\(sheet.name)'!$A$1:$\(lastColumn)$\(sheet.rows.count + 1)")
        }
        try w.end()
        try w.end()
        return try w.finish()
    }

    private func workbookRels() throws -> Data {
        let w = try XMLWriter()
        try w.start("Relationships")
        try w.attribute("xmlns", Self.packageRelNS)
        for i in sheets.indices {
            try w.empty("Relationship", ["Id": "rId\(i + 1)", "Target": "worksheets/sheet\(i + 1).xml",
                                         "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"])
        }
        let n = sheets.count
        try w.empty("Relationship", ["Id": "rId\(n + 1)", "Target": "styles.xml",
                                     "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"])
        try w.empty("Relationship", ["Id": "rId\(n + 2)", "Target": "sharedStrings.xml",
                                     "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"])
        try w.end()
        return try w.finish()
    }

    /// Style 0: the default; style 1: bold with a light fill (the header);
    /// style 2: rupiah (`#,##0`); style 3: percentages (`0.00`).
    private func stylesXML() throws -> Data {
        let w = try XMLWriter()
        try w.start("styleSheet")
        try w.attribute("xmlns", Self.mainNS)
        try w.start("numFmts")
        try w.attribute("count", "2")
        try w.empty("numFmt", ["numFmtId": "164", "formatCode": "#,##0"])
        try w.empty("numFmt", ["numFmtId": "165", "formatCode": "0.00"])
        try w.end()
        try w.start("fonts")
        try w.attribute("count", "2")
        for bold in [false, true] {
            try w.start("font")
            if bold { try w.empty("b") }
            try w.empty("sz", ["val": "11"])
            try w.empty("name", ["val": "Calibri"])
            try w.empty("family", ["val": "2"])
            try w.end()
        }
        try w.end()
        try w.start("fills")
        try w.attribute("count", "3")
        try w.start("fill"); try w.empty("patternFill", ["patternType": "none"]); try w.end()
        try w.start("fill"); try w.empty("patternFill", ["patternType": "gray125"]); try w.end()
        try w.start("fill")
        try w.start("patternFill")
        try w.attribute("patternType", "solid")
        try w.empty("fgColor", ["rgb": "FFDDE6F0"])
        try w.empty("bgColor", ["indexed": "64"])
        try w.end()
        try w.end()
        try w.end()
        try w.start("borders")
        try w.attribute("count", "1")
        try w.start("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { try w.empty(side) }
        try w.end()
        try w.end()
        try w.start("cellStyleXfs")
        try w.attribute("count", "1")
        try w.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
        try w.end()
        try w.start("cellXfs")
        try w.attribute("count", "4")
        try w.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
        try w.empty("xf", ["numFmtId": "0", "fontId": "1", "fillId": "2", "borderId": "0", "xfId": "0",
                           "applyFont": "1", "applyFill": "1"])
        for id in ["164", "165"] {
            try w.empty("xf", ["numFmtId": id, "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
                               "applyNumberFormat": "1"])
        }
        try w.end()
        try w.start("cellStyles")
        try w.attribute("count", "1")
        try w.empty("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
        try w.end()
        try w.end()
        return try w.finish()
    }
}

/// The workbook's shared string table: each distinct text once.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var strings: [String] = []
    private(set) var references = 0

    mutating func index(of s: String) -> Int {
        references += 1
        if let i = indexes[s] { return i }
        indexes[s] = strings.count
        strings.append(s)
        return strings.count - 1
    }

    func xml() throws -> Data {
        let w = try XMLWriter()
        try w.start("sst")
        try w.attribute("xmlns", Workbook.mainNS)
        try w.attribute("count", "\(references)")
        try w.attribute("uniqueCount", "\(strings.count)")
        for s in strings {
            try w.start("si")
            try w.start("t")
            // Leading or trailing spaces and line breaks are kept as written.
            if s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n") {
                try w.attribute("xml:space", "preserve")
            }
            try w.text(s)
            try w.end()
            try w.end()
        }
        try w.end()
        return try w.finish()
    }
}
