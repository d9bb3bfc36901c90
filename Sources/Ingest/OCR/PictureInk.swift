import CPoppler
import Model

extension PDFPage {
    /// Where the page draws pictures (raster images), in points from the
    /// top-left corner.
    var pictureAreas: [BBox] {
        guard let list = poppler_page_get_image_mapping(handle) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var boxes: [BBox] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let raw = n.pointee.data {
                let a = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                boxes.append(BBox(x0: min(a.x1, a.x2), y0: min(a.y1, a.y2), x1: max(a.x1, a.x2), y1: max(a.y1, a.y2)))
            }
            node = n.pointee.next
        }
        return boxes
    }
}

/// Counts the ink in a page's pictures from a coarse render, and how much
/// of it text-layer characters cover.
enum PictureInkMeter {
    /// Resolution of the coarse render: enough to tell print from paper.
    static let dpi = 50.0

    static func measure(_ page: PDFPage, pictures: [BBox], glyphBoxes: [BBox]) -> [PictureInk] {
        guard let image = GrayImage.render(page, dpi: dpi) else { return pictures.map { _ in PictureInk(pixels: 0, paper: 0, ink: 0, coveredInk: 0) } }
        let scale = dpi / 72
        var covered = [Bool](repeating: false, count: image.width * image.height)
        for b in glyphBoxes {
            let x0 = max(0, Int(b.x0 * scale) - 1), x1 = min(image.width, Int(b.x1 * scale) + 2)
            let y0 = max(0, Int(b.y0 * scale) - 1), y1 = min(image.height, Int(b.y1 * scale) + 2)
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { for x in x0..<x1 { covered[y * image.width + x] = true } }
        }
        return pictures.map { b in
            var ink = PictureInk(pixels: 0, paper: 0, ink: 0, coveredInk: 0)
            let x0 = max(0, Int(b.x0 * scale)), x1 = min(image.width, Int(b.x1 * scale))
            let y0 = max(0, Int(b.y0 * scale)), y1 = min(image.height, Int(b.y1 * scale))
            guard x0 < x1, y0 < y1 else { return ink }
            for y in y0..<y1 {
                for x in x0..<x1 {
                    let v = image.pixels[y * image.width + x]
                    ink.pixels += 1
                    if v >= 200 { ink.paper += 1 }
                    if v < 140 {
                        ink.ink += 1
                        if covered[y * image.width + x] { ink.coveredInk += 1 }
                    }
                }
            }
            return ink
        }
    }
}
