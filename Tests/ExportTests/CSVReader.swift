/// A small RFC 4180 reader for checking the writer's output: fields
/// separated by commas, records by CRLF (a lone LF is accepted too), quoted
/// fields may hold commas, CR, LF and doubled quotes.
struct CSVReader {
    enum Failure: Error, Equatable { case quoteInUnquotedField(line: Int), unterminatedQuote }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false      // inside a quoted field
        var wasQuoted = false   // the current field was quoted
        var scalars = Array(text.unicodeScalars)[...]
        var line = 1
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") }
                    else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Failure.quoteInUnquotedField(line: line) }
                quoted = true
                wasQuoted = true
            case ",":
                row.append(field); field = ""; wasQuoted = false
            case "\r", "\n":
                if c == "\r", scalars.first == "\n" { scalars.removeFirst() }
                row.append(field); field = ""; wasQuoted = false
                rows.append(row); row = []
                line += 1
            default:
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw Failure.unterminatedQuote }
        if !field.isEmpty || !row.isEmpty || wasQuoted { row.append(field); rows.append(row) }
        return rows
    }

    /// Rows as dictionaries keyed by the header.
    static func records(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let all = try parse(text)
        guard let header = all.first else { return ([], []) }
        let rows = all.dropFirst().map { r in
            Dictionary(uniqueKeysWithValues: zip(header, r).map { ($0, $1) })
        }
        return (header, Array(rows))
    }
}
