import Foundation
import Model

/// The messages between `kinerja run` and its `kinerja worker` processes,
/// one JSON object per line: jobs on the worker's standard input, progress
/// and outcomes on its standard output.
enum WorkerProtocol {
    /// One document for a worker to read.
    struct Job: Codable, Sendable {
        var id: Int
        var path: String
        var sourceFile: String
        /// Threads the worker may use for this document's pages.
        var threads: Int
        /// The run's configuration, decoded once by the run.
        var config: PipelineConfig
    }

    /// A line a worker writes: pages done so far, or the finished outcome.
    struct Reply: Codable, Sendable {
        var id: Int
        var pagesDone: Int?
        var pagesTotal: Int?
        var outcome: DocumentResult?
    }

    /// Encodes one value as a single line (JSON never contains a raw
    /// newline outside strings, and strings escape theirs). Non-finite
    /// numbers are written as strings so that an outcome survives the trip
    /// unchanged.
    static func line<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func decode<T: Decodable>(_ type: T.Type, from line: Data) throws -> T {
        try decoder.decode(type, from: line)
    }

    private static let nonFinite = (positive: "+inf", negative: "-inf", nan: "nan")

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return d
    }
}

extension DocumentResult {
    /// A failed outcome: `documents.csv` says `FILE: DETAIL`.
    static func failed(_ file: InputFile, docID: String = "", _ failure: DocumentFailure, seconds: Double = 0) -> DocumentResult {
        let message = "\(file.sourceFile): \(failure.detail)".replacingOccurrences(of: "\n", with: " ")
        return DocumentResult(
            summary: DocumentSummary(docID: docID, sourceFile: file.sourceFile, status: .failed, error: message,
                                     seconds: seconds),
            records: [], failure: failure)
    }

    /// A file not read, and why (not a regular file; the same bytes as
    /// another input).
    static func skipped(_ file: InputFile, docID: String = "", _ why: String) -> DocumentResult {
        DocumentResult(
            summary: DocumentSummary(docID: docID, sourceFile: file.sourceFile, status: .skipped,
                                     error: "\(file.sourceFile): \(why)".replacingOccurrences(of: "\n", with: " ")),
            records: [])
    }

    /// The outcome as it reads for a file with the same bytes under another name.
    func renamed(to sourceFile: String) -> DocumentResult {
        guard summary.sourceFile != sourceFile else { return self }
        var copy = self
        let old = summary.sourceFile
        copy.summary.sourceFile = sourceFile
        if copy.summary.error.hasPrefix(old + ":") {
            copy.summary.error = sourceFile + copy.summary.error.dropFirst(old.count)
        }
        for i in copy.records.indices { copy.records[i].sourceFile = sourceFile }
        for i in copy.indicators.indices { copy.indicators[i].sourceFile = sourceFile }
        for i in copy.tables.indices { copy.tables[i].sourceFile = sourceFile }
        return copy
    }
}
