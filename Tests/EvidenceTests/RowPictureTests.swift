import CPoppler
@testable import Evidence
import Foundation
import Model
import Testing
import TestSupport

/// Row pictures cut from a dev-corpus PDF, decoded again with cairo.
@Suite("Row pictures")
struct RowPictureTests {
    static let corpus = SharedFolder.dev
    static let pdf = corpus.appendingPathComponent("tw01_pengukuran_kinerja_2022_dinkes_kab_tanah_datar.pdf")

    /// A gold programme record of that PDF (with its row's box).
    static func goldRecord() throws -> Record {
        let url = corpus.appendingPathComponent("tw01_pengukuran_kinerja_2022_dinkes_kab_tanah_datar.records.jsonl")
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n")
        for line in lines {
            let r = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
            if r.bbox != nil, r.level == .program { return r }
        }
        throw CancellationError()
    }

    /// RGB pixels of a PNG, decoded by cairo.
    struct Pixels {
        var width: Int
        var height: Int
        var rgb: [(UInt8, UInt8, UInt8)]

        init(png: Data) throws {
            final class Source { var data: Data; var offset = 0; init(_ d: Data) { data = d } }
            let source = Source(png)
            let surface = withExtendedLifetime(source) {
                cairo_image_surface_create_from_png_stream({ closure, buffer, length in
                    let s = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
                    let n = Int(length)
                    guard s.offset + n <= s.data.count, let buffer else { return CAIRO_STATUS_READ_ERROR }
                    s.data.copyBytes(to: buffer, from: s.offset..<(s.offset + n))
                    s.offset += n
                    return CAIRO_STATUS_SUCCESS
                }, Unmanaged.passUnretained(source).toOpaque())
            }
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw CancellationError() }
            width = Int(cairo_image_surface_get_width(surface))
            height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            let base = cairo_image_surface_get_data(surface)!
            rgb = []
            rgb.reserveCapacity(width * height)
            for y in 0..<height {
                for x in 0..<width {
                    // CAIRO_FORMAT_(A)RGB32: native-endian 0xAARRGGBB.
                    let p = base.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                    rgb.append((UInt8((p >> 16) & 0xFF), UInt8((p >> 8) & 0xFF), UInt8(p & 0xFF)))
                }
            }
        }

        func at(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) { rgb[y * width + x] }

