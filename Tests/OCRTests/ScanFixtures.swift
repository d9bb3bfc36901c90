import CPoppler
import Foundation
@testable import Ingest
import Model
import Normalize
import TestSupport

/// PDFs the OCR tests build from the dev corpus: pages turned into pictures
/// (as a scanner would), alone or put back among the text pages.
enum ScanFixtures {
    static let dev = SharedFolder.dev
    /// A Word-exported LKjIP with a text layer; its page 10 is a landscape
    /// indicator table (Tabel 3.2) with ten records.
    static let lk01 = dev.appendingPathComponent("lk01_lkjip_2022_dp3a_kab_bantul.pdf")
    static let tablePage = 10

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kinerja-ocr-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a one-page PDF holding only a picture of page `number` of
    /// `pdf`, rendered at `dpi` in grey: turned clockwise by `quarterTurns`
    /// (the page then has the turned size) and tilted by `tilt` degrees.
    static func pictureOnlyPDF(of pdf: URL, page number: Int, dpi: Double = 200, quarterTurns: Int = 0,
                               tilt: Double = 0, to out: URL) throws {
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file("file://" + pdf.path, nil, &error) else {
            throw Failure(description: "cannot open \(pdf.path)")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(doc)) }
        guard let page = poppler_document_get_page(doc, Int32(number - 1)) else { throw Failure(description: "no page \(number)") }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        let scale = dpi / 72
        let pw = Int32((w * scale).rounded()), ph = Int32((h * scale).rounded())

        // The scanner's picture: grey pixels (A8 would lose the paper).
        guard let picture = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph) else { throw Failure(description: "cairo") }
        defer { cairo_surface_destroy(picture) }
        let pcr = cairo_create(picture)
        cairo_set_source_rgb(pcr, 1, 1, 1)
        cairo_paint(pcr)
        cairo_scale(pcr, scale, scale)
        poppler_page_render(page, pcr)
        cairo_destroy(pcr)

        let turned = quarterTurns % 2 == 1
        let outW = turned ? h : w, outH = turned ? w : h
        guard let surface = cairo_pdf_surface_create(out.path, outW, outH) else { throw Failure(description: "cairo pdf") }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        // Turn and tilt about the page centre.
        cairo_translate(cr, outW / 2, outH / 2)
        cairo_rotate(cr, Double(quarterTurns) * .pi / 2 + tilt * .pi / 180)
        cairo_translate(cr, -w / 2, -h / 2)
        cairo_scale(cr, 1 / scale, 1 / scale)
        cairo_set_source_surface(cr, picture, 0, 0)
        cairo_paint(cr)
        cairo_show_page(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw Failure(description: "cairo pdf status \(status)") }
    }

    /// A searchable scan: the picture of page `number` with the page's own
    /// words hidden under it at their places.
    static func searchablePDF(of pdf: URL, page number: Int, words: [Word], to out: URL) throws {
        let picture = out.deletingLastPathComponent().appendingPathComponent("searchable-picture.pdf")
        try pictureOnlyPDF(of: pdf, page: number, to: picture)
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file("file://" + picture.path, nil, &error),
              let page = poppler_document_get_page(doc, 0) else { throw Failure(description: "cannot reopen the picture") }
        defer {
            g_object_unref(UnsafeMutableRawPointer(page))
            g_object_unref(UnsafeMutableRawPointer(doc))
        }
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        guard let surface = cairo_pdf_surface_create(out.path, w, h) else { throw Failure(description: "cairo pdf") }
        let cr = cairo_create(surface)
        // The words first, the opaque picture over them: hidden text, as a
        // scanner's OCR lays it under or over the picture.
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        for word in words {
            cairo_set_font_size(cr, max(1, word.bbox.height))
            cairo_move_to(cr, word.bbox.x0, word.bbox.y1 - word.bbox.height * 0.2)
            cairo_show_text(cr, word.text)
        }
        poppler_page_render(page, cr)
        cairo_show_page(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }

    /// `lk01` with its table page replaced by a picture of itself.
    static func mixedDocument(in folder: URL) throws -> URL {
        let picture = folder.appendingPathComponent("picture.pdf")
        try pictureOnlyPDF(of: lk01, page: tablePage, to: picture)
        let mixed = folder.appendingPathComponent("mixed.pdf")
        try tool("qpdf", ["--empty", "--pages", lk01.path, "1-\(tablePage - 1)", picture.path, "1",
                          lk01.path, "\(tablePage + 1)-z", "--", mixed.path])
        return mixed
    }

    /// Runs a command-line tool; qpdf's status 3 means "done, with warnings".
    static func tool(_ name: String, _ arguments: [String]) throws {
        try Tool.run(name, arguments, okStatuses: [0, 3])
    }

    /// The non-empty cell texts of a page's tables, whitespace collapsed.
    static func cellTexts(_ page: Page) -> [String] {
        page.tables.flatMap(\.cells).map { $0.text.split(separator: " ").joined(separator: " ") }.filter { !$0.isEmpty }
    }

    /// Share of `expected` texts found in `found` (each found text used once).
    static func share(of expected: [String], in found: [String]) -> Double {
        guard !expected.isEmpty else { return 0 }
        var pool: [String: Int] = [:]
        for f in found { pool[f, default: 0] += 1 }
        var hits = 0
        for e in expected where (pool[e] ?? 0) > 0 {
            pool[e]! -= 1
            hits += 1
        }
        return Double(hits) / Double(expected.count)
    }

    /// The original (text-layer) reading of `lk01`, shared by the tests.
    static let original: IngestedDocument? = try? Ingestor().read(lk01, sourceFile: "lk01.pdf")
}
