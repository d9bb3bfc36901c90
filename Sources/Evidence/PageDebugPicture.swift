import CPoppler
import Foundation
import Model

/// What `kinerja inspect --png` draws over a page, as pdfplumber's
/// `debug_tablefinder` does: the words the text layer gave, the ruling lines
/// found, each table grid's cells and its outline.
public struct PageOverlay: Sendable {
    public var words: [BBox]
    public var rulings: [Ruling]
    public var cells: [BBox]
    public var tables: [BBox]

    public init(words: [BBox] = [], rulings: [Ruling] = [], cells: [BBox] = [], tables: [BBox] = []) {
        self.words = words
        self.rulings = rulings
        self.cells = cells
        self.tables = tables
    }

    /// Colours (red, green, blue, alpha): words blue, rulings red, cells
    /// green, tables dark green.
    public static let wordColour = (0.1, 0.35, 0.95, 0.8)
    public static let rulingColour = (0.9, 0.05, 0.05, 0.9)
    public static let cellColour = (0.0, 0.65, 0.2, 0.9)
    public static let tableColour = (0.0, 0.35, 0.1, 1.0)
}

extension PageRenderer {
    /// The whole of 1-based `page` at `scale` pixels per point with
    /// `overlay` drawn over it, as PNG.
    public func debugPicture(page: Int, overlay: PageOverlay, scale: Double = 2) throws -> RowPicture {
        let (pw, ph) = try pageSize(page)
        let width = Int((pw * scale).rounded(.up)), height = Int((ph * scale).rounded(.up))
        return try draw(page: page, width: width, height: height) { cr, p in
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            poppler_page_render(p, cr)
            func stroke(_ c: (Double, Double, Double, Double), width: Double) {
                cairo_set_source_rgba(cr, c.0, c.1, c.2, c.3)
                cairo_set_line_width(cr, width)
                cairo_stroke(cr)
            }
            for box in overlay.words { cairo_rectangle(cr, box.x0, box.y0, box.width, box.height) }
            stroke(PageOverlay.wordColour, width: 0.4)
            for box in overlay.cells { cairo_rectangle(cr, box.x0 + 0.8, box.y0 + 0.8, max(0, box.width - 1.6), max(0, box.height - 1.6)) }
            stroke(PageOverlay.cellColour, width: 0.8)
            for box in overlay.tables { cairo_rectangle(cr, box.x0 - 1.5, box.y0 - 1.5, box.width + 3, box.height + 3) }
            stroke(PageOverlay.tableColour, width: 1.6)
            for r in overlay.rulings {
                switch r.axis {
                case .horizontal:
                    cairo_move_to(cr, r.start, r.position)
                    cairo_line_to(cr, r.end, r.position)
                case .vertical:
                    cairo_move_to(cr, r.position, r.start)
                    cairo_line_to(cr, r.position, r.end)
                }
            }
            stroke(PageOverlay.rulingColour, width: 1.0)
        }
    }
}