        /// Share of pixels in the box (pixel coordinates) matching `test`.
        func share(x0: Int, y0: Int, x1: Int, y1: Int, _ test: ((UInt8, UInt8, UInt8)) -> Bool) -> Double {
            var hits = 0, all = 0
            for y in max(0, y0)..<min(height, y1) {
                for x in max(0, x0)..<min(width, x1) {
                    all += 1
                    if test(at(x, y)) { hits += 1 }
                }
            }
            return all == 0 ? 0 : Double(hits) / Double(all)
        }
    }

    static func isRed(_ p: (UInt8, UInt8, UInt8)) -> Bool { p.0 > 170 && p.1 < 90 && p.2 < 90 }
    static func isDark(_ p: (UInt8, UInt8, UInt8)) -> Bool { Int(p.0) + Int(p.1) + Int(p.2) < 300 }

    @Test func rowWithTheWrongCellMarked() throws {
        let record = try Self.goldRecord()
        let row = try #require(record.bbox)
        // A cell-sized box inside the row (the gold has no cell boxes).
        let cell = BBox(x0: row.x0 + row.width * 0.6, y0: row.y0 + 1, x1: row.x0 + row.width * 0.68, y1: row.y1 - 1)
        let style = PictureStyle(scale: 2, margin: 6, maxHeight: 240)
        let picture = try rowPicture(file: Self.pdf, page: record.page, bbox: row.union(cell), highlights: [cell], style: style)
        #expect(picture.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        let pixels = try Pixels(png: picture.png)
        #expect(pixels.width == picture.width && pixels.height == picture.height)
        let region = row.union(cell)
        #expect(abs(Double(pixels.width) - (region.width + 12) * 2) <= 2)
        #expect(abs(Double(pixels.height) - (min(region.height + 12, 240)) * 2) <= 2)

        // Text of the row is drawn: some dark pixels, mostly white paper.
        let dark = pixels.share(x0: 0, y0: 0, x1: pixels.width, y1: pixels.height, Self.isDark)
        #expect(dark > 0.005 && dark < 0.5)

        // The cell's outline is red; the far left of the row has no red.
        func px(_ v: Double, _ origin: Double) -> Int { Int(((v - origin) * 2).rounded()) }
        let ox = region.x0 - 6, oy = max(0, region.y0 - 6)
        let left = px(cell.x0, ox), top = px(cell.y0, oy), right = px(cell.x1, ox), bottom = px(cell.y1, oy)
        let outline = pixels.share(x0: left - 1, y0: top + 2, x1: left + 2, y1: bottom - 2, Self.isRed)
        #expect(outline > 0.5, "red along the cell's left edge: \(outline)")
        let topEdge = pixels.share(x0: left + 2, y0: top - 1, x1: right - 2, y1: top + 2, Self.isRed)
        #expect(topEdge > 0.5)
        #expect(pixels.share(x0: 0, y0: 0, x1: min(40, left - 4), y1: pixels.height, Self.isRed) == 0)
    }

    @Test func tallRegionsAreCutAroundTheCell() throws {
        let cell = BBox(x0: 300, y0: 400, x1: 340, y1: 420)
        let box = try #require(PageRenderer.cropBox(region: BBox(x0: 20, y0: 50, x1: 800, y1: 560), highlights: [cell],
                                                    pageWidth: 842, pageHeight: 595, style: PictureStyle()))
        #expect(box.height == 240)
        #expect(box.y0 <= cell.y0 && box.y1 >= cell.y1)
        #expect(PageRenderer.cropBox(region: BBox(x0: 900, y0: 50, x1: 950, y1: 60), highlights: [],
                                     pageWidth: 842, pageHeight: 595, style: PictureStyle()) == nil)
    }

    @Test func errorsNameTheProblem() throws {
        let renderer = try PageRenderer(url: Self.pdf)
        #expect(renderer.pageCount == 12)
        #expect(throws: EvidenceError.noSuchPage(13, pageCount: 12)) {
            try renderer.picture(page: 13, region: BBox(x0: 0, y0: 0, x1: 10, y1: 10))
        }
        #expect(throws: EvidenceError.self) {
            try renderer.picture(page: 1, region: BBox(x0: 5000, y0: 5000, x1: 5010, y1: 5010))
        }
        #expect(throws: EvidenceError.self) { try PageRenderer(data: Data("not a pdf".utf8)) }
        #expect(throws: EvidenceError.self) { try PageRenderer(url: URL(fileURLWithPath: "/nonexistent.pdf")) }
    }

    /// Findings of one corpus document, pictured in one go.
    @Test func picturesForFindings() throws {
        var record = try Self.goldRecord()
        let row = try #require(record.bbox)
        record.cellBoxes["capaian"] = BBox(x0: row.x0 + 300, y0: row.y0, x1: row.x0 + 340, y1: row.y1)
        let finding = Discrepancy(about: record, field: "capaian", rule: .capaianMismatch, severity: .error,
                                  reported: record.capaian.raw, expected: 1, message: "test")
        var orphan = finding
        orphan.sourceFile = "missing.pdf"
        let result = FindingPictures.cut(for: [finding, orphan], records: [record],
                                         files: [record.sourceFile: Self.pdf])
        #expect(result.pictures[finding] != nil)
        #expect(result.pictures[orphan] == nil)
        #expect(result.problems.count == 1 && result.problems[0].hasPrefix("missing.pdf:"))
    }
}
