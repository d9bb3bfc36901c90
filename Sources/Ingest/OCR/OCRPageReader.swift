import CTesseract
import Foundation
import Model

/// What OCR made of one page: words and rulings in PDF points, in the frame
/// of the straightened page (turned upright and deskewed).
struct OCRPage: Sendable {
    var words: [GlyphWord]
    var rulings: [Ruling]
    /// Page size in points after turning it upright.
    var width: Double
    var height: Double
    /// Clockwise quarter turns applied to make the page upright.
    var quarterTurns: Int
    /// Skew corrected, in degrees.
    var skew: Double
}

/// Reads a rendered page: turns it upright, straightens it, finds the
/// table borders in the pixels, wipes them (a border touching a digit is
/// read as `1` or `|`), and reads the words with Tesseract.
struct OCRPageReader {
    /// Pixels per point of the raster.
    var scale: Double
    /// Read only these parts of the page (pixels of the unturned raster);
    /// nil reads it all.
    var regions: [PixelRect]? = nil

    func read(_ raster: GrayImage, engines: OCRWorkers.Engines) throws -> OCRPage {
        let engine = try engines.recognizer.get()
        var image = raster
        let blank = image.inkPixels(in: PixelRect(x0: 0, y0: 0, x1: image.width, y1: image.height), below: 128)
            < image.width * image.height / 5000
        if blank {
            return OCRPage(words: [], rulings: [], width: Double(image.width) / scale,
                           height: Double(image.height) / scale, quarterTurns: 0, skew: 0)
        }
        var ink = image.inkMask(threshold: image.otsuThreshold())

        // Upright: a page whose lines run down the page is turned a quarter.
        var turns = 0
        if regions == nil, OCRPageReader.looksSideways(ink), let osd = engines.orientation {
            osd.setImage(OCRPageReader.downsampled(image, by: 2), dpi: Int(scale * 72 / 2))
            if let o = osd.orientation(), o.confidence >= 1 {
                turns = o.degrees / 90
            }
            if turns != 0 {
                image = image.rotated(quarterTurns: turns)
                ink = image.inkMask(threshold: image.otsuThreshold())
            }
        }

        // Straight: undo a small tilt of the scan.
        var skew = 0.0
        if regions == nil {
            skew = SkewEstimator.skew(of: ink)
            if abs(skew) >= 0.05 {
                image = image.rotated(byDegrees: -skew)
                ink = image.inkMask(threshold: image.otsuThreshold())
            }
        }

        // Borders: only inside the regions to read, when there are some.
        if let regions { ink = ink.keeping(regions) }
        let lines = RasterRulings(scale: scale).lines(in: ink)
        let rulings = lines.map(\.ruling)
        var clean = image
        let pad = max(1, Int(scale * 0.5))
        for line in lines {
            let p = line.pixels
            clean.fill(PixelRect(x0: p.x0 - pad, y0: p.y0 - pad, x1: p.x1 + pad, y1: p.y1 + pad))
        }

        // Tables are read cell by cell: a cell is one block of text, so
        // neighbouring cells never run together into one line.
        let grids = TableDetector.tables(page: 0, rulings: rulings, words: [])
        let dpi = Int((scale * 72).rounded())
        engine.setImage(clean, dpi: dpi)
        var found: [OCRWord] = []
        let inset = pad + max(1, Int(scale * 0.4))
        for grid in grids {
            for cell in grid.cells {
                let box = cell.bbox.pixels(scale: scale)
                let r = PixelRect(x0: box.x0 + inset, y0: box.y0 + inset, x1: box.x1 - inset, y1: box.y1 - inset)
                guard r.width >= 4, r.height >= 4, clean.inkPixels(in: r, below: 128) >= 8 else { continue }
                found += engine.words(in: r, mode: PSM_SINGLE_BLOCK)
            }
        }

        // The rest of the page (or of each region): prose, headings, captions.
        var rest = clean
        for grid in grids { rest.fill(grid.bbox.pixels(scale: scale)) }
        engine.setImage(rest, dpi: dpi)
        for r in regions ?? [PixelRect(x0: 0, y0: 0, x1: rest.width, y1: rest.height)] {
            guard rest.inkPixels(in: r, below: 128) >= 8 else { continue }
            found += engine.words(in: r, mode: PSM_AUTO)
        }

        let words = found.compactMap { glyphWord($0) }
        let size = (Double(image.width) / scale, Double(image.height) / scale)
        return OCRPage(words: words, rulings: rulings, width: size.0, height: size.1,
                       quarterTurns: turns, skew: skew)
    }

    /// The word in points; nil for noise (a lone mark read from a smudge or
    /// the rest of a border).
    func glyphWord(_ w: OCRWord) -> GlyphWord? {
        let text = w.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let meaningful = text.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
        if !meaningful, w.confidence < 50 || text.allSatisfy({ "|_—–-~'`\".,:;!".contains($0) }) && text.count <= 2 {
            return nil
        }
        let glyphs = w.symbols.flatMap { s -> [Glyph] in
            let box = BBox(x0: Double(s.box.x0) / scale, y0: Double(s.box.y0) / scale,
                           x1: Double(s.box.x1) / scale, y1: Double(s.box.y1) / scale)
            return s.text.unicodeScalars.map { Glyph(scalar: $0, bbox: box, bold: false, italic: false) }
        }
        guard !glyphs.isEmpty else { return nil }
        return GlyphWord(glyphs: glyphs, confidence: w.confidence)
    }

    /// True when the ink lines up in columns more than in rows: text set
    /// down the page.
    static func looksSideways(_ ink: BitImage) -> Bool {
        var rows = [Double](repeating: 0, count: ink.height)
        var cols = [Double](repeating: 0, count: ink.width)
        ink.bits.withUnsafeBufferPointer { bits in
            for y in 0..<ink.height {
                var n = 0
                let row = y * ink.width
                for x in 0..<ink.width where bits[row + x] {
                    n += 1
                    cols[x] += 1
                }
                rows[y] = Double(n)
            }
        }
        return peakedness(cols) > 1.3 * peakedness(rows)
    }

    /// Squared coefficient of variation of a profile: high when the ink
    /// comes in bands (lines of text) with gaps between.
    static func peakedness(_ profile: [Double]) -> Double {
        guard !profile.isEmpty else { return 0 }
        let mean = profile.reduce(0, +) / Double(profile.count)
        guard mean > 0 else { return 0 }
        let variance = profile.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(profile.count)
        return variance / (mean * mean)
    }

    /// Every `factor`-th pixel (orientation detection needs no detail).
    static func downsampled(_ image: GrayImage, by factor: Int) -> GrayImage {
        let w = image.width / factor, h = image.height / factor
        var px = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            for x in 0..<w { px[y * w + x] = image.pixels[(y * factor) * image.width + x * factor] }
        }
        return GrayImage(width: w, height: h, pixels: px)
    }
}
