import Foundation

/// One CSV field and what kind of column it is in. Only text is neutralised
/// against formula injection; numbers are written by `PlainNumber`.
public enum CSVField: Sendable, Equatable {
    /// A text column: RFC 4180 quoted when needed, formula-neutralised.
    case text(String?)
    /// A numeric column: plain decimal, empty for nil (and NaN/infinity).
    case number(Double?)
    /// An integer column: empty for nil.
    case integer(Int?)

    /// The field's text before quoting.
    public var rendered: String {
        switch self {
        case .text(let s): return s.map(CSVTable.neutralize) ?? ""
        case .number(let d): return d.map(PlainNumber.format) ?? ""
        case .integer(let i): return i.map(String.init) ?? ""
        }
    }
}

/// A CSV file being built: a header row, then rows of fields, RFC 4180
/// (comma separated, CRLF line ends including after the last row, a field
/// holding a comma, a double quote, CR or LF is put in double quotes with its
/// double quotes doubled). UTF-8, no byte-order mark.
public struct CSVTable: Sendable {
    public let header: [String]
    public private(set) var rowCount = 0
    private var text = ""

    public static let lineEnd = "\r\n"

    public init(header: [String]) {
        self.header = header
        appendLine(header)
    }

    /// Appends one row; it must have one field per header column.
    public mutating func append(_ row: [CSVField]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields, header \(header.count)")
        appendLine(row.map(\.rendered))
        rowCount += 1
    }

    public var string: String { text }
    public var data: Data { Data(text.utf8) }

    private mutating func appendLine(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { text += "," }
            text += CSVTable.quote(f)
        }
        text += CSVTable.lineEnd
    }

    /// `field` quoted per RFC 4180 when it holds a comma, a double quote, CR
    /// or LF; unchanged otherwise.
    public static func quote(_ field: String) -> String {
        var needs = false
        for b in field.utf8 where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A {
            needs = true
            break
        }
        guard needs else { return field }
        var out = "\""
        out.reserveCapacity(field.utf8.count + 8)
        for c in field.unicodeScalars {
            if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
        }
        out += "\""
        return out
    }

    /// Guards a text cell against formula injection when the CSV is opened in
    /// a spreadsheet program (Excel, LibreOffice, Sheets evaluate a cell that
    /// starts with `=`, `+`, `-`, `@`, and some strip a leading tab or CR
    /// first): such a cell gets a leading `'`, which spreadsheets show as
    /// text and do not display.
    ///
    /// A leading `-` is left alone when the cell is a plain figure or a dash,
    /// which is common and harmless in these reports: the whole cell is
    /// dashes and spaces (`-`, `--`, `- -`), or the `-` is followed only by
    /// digits, `.`, `,`, spaces and `%` (`-12,5`, `- 1.234`, `-5 %`). Anything
    /// else after a `-` (`-2+3`, `-A1`, `- Persentase …`, `-,-`) is prefixed.
    /// Numeric columns are never touched (they are written by
    /// `PlainNumber`, and negative numbers start with `-`).
    public static func neutralize(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D:
            return "'" + text
        case UInt8(ascii: "-"):
            return isPlainFigureOrDash(text) ? text : "'" + text
        default:
            return text
        }
    }

    private static func isPlainFigureOrDash(_ text: String) -> Bool {
        let rest = text.utf8.dropFirst()
        if rest.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }) { return true }
        return rest.allSatisfy { b in
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: ",")
                || b == UInt8(ascii: " ") || b == UInt8(ascii: "%")
        }
    }
}
