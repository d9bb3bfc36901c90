import Foundation
@testable import Ingest
import Model
import Testing

/// Borders and tilt found in synthetic rasters whose truth is known.
@Suite("Raster borders and skew")
struct RasterTests {
    /// 300 dpi: pixels per point.
    static let scale = 300.0 / 72

    /// A white raster with a ruled grid (3 px lines) of `rows` × `columns`
    /// cells, `cell` pixels each, from (100, 100).
    static func grid(rows: Int, columns: Int, cell: (w: Int, h: Int), size: (Int, Int) = (1400, 1000)) -> GrayImage {
        var image = GrayImage(width: size.0, height: size.1)
        let x1 = 100 + columns * cell.w, y1 = 100 + rows * cell.h
        for r in 0...rows {
            image.fill(PixelRect(x0: 100, y0: 100 + r * cell.h - 1, x1: x1 + 2, y1: 100 + r * cell.h + 2), with: 20)
        }
        for c in 0...columns {
            image.fill(PixelRect(x0: 100 + c * cell.w - 1, y0: 100, x1: 100 + c * cell.w + 2, y1: y1 + 2), with: 20)
        }
        return image
    }

    /// Print-like marks: a serif line's baseline (a long row of ink broken
    /// every few pixels, with letter stems standing on it) at `y`.
    static func serifLine(_ image: inout GrayImage, x: Int, y: Int, length: Int) {
        var px = x
        while px < x + length {
            image.fill(PixelRect(x0: px, y0: y, x1: px + 7, y1: y + 2), with: 30)     // serif foot
            image.fill(PixelRect(x0: px + 2, y0: y - 24, x1: px + 5, y1: y), with: 30) // stem
            px += 9
        }
    }

    @Test("A ruled grid gives its borders, and a line of print gives none")
    func borders() {
        var image = Self.grid(rows: 4, columns: 5, cell: (200, 120))
        Self.serifLine(&image, x: 120, y: 160, length: 600)   // text inside the first row
        Self.serifLine(&image, x: 100, y: 850, length: 900)   // a prose line below the table
        let lines = RasterRulings(scale: Self.scale).lines(in: image.inkMask(threshold: image.otsuThreshold()))
        let h = lines.map(\.ruling).filter { $0.axis == .horizontal }
        let v = lines.map(\.ruling).filter { $0.axis == .vertical }
        #expect(h.count == 5)
        #expect(v.count == 6)
        for (r, ruling) in h.sorted(by: { $0.position < $1.position }).enumerated() {
            #expect(abs(ruling.position * Self.scale - Double(100 + r * 120)) < 2)
            #expect(abs(ruling.length * Self.scale - 1000) < 6)
        }
    }

    @Test("Borders become the same table grid vector rulings give")
    func tableFromPixels() {
        let image = Self.grid(rows: 3, columns: 4, cell: (220, 100))
        let rulings = RasterRulings(scale: Self.scale).lines(in: image.inkMask(threshold: image.otsuThreshold())).map(\.ruling)
        let tables = TableDetector.tables(page: 1, rulings: rulings, words: [])
        #expect(tables.count == 1)
        #expect(tables.first?.rowCount == 3)
        #expect(tables.first?.columnCount == 4)
    }

    @Test("The tilt of a scan is measured from its lines", arguments: [0.0, 0.8, -1.7, 3.0])
    func skew(degrees: Double) {
        let straight = Self.grid(rows: 6, columns: 5, cell: (200, 110))
        let tilted = straight.rotated(byDegrees: degrees)
        let measured = SkewEstimator.skew(of: tilted.inkMask(threshold: tilted.otsuThreshold()))
        #expect(abs(measured - degrees) <= 0.06, "measured \(measured)° for \(degrees)°")
        // Turning it back (by shears for small angles) gives straight
        // borders again.
        let back = tilted.turnedSlightly(byDegrees: -measured)
        let rulings = RasterRulings(scale: Self.scale).lines(in: back.inkMask(threshold: back.otsuThreshold())).map(\.ruling)
        #expect(rulings.filter { $0.axis == .horizontal }.count == 7)
        #expect(rulings.filter { $0.axis == .vertical }.count == 6)
    }

    @Test("A turn by shears tilts like a resampled turn", arguments: [0.4, -1.2])
    func shears(degrees: Double) {
        let straight = Self.grid(rows: 6, columns: 5, cell: (200, 110))
        let sheared = straight.turnedSlightly(byDegrees: degrees)
        let measured = SkewEstimator.skew(of: sheared.inkMask(threshold: sheared.otsuThreshold()))
        #expect(abs(measured - degrees) <= 0.06, "measured \(measured)° for \(degrees)°")
    }

    @Test("Poster-sized pages are rendered at a lower resolution")
    func renderResolution() {
        #expect(GrayImage.renderDPI(for: (595, 842), preferred: 300) == 300)
        #expect(GrayImage.renderDPI(for: (1191, 1684), preferred: 300) == 300)   // A2
        let a0 = GrayImage.renderDPI(for: (2384, 3370), preferred: 300)
        #expect(a0 < 300 && a0 >= 150)
        #expect(2384 / 72 * a0 * 3370 / 72 * a0 <= GrayImage.maxPixels)
    }

    @Test("Quarter turns move every pixel and undo each other")
    func quarterTurns() {
        var image = GrayImage(width: 3, height: 2)
        image[0, 0] = 0   // top-left corner inked
        let once = image.rotated(quarterTurns: 1)
        #expect(once.width == 2 && once.height == 3)
        #expect(once[1, 0] == 0)   // clockwise: top-left goes to top-right
        #expect(image.rotated(quarterTurns: 2)[2, 1] == 0)
        #expect(once.rotated(quarterTurns: 3).pixels == image.pixels)
    }

    @Test("Ink that runs down the page reads as sideways")
    func sideways() {
        // Lines of "words": blocks of letter-sized ink with word gaps, the
        // lines starting and breaking at different places.
        var prose = GrayImage(width: 800, height: 1000)
        var rng = SystemRandomNumberGenerator()
        for line in 0..<20 {
            var x = 60 + Int.random(in: 0...40, using: &rng)
            let y = 80 + line * 45
            while x < 720 {
                let word = Int.random(in: 3...9, using: &rng)
                for _ in 0..<word {
                    let w = Int.random(in: 8...14, using: &rng)
                    prose.fill(PixelRect(x0: x, y0: y + Int.random(in: 0...6, using: &rng), x1: x + w - 3, y1: y + 24), with: 30)
                    x += w
                }
                x += Int.random(in: 10...16, using: &rng)
            }
        }
        let upright = OCRPageReader.looksSideways(prose.inkMask(threshold: prose.otsuThreshold()))
        let turned = prose.rotated(quarterTurns: 1)
        let sideways = OCRPageReader.looksSideways(turned.inkMask(threshold: turned.otsuThreshold()))
        #expect(!upright)
        #expect(sideways)
    }
}
