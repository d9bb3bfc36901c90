import CPoppler
import Foundation
import Model

/// A picture of a region of a PDF page: PNG bytes and their size in pixels.
public struct RowPicture: Hashable, Sendable {
    public var png: Data
    public var width: Int
    public var height: Int

    public init(png: Data, width: Int, height: Int) {
        self.png = png
        self.width = width
        self.height = height
    }
}

/// Why a picture could not be cut. Each renders as one line.
public enum EvidenceError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case damaged(String)
    case noSuchPage(Int, pageCount: Int)
    case emptyRegion(BBox)
    case renderFailed(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "cannot read the PDF: \(why)"
        case .damaged(let why): return "cannot open the PDF: \(why)"
        case .noSuchPage(let page, let count): return "page \(page) not in the PDF (\(count) pages)"
        case .emptyRegion(let box): return "region \(box.rounded) lies outside the page"
        case .renderFailed(let why): return "rendering failed: \(why)"
        }
    }
}

/// How a row picture is cut.
public struct PictureStyle: Sendable, Equatable {
    /// Pixels per PDF point (2 = 144 dpi).
    public var scale: Double = 2
    /// Points of page kept around the region on each side.
    public var margin: Double = 6
    /// Tallest region kept, in points; a taller one is cut down around its
    /// highlighted cell (or its top when nothing is highlighted).
    public var maxHeight: Double = 240

    public init() {}

    public init(scale: Double, margin: Double, maxHeight: Double) {
        self.scale = scale
        self.margin = margin
        self.maxHeight = maxHeight
    }
}

/// One open PDF from which row pictures are cut (poppler renders the page
/// through cairo, clipped to the region). Not shared across threads: one
/// document is used by one task; separate documents may be used in
/// parallel.
public final class PageRenderer {
    private let handle: OpaquePointer
    public let pageCount: Int

    /// Opens the PDF at `url` (a file URL).
    public convenience init(url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw EvidenceError.unreadable(error.localizedDescription)
        }
        try self.init(data: data)
    }

    public init(data: Data) throws {
        var error: UnsafeMutablePointer<GError>?
        // poppler keeps a reference to the bytes for the document's lifetime.
        let bytes = data.withUnsafeBytes { buf in g_bytes_new(buf.baseAddress, gsize(buf.count)) }
        defer { g_bytes_unref(bytes) }
        guard let doc = poppler_document_new_from_bytes(bytes, nil, &error) else {
            let message = error.flatMap { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw EvidenceError.damaged(message)
        }
        handle = doc
        pageCount = Int(poppler_document_get_n_pages(doc))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The size of 1-based `page` in points.
    public func pageSize(_ page: Int) throws -> (width: Double, height: Double) {
        let p = try open(page)
        defer { g_object_unref(UnsafeMutableRawPointer(p)) }
        var w = 0.0, h = 0.0
        poppler_page_get_size(p, &w, &h)
        return (w, h)
    }

    /// A PNG of `region` (points, origin top-left) of 1-based `page`, with
    /// `style.margin` around it, each box of `highlights` outlined in red
    /// over a light yellow wash.
    public func picture(page: Int, region: BBox, highlights: [BBox] = [],
                        style: PictureStyle = PictureStyle()) throws -> RowPicture {
        let (pw, ph) = try pageSize(page)

        let crop = Self.cropBox(region: region, highlights: highlights, pageWidth: pw, pageHeight: ph, style: style)
        guard let crop else { throw EvidenceError.emptyRegion(region) }
        let width = Int((crop.width * style.scale).rounded(.up))
        let height = Int((crop.height * style.scale).rounded(.up))
        return try draw(page: page, width: width, height: height) { cr, p in
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, style.scale, style.scale)
            cairo_translate(cr, -crop.x0, -crop.y0)
            cairo_rectangle(cr, crop.x0, crop.y0, crop.width, crop.height)
            cairo_clip(cr)
            poppler_page_render(p, cr)
            for box in highlights {
                cairo_rectangle(cr, box.x0, box.y0, box.width, box.height)
                cairo_set_source_rgba(cr, 1, 0.84, 0, 0.28)
                cairo_fill_preserve(cr)
                cairo_set_source_rgba(cr, 0.85, 0.05, 0.05, 0.95)
                cairo_set_line_width(cr, 1.6)
                cairo_stroke(cr)
            }
        }
    }

    /// The region grown by the margin, kept within the page, and cut down to
    /// `maxHeight` around the first highlight; nil when nothing of it is on
    /// the page.
    static func cropBox(region: BBox, highlights: [BBox], pageWidth: Double, pageHeight: Double,
                        style: PictureStyle) -> BBox? {
        guard region.x0.isFinite, region.y0.isFinite, region.x1.isFinite, region.y1.isFinite else { return nil }
        var box = BBox(x0: max(0, region.x0 - style.margin), y0: max(0, region.y0 - style.margin),
                       x1: min(pageWidth, region.x1 + style.margin), y1: min(pageHeight, region.y1 + style.margin))
        guard box.width >= 1, box.height >= 1 else { return nil }
        if box.height > style.maxHeight {
            let focus = highlights.first.map { $0.midY } ?? (box.y0 + style.maxHeight / 2)
            var top = focus - style.maxHeight / 2
            top = min(max(top, box.y0), box.y1 - style.maxHeight)
            box.y0 = top
            box.y1 = top + style.maxHeight
        }
        return box
    }

    /// Renders 1-based `page` into a `width`×`height` RGB picture with
    /// `paint` (given the cairo context and the page), as PNG.
    func draw(page: Int, width: Int, height: Int,
              _ paint: (OpaquePointer, OpaquePointer) -> Void) throws -> RowPicture {
        let p = try open(page)
        defer { g_object_unref(UnsafeMutableRawPointer(p)) }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw EvidenceError.renderFailed("no surface")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw EvidenceError.renderFailed("no context") }
        defer { cairo_destroy(cr) }
        paint(cr, p)
        cairo_surface_flush(surface)
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw EvidenceError.renderFailed(String(cString: cairo_status_to_string(status)))
        }
        return RowPicture(png: try Self.encodePNG(surface), width: width, height: height)
    }

    private func open(_ page: Int) throws -> OpaquePointer {
        guard page >= 1, page <= pageCount, let p = poppler_document_get_page(handle, Int32(page - 1)) else {
            throw EvidenceError.noSuchPage(page, pageCount: pageCount)
        }
        return p
    }

    private static func encodePNG(_ surface: OpaquePointer) throws -> Data {
        final class Sink { var data = Data() }
        let sink = Sink()
        let status = withExtendedLifetime(sink) { () -> cairo_status_t in
            cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
                sink.data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw EvidenceError.renderFailed(String(cString: cairo_status_to_string(status)))
        }
        return sink.data
    }
}

/// Cuts one picture: opens `file`, renders `bbox` of `page`.
public func rowPicture(file: URL, page: Int, bbox: BBox, highlights: [BBox] = [],
                       style: PictureStyle = PictureStyle()) throws -> RowPicture {
    try PageRenderer(url: file).picture(page: page, region: bbox, highlights: highlights, style: style)
}
