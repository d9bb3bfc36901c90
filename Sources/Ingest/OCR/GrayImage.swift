import CPoppler
import Foundation

/// An 8-bit greyscale raster, row-major, 0 = black and 255 = white: a page
/// rendered for OCR.
struct GrayImage: Sendable {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(width: Int, height: Int, filling value: UInt8 = 255) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: value, count: width * height))
    }

    subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Most pixels a page is rendered with for OCR (an A2 sheet at 300 dpi):
    /// a poster-sized page is read at a lower resolution rather than
    /// filling the memory.
    static let maxPixels = 36_000_000.0

    /// `preferred`, lowered as far as a page of `size` points needs to stay
    /// within `maxPixels`.
    static func renderDPI(for size: (width: Double, height: Double), preferred: Double) -> Double {
        let squareInches = max(1e-6, size.width / 72 * size.height / 72)
        return min(preferred, (maxPixels / squareInches).squareRoot().rounded(.down))
    }

    /// Renders `page` through cairo at `dpi`, white background.
    static func render(_ page: PDFPage, dpi: Double) -> GrayImage? {
        let size = page.size
        let scale = dpi / 72
        let w = Int((size.width * scale).rounded()), h = Int((size.height * scale).rounded())
        guard w > 0, h > 0, Double(w) * Double(h) <= maxPixels * 1.01 else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page.handle, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                // RGB24 is one native-endian 32-bit word per pixel: 0x00RRGGBB.
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                var x = 0
                while x < w {
                    let p = row[x]
                    let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                    out[y * w + x] = UInt8((r * 77 + g * 150 + b * 29) >> 8)
                    x += 1
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: pixels)
    }

    /// How many pixels have each grey level.
    func histogram() -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        pixels.withUnsafeBufferPointer { px in
            counts.withUnsafeMutableBufferPointer { h in
                var i = 0
                while i < px.count {
                    h[Int(px[i])] += 1
                    i += 1
                }
            }
        }
        return counts
    }

    /// Otsu's threshold: the grey level that best separates ink from paper.
    /// Pixels darker than it are ink.
    func otsuThreshold() -> UInt8 { GrayImage.otsuThreshold(histogram()) }

    static func otsuThreshold(_ histogram: [Int]) -> UInt8 {
        let total = Double(histogram.reduce(0, +))
        var sumAll = 0.0
        for i in 0..<256 { sumAll += Double(i * histogram[i]) }
        var sumBack = 0.0, weightBack = 0.0, best = 0.0, threshold = 128
        for t in 0..<256 {
            weightBack += Double(histogram[t])
            guard weightBack > 0 else { continue }
            let weightFore = total - weightBack
            guard weightFore > 0 else { break }
            sumBack += Double(t * histogram[t])
            let meanBack = sumBack / weightBack, meanFore = (sumAll - sumBack) / weightFore
            let between = weightBack * weightFore * (meanBack - meanFore) * (meanBack - meanFore)
            if between > best {
                best = between
                threshold = t
            }
        }
        return UInt8(min(254, threshold + 1))
    }

    /// The ink mask: true where the pixel is darker than `threshold`.
    func inkMask(threshold: UInt8) -> BitImage {
        var bits = [Bool](repeating: false, count: pixels.count)
        pixels.withUnsafeBufferPointer { px in
            bits.withUnsafeMutableBufferPointer { out in
                var i = 0
                while i < px.count {
                    out[i] = px[i] < threshold
                    i += 1
                }
            }
        }
        return BitImage(width: width, height: height, bits: bits)
    }

    /// The image turned by `degrees` about its centre (positive turns
    /// clockwise on screen, y pointing down), same size, bilinear, with
    /// paper filling the corners. Fixed-point (16.16) stepping along rows.
    func rotated(byDegrees degrees: Double) -> GrayImage {
        let theta = degrees * .pi / 180
        let c = cos(theta), s = sin(theta)
        let cx = Double(width - 1) / 2, cy = Double(height - 1) / 2
        var out = [UInt8](repeating: 255, count: pixels.count)
        let w = width, h = height
        let one = 65536.0
        let stepX = Int(c * one), stepY = Int(-s * one)
        let maxX = (w - 1) << 16, maxY = (h - 1) << 16
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let dy = Double(y) - cy
                    // Source point of (0, y): the inverse turn.
                    var sx = Int(((c * -cx + s * dy + cx) * one).rounded())
                    var sy = Int(((-s * -cx + c * dy + cy) * one).rounded())
                    let row = y * w
                    var x = 0
                    while x < w {
                        defer { x += 1 }
                        if sx >= 0, sy >= 0, sx < maxX, sy < maxY {
                            let x0 = sx >> 16, y0 = sy >> 16
                            let fx = sx & 0xFFFF, fy = sy & 0xFFFF
                            let i = y0 * w + x0
                            let top = Int(src[i]) * (65536 - fx) + Int(src[i + 1]) * fx
                            let bottom = Int(src[i + w]) * (65536 - fx) + Int(src[i + w + 1]) * fx
                            let v = ((top >> 8) * (65536 - fy) + (bottom >> 8) * fy + (1 << 23)) >> 24
                            dst[row + x] = UInt8(truncatingIfNeeded: v)
                        }
                        sx &+= stepX
                        sy &+= stepY
                    }
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }

    /// The image turned by a small angle (clockwise positive), by two
    /// shears: columns shifted up or down, then rows shifted sideways, each
    /// by whole pixels (block copies, no resampling blur). For a tilt of
    /// a degree or two this is the turn to a fraction of a pixel, and much
    /// cheaper than resampling; larger angles are resampled.
    func turnedSlightly(byDegrees degrees: Double) -> GrayImage {
        guard abs(degrees) <= 2 else { return rotated(byDegrees: degrees) }
        let phi = degrees * .pi / 180
        let w = width, h = height
        let cx = Double(w - 1) / 2, cy = Double(h - 1) / 2
        var sheared = [UInt8](repeating: 255, count: pixels.count)
        // Columns: x moves down by phi·(x − cx); runs of columns share a shift.
        pixels.withUnsafeBufferPointer { src in
            sheared.withUnsafeMutableBufferPointer { dst in
                var x0 = 0
                while x0 < w {
                    let shift = Int((phi * (Double(x0) - cx)).rounded())
                    var x1 = x0 + 1
                    while x1 < w, Int((phi * (Double(x1) - cx)).rounded()) == shift { x1 += 1 }
                    let count = x1 - x0
                    var y = max(0, shift)
                    let end = min(h, h + shift)
                    while y < end {
                        (dst.baseAddress! + y * w + x0).update(from: src.baseAddress! + (y - shift) * w + x0, count: count)
                        y += 1
                    }
                    x0 = x1
                }
            }
        }
        // Rows: y moves left by phi·(y − cy).
        var out = [UInt8](repeating: 255, count: pixels.count)
        sheared.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                var y = 0
                while y < h {
                    let shift = -Int((phi * (Double(y) - cy)).rounded())
                    let from = max(0, -shift), to = max(0, shift)
                    let count = w - abs(shift)
                    if count > 0 {
                        (dst.baseAddress! + y * w + to).update(from: src.baseAddress! + y * w + from, count: count)
                    }
                    y += 1
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }

    /// The image turned by a multiple of 90° clockwise.
    func rotated(quarterTurns: Int) -> GrayImage {
        let turns = ((quarterTurns % 4) + 4) % 4
        guard turns != 0 else { return self }
        let w = width, h = height
        let outW = turns == 2 ? w : h, outH = turns == 2 ? h : w
        var out = [UInt8](repeating: 255, count: pixels.count)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for x in 0..<w {
                        let (nx, ny): (Int, Int)
                        switch turns {
                        case 1: (nx, ny) = (h - 1 - y, x)
                        case 2: (nx, ny) = (w - 1 - x, h - 1 - y)
                        default: (nx, ny) = (y, w - 1 - x)
                        }
                        dst[ny * outW + nx] = src[y * w + x]
                    }
                }
            }
        }
        return GrayImage(width: outW, height: outH, pixels: out)
    }

    /// Pixels darker than `level` inside `rect` (clipped to the image).
    func inkPixels(in rect: PixelRect, below level: UInt8) -> Int {
        let x0 = max(0, rect.x0), x1 = min(width, rect.x1)
        let y0 = max(0, rect.y0), y1 = min(height, rect.y1)
        guard x0 < x1, y0 < y1 else { return 0 }
        var n = 0
        pixels.withUnsafeBufferPointer { px in
            for y in y0..<y1 {
                for x in x0..<x1 where px[y * width + x] < level { n += 1 }
            }
        }
        return n
    }

    /// The pixels inside `rect` (which must lie within the image).
    func cropped(_ rect: PixelRect) -> GrayImage {
        var out = [UInt8](repeating: 255, count: rect.width * rect.height)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<rect.height {
                    (dst.baseAddress! + y * rect.width).update(from: src.baseAddress! + (rect.y0 + y) * width + rect.x0,
                                                               count: rect.width)
                }
            }
        }
        return GrayImage(width: rect.width, height: rect.height, pixels: out)
    }

    /// The image `factor` times larger, bilinear.
    func enlarged(by factor: Int) -> GrayImage {
        let w = width * factor, h = height * factor
        var out = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let sy = min(Double(height - 1), max(0, (Double(y) + 0.5) / Double(factor) - 0.5))
            let y0 = Int(sy), y1 = min(height - 1, y0 + 1), fy = sy - Double(y0)
            for x in 0..<w {
                let sx = min(Double(width - 1), max(0, (Double(x) + 0.5) / Double(factor) - 0.5))
                let x0 = Int(sx), x1 = min(width - 1, x0 + 1), fx = sx - Double(x0)
                let top = Double(self[x0, y0]) * (1 - fx) + Double(self[x1, y0]) * fx
                let bottom = Double(self[x0, y1]) * (1 - fx) + Double(self[x1, y1]) * fx
                out[y * w + x] = UInt8((top * (1 - fy) + bottom * fy).rounded())
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }

    /// Paints the rectangle (clipped to the image) with `value`.
    mutating func fill(_ rect: PixelRect, with value: UInt8 = 255) {
        let x0 = max(0, rect.x0), x1 = min(width, rect.x1)
        let y0 = max(0, rect.y0), y1 = min(height, rect.y1)
        guard x0 < x1, y0 < y1 else { return }
        pixels.withUnsafeMutableBufferPointer { px in
            for y in y0..<y1 {
                for x in x0..<x1 { px[y * width + x] = value }
            }
        }
    }
}

