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
        // One histogram gives the ink threshold, kept through the turns
        // below (they move pixels, not their greys), and tells a blank page.
        let histogram = image.histogram()
        if histogram[..<128].reduce(0, +) < image.width * image.height / 5000 {
            return OCRPage(words: [], rulings: [], width: Double(image.width) / scale,
                           height: Double(image.height) / scale, quarterTurns: 0, skew: 0)
        }
        let threshold = GrayImage.otsuThreshold(histogram)
        var ink = image.inkMask(threshold: threshold)

        // Upright: a page whose lines run down the page is turned a quarter.
        var turns = 0
        if regions == nil, OCRPageReader.looksSideways(ink), let osd = engines.orientation {
            osd.setImage(OCRPageReader.downsampled(image, by: 2), dpi: Int(scale * 72 / 2))
            if let o = osd.orientation(), o.confidence >= 1 {
                turns = o.degrees / 90
            }
            if turns != 0 {
                image = image.rotated(quarterTurns: turns)
                ink = image.inkMask(threshold: threshold)
            }
        }

        // Straight: undo a small tilt of the scan.
        var skew = 0.0
        if regions == nil {
            skew = SkewEstimator.skew(of: ink)
            if abs(skew) >= 0.05 {
                image = image.turnedSlightly(byDegrees: -skew)
                ink = image.inkMask(threshold: threshold)
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
                found += OCRPageReader.cellWords(engine, r, of: clean, dpi: dpi)
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

    /// Below this confidence a cell that reads as a figure is read again.
    static let rereadBelow = 75.0

    /// The words of one table cell of `image` (the image the engine holds).
    /// A figure read with little confidence is read a second time from the
    /// cell enlarged twice, which gives the recogniser different pixels:
    /// when both readings agree, the figure is as sure as the surer of
    /// them; when they differ, the surer reading is kept with the lower
    /// confidence of the two.
    static func cellWords(_ engine: TesseractEngine, _ r: PixelRect, of image: GrayImage, dpi: Int) -> [OCRWord] {
        let first = engine.words(in: r, mode: PSM_SINGLE_BLOCK)
        guard let low = first.map(\.confidence).min(), low < rereadBelow, looksLikeFigure(first) else { return first }
        let cell = r.clipped(width: image.width, height: image.height)
        engine.setImage(image.cropped(cell).enlarged(by: 2), dpi: dpi * 2)
        defer { engine.setImage(image, dpi: dpi) }
        let second = engine.words(in: nil, mode: PSM_SINGLE_BLOCK).map { w -> OCRWord in
            func back(_ b: PixelRect) -> PixelRect {
                PixelRect(x0: cell.x0 + b.x0 / 2, y0: cell.y0 + b.y0 / 2, x1: cell.x0 + b.x1 / 2, y1: cell.y0 + b.y1 / 2)
            }
            return OCRWord(symbols: w.symbols.map { OCRSymbol(text: $0.text, box: back($0.box)) },
                           box: back(w.box), confidence: w.confidence)
        }
        guard let secondLow = second.map(\.confidence).min() else { return first }
        func text(_ words: [OCRWord]) -> String { words.map(\.text).joined() }
        if text(first) == text(second) {
            return first.map { var w = $0; w.confidence = max(w.confidence, secondLow); return w }
        }
        let doubt = min(low, secondLow)
        return (secondLow > low ? second : first).map { var w = $0; w.confidence = min(w.confidence, doubt); return w }
    }

    /// Digits with separators, a percent sign or a minus, allowing the
    /// letters OCR reads for them (`O`, `l`, `I`, `|`, and `Yo` for `%`).
    static func looksLikeFigure(_ words: [OCRWord]) -> Bool {
        let text = words.map(\.text).joined()
        guard text.contains(where: \.isNumber) else { return false }
        return text.allSatisfy { "0123456789.,%-()OolI|Y".contains($0) }
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
        // Every other row and column is plenty for a profile.
        var rows = [Double](repeating: 0, count: (ink.height + 1) / 2)
        var cols = [Double](repeating: 0, count: (ink.width + 1) / 2)
        ink.bits.withUnsafeBufferPointer { bits in
            var y = 0
            while y < ink.height {
                var n = 0
                let row = y * ink.width
                var x = 0
                while x < ink.width {
                    if bits[row + x] {
                        n += 1
                        cols[x / 2] += 1
                    }
                    x += 2
                }
                rows[y / 2] = Double(n)
                y += 2
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
