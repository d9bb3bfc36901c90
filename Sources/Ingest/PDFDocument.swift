import CPoppler
import Foundation

/// Why a file could not be read as a PDF. Each case renders as one line
/// that names the problem (the caller adds the file name).
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case empty
    case notPDF
    case encrypted
    case damaged(String)
    case noPages

    public var description: String {
        switch self {
        case .unreadable(let why): return "cannot read the file: \(why)"
        case .empty: return "the file is empty (0 bytes)"
        case .notPDF: return "not a PDF (no %PDF header)"
        case .encrypted: return "the PDF is encrypted with a password"
        case .damaged(let why): return "damaged PDF: \(why)"
        case .noPages: return "the PDF has no pages"
        }
    }
}

/// An open poppler document. Not shared across threads: one document is
/// read by one task.
final class PDFDocument {
    private let handle: OpaquePointer
    let data: Data

    init(data: Data) throws {
        guard !data.isEmpty else { throw IngestError.empty }
        guard PDFDocument.hasPDFHeader(data) else { throw IngestError.notPDF }
        self.data = data
        var error: UnsafeMutablePointer<GError>?
        let bytes = data.withUnsafeBytes { buf in g_bytes_new(buf.baseAddress, gsize(buf.count)) }
        defer { g_bytes_unref(bytes) }
        guard let doc = poppler_document_new_from_bytes(bytes, nil, &error) else {
            let code = error?.pointee.code ?? 0
            let message = error.flatMap { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw IngestError.encrypted }
            throw IngestError.damaged(message)
        }
        handle = doc
        guard pageCount > 0 else { throw IngestError.noPages }
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// PDF files start with `%PDF-` within their first kilobyte.
    static func hasPDFHeader(_ data: Data) -> Bool {
        let head = data.prefix(1024)
        let marker = Array("%PDF-".utf8)
        guard head.count >= marker.count else { return false }
        let bytes = Array(head)
        for i in 0...(bytes.count - marker.count) where bytes[i] == marker[0] {
            if Array(bytes[i..<(i + marker.count)]) == marker { return true }
        }
        return false
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// The page at 0-based `index`.
    func page(_ index: Int) -> PDFPage? {
        guard let p = poppler_document_get_page(handle, Int32(index)) else { return nil }
        return PDFPage(handle: p, number: index + 1)
    }
}

/// One open poppler page.
final class PDFPage {
    let handle: OpaquePointer
    /// 1-based page number.
    let number: Int

    init(handle: OpaquePointer, number: Int) {
        self.handle = handle
        self.number = number
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var size: (width: Double, height: Double) {
        var w = 0.0, h = 0.0
        poppler_page_get_size(handle, &w, &h)
        return (w, h)
    }
}