/// A one-bit raster: true where there is ink.
struct BitImage: Sendable {
    let width: Int
    let height: Int
    var bits: [Bool]

    subscript(x: Int, y: Int) -> Bool { bits[y * width + x] }

    /// The mask with everything outside `regions` cleared.
    func keeping(_ regions: [PixelRect]) -> BitImage {
        var out = [Bool](repeating: false, count: bits.count)
        for r in regions {
            let x0 = max(0, r.x0), x1 = min(width, r.x1), y0 = max(0, r.y0), y1 = min(height, r.y1)
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 {
                for x in x0..<x1 { out[y * width + x] = bits[y * width + x] }
            }
        }
        return BitImage(width: width, height: height, bits: out)
    }
}

/// A pixel rectangle, half-open: x0..<x1, y0..<y1.
struct PixelRect: Hashable, Sendable {
    var x0: Int, y0: Int, x1: Int, y1: Int

    var width: Int { x1 - x0 }
    var height: Int { y1 - y0 }

    /// The part inside a `width` × `height` image (empty when none).
    func clipped(width w: Int, height h: Int) -> PixelRect {
        let cx0 = min(max(0, x0), w), cy0 = min(max(0, y0), h)
        return PixelRect(x0: cx0, y0: cy0, x1: max(cx0, min(x1, w)), y1: max(cy0, min(y1, h)))
    }
}
