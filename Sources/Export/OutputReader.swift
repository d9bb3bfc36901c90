import Foundation
import Model

/// Reads an output folder back: `records.jsonl`, `discrepancies.jsonl` and
/// `documents.csv` (for loading a finished run into a database).
public struct OutputReader: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public struct Output: Sendable {
        public var records: [Record]
        public var discrepancies: [Discrepancy]
        public var documents: [DocumentSummary]
    }

    public func read() throws -> Output {
        let records: [Record] = try jsonLines(OutputWriter.recordsJSONL)
        let discrepancies: [Discrepancy] = try jsonLines(OutputWriter.discrepanciesJSONL)
        let documents = try readDocuments()
        return Output(records: records, discrepancies: discrepancies, documents: documents)
    }

    private func contents(_ name: String) throws -> Data {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ExportError(operation: "missing \(name) (the JSON Lines files are needed: keep `jsonl` in export.formats) in",
                              path: directory.path, code: 0)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ExportError(operation: "read (\(error.localizedDescription))", path: url.path, code: 0)
        }
    }

    private func jsonLines<T: Decodable>(_ name: String) throws -> [T] {
        let data = try contents(name)
        let decoder = JSONDecoder()
        var out: [T] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do {
                out.append(try decoder.decode(T.self, from: Data(line)))
            } catch {
                throw ExportError(operation: "line \(lineNumber) is not a valid \(T.self) (\(error))",
                                  path: directory.appendingPathComponent(name).path, code: 0)
            }
        }
        return out
    }

    /// The rows of `documents.csv`.
    public func readDocuments() throws -> [DocumentSummary] {
        let path = directory.appendingPathComponent(OutputWriter.documentsCSV).path
        let rows = try CSVParser.parse(String(decoding: try contents(OutputWriter.documentsCSV), as: UTF8.self))
        guard let header = rows.first else { return [] }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [DocumentSummary] = []
        for (n, row) in rows.dropFirst().enumerated() {
            func text(_ column: String) -> String {
                guard let i = index[column], i < row.count else { return "" }
                return CSVParser.unneutralize(row[i])
            }
            func int(_ column: String) -> Int { Int(text(column)) ?? 0 }
            guard let status = DocumentSummary.Status(rawValue: text("status")) else {
                throw ExportError(operation: "row \(n + 2) has no valid status", path: path, code: 0)
            }
            out.append(DocumentSummary(
                docID: text("doc_id"), sourceFile: text("source_file"), status: status, pages: int("pages"),
                textLayer: DocumentSummary.TextLayer(rawValue: text("text_layer")), tables: int("tables"),
                records: int("records"), discrepancies: int("discrepancies"), error: text("error"),
                seconds: Double(text("seconds")) ?? 0, kind: DocumentSummary.Kind(rawValue: text("kind")),
                ocrPages: int("ocr_pages")))
        }
        return out
    }
}

/// Reads RFC 4180 CSV as `CSVTable` writes it.
public enum CSVParser {
    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Rows of fields; a final line end does not start a row.
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        var started = false
        while let c = next() {
            started = true
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; afterQuote = true; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                row.append(field); field = ""; afterQuote = false
            case "\r":
                if let n = next(), n != "\n" { pending = n }
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false; started = false
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false; started = false
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                if afterQuote { throw ParseError(description: "text after a closing quote in row \(rows.count + 1)") }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw ParseError(description: "unterminated quoted field in row \(rows.count + 1)") }
        if started || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Undoes `CSVTable.neutralize`: a `'` the writer added is removed.
    public static func unneutralize(_ text: String) -> String {
        guard text.hasPrefix("'") else { return text }
        let rest = String(text.dropFirst())
        return CSVTable.neutralize(rest) == text ? rest : text
    }
}
