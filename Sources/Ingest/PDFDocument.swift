import CPathCollector
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
    /// The file's bytes, shared by poppler-glib's document and
    /// `pathDocument`.
    private let bytes: OpaquePointer
    /// The same file opened in poppler's core, for the paths pages paint
    /// (opened on first use).
    private var pathDocument: OpaquePointer?
    private var pathDocumentFailed = false

    init(data: Data) throws {
        guard !data.isEmpty else { throw IngestError.empty }
        guard PDFDocument.hasPDFHeader(data) else { throw IngestError.notPDF }
        self.data = data
        var error: UnsafeMutablePointer<GError>?
        let bytes = data.withUnsafeBytes { buf in g_bytes_new(buf.baseAddress, gsize(buf.count)) }
        self.bytes = bytes!
        guard let doc = poppler_document_new_from_bytes(bytes, nil, &error) else {
            g_bytes_unref(bytes)
            let code = error?.pointee.code ?? 0
            let message = error.flatMap { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw IngestError.encrypted }
            throw IngestError.damaged(message)
        }
        handle = doc
        guard pageCount > 0 else { throw IngestError.noPages }
    }

    deinit {
        if let pathDocument { kj_path_document_close(pathDocument) }
        g_object_unref(UnsafeMutableRawPointer(handle))
        g_bytes_unref(bytes)
    }

    /// The paths page `number` (1-based) paints, or nil when poppler's core
    /// cannot read the page. The result is valid until the next call.
    func paintedPaths(onPage number: Int) -> kj_page_paths? {
        if pathDocument == nil, !pathDocumentFailed {
            var length: gsize = 0
            let start = g_bytes_get_data(bytes, &length)
            pathDocument = kj_path_document_open(start, Int(length))
            pathDocumentFailed = pathDocument == nil
        }
        guard let pathDocument else { return nil }
        var paths = kj_page_paths()
        guard kj_path_document_collect(pathDocument, Int32(number), &paths) == 0 else { return nil }
        return paths
    }

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
        return PDFPage(handle: p, number: index + 1, document: self)
    }
}

/// One open poppler page.
final class PDFPage {
    let handle: OpaquePointer
    /// 1-based page number.
    let number: Int
    /// The document the page belongs to (kept open while the page is).
    let document: PDFDocument

    init(handle: OpaquePointer, number: Int, document: PDFDocument) {
        self.handle = handle
        self.number = number
        self.document = document
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var size: (width: Double, height: Double) {
        var w = 0.0, h = 0.0
        poppler_page_get_size(handle, &w, &h)
        return (w, h)
    }
}
