import CPoppler
import Model

/// A raster image a page draws, and where.
struct PagePicture {
    /// Where it is drawn, in points from the top-left corner.
    var area: BBox
    /// poppler's id of the image on the page.
    var id: Int32
}

extension PDFPage {
    /// The pictures (raster images) the page draws.
    var pictures: [PagePicture] {
        guard let list = poppler_page_get_image_mapping(handle) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var found: [PagePicture] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let raw = n.pointee.data {
                let m = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let a = m.area
                found.append(PagePicture(area: BBox(x0: min(a.x1, a.x2), y0: min(a.y1, a.y2),
                                                    x1: max(a.x1, a.x2), y1: max(a.y1, a.y2)),
                                         id: m.image_id))
            }
            node = n.pointee.next
        }
        return found
    }
}

/// Counts the ink of a page's pictures, in the pictures' own pixels (so
/// that typed text printed over a picture is not taken for its ink), and
/// how much of it text-layer characters cover. Line art (the borders of a
/// table, which a scan's hidden text layer has no characters for) is not
/// ink here: only print that could be text counts.
enum PictureInkMeter {
    /// Pixels sampled per picture at most.
    static let samples = 250_000

    static func measure(_ page: PDFPage, pictures: [PagePicture], glyphBoxes: [BBox]) -> [PictureInk] {
        // Text-layer coverage on a grid of 1/50 inch.
        let cell = 72.0 / 50
        let size = page.size
        let gw = Int(size.width / cell) + 1, gh = Int(size.height / cell) + 1
        var covered = [Bool](repeating: false, count: gw * gh)
        for b in glyphBoxes {
            let x0 = max(0, Int(b.x0 / cell) - 1), x1 = min(gw, Int(b.x1 / cell) + 2)
            let y0 = max(0, Int(b.y0 / cell) - 1), y1 = min(gh, Int(b.y1 / cell) + 2)
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { for x in x0..<x1 { covered[y * gw + x] = true } }
        }
        return pictures.map { picture in
            guard let sampled = sample(page, picture) else { return PictureInk(pixels: 0, paper: 0, ink: 0, coveredInk: 0) }
            let a = picture.area
            let ink = sampled.ink
            // Borders found in the sample are not counted as ink.
            var lineArt = [Bool](repeating: false, count: ink.bits.count)
            let scale = Double(ink.width) / max(a.width, 1e-6)
            for line in RasterRulings(scale: scale).lines(in: ink) {
                let r = line.pixels
                for y in max(0, r.y0 - 1)..<min(ink.height, r.y1 + 1) {
                    for x in max(0, r.x0 - 1)..<min(ink.width, r.x1 + 1) { lineArt[y * ink.width + x] = true }
                }
            }
            var result = PictureInk(pixels: ink.bits.count, paper: sampled.paper, ink: 0, coveredInk: 0)
            for y in 0..<ink.height {
                let py = a.y0 + (Double(y) + 0.5) / Double(ink.height) * a.height
                for x in 0..<ink.width where ink.bits[y * ink.width + x] && !lineArt[y * ink.width + x] {
                    result.ink += 1
                    let px = a.x0 + (Double(x) + 0.5) / Double(ink.width) * a.width
                    let gx = Int(px / cell), gy = Int(py / cell)
                    if gx >= 0, gx < gw, gy >= 0, gy < gh, covered[gy * gw + gx] { result.coveredInk += 1 }
                }
            }
            return result
        }
    }

    /// The picture's pixels, every `step`-th, as ink (darker than mid-grey)
    /// and a count of paper (light) pixels.
    static func sample(_ page: PDFPage, _ picture: PagePicture) -> (ink: BitImage, paper: Int)? {
        guard let surface = poppler_page_get_image(page.handle, picture.id) else { return nil }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_A8 else { return nil }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard w > 0, h > 0, let data = cairo_image_surface_get_data(surface) else { return nil }
        let step = max(1, Int((Double(w * h) / Double(samples)).squareRoot().rounded(.up)))
        let sw = (w + step - 1) / step, sh = (h + step - 1) / step
        var bits = [Bool](repeating: false, count: sw * sh)
        var paper = 0
        for sy in 0..<sh {
            let row = data + sy * step * stride
            for sx in 0..<sw {
                let ix = sx * step
                let grey: Int
                if format == CAIRO_FORMAT_A8 {
                    grey = 255 - Int(row[ix])
                } else {
                    let p = UnsafeRawPointer(row).load(fromByteOffset: ix * 4, as: UInt32.self)
                    let alpha = format == CAIRO_FORMAT_ARGB32 ? Int(p >> 24) : 255
                    let r = Int((p >> 16) & 0xFF), g = Int((p >> 8) & 0xFF), b = Int(p & 0xFF)
                    // Premultiplied over white paper.
                    grey = (r * 77 + g * 150 + b * 29) / 256 + (255 - alpha)
                }
                if grey >= 200 { paper += 1 }
                if grey < 140 { bits[sy * sw + sx] = true }
            }
        }
        return (BitImage(width: sw, height: sh, bits: bits), paper)
    }
}
