import CPoppler
import Crypto
import Dispatch
import Foundation
import Model

/// Stage 1: reads a PDF into pages of positioned words, ruling lines and
/// table grids.
///
/// Pages whose text layer is missing, garbage or leaves pictures of print
/// unread are rendered and read by OCR (Tesseract), on worker threads
/// shared by the whole run; their words and the borders found in the
/// pixels go through the same table reconstruction as text-layer pages.
public struct Ingestor: Sendable {
    public var config: IngestConfig

    public init(config: IngestConfig = .init()) {
        self.config = config
    }

    /// SHA-256 of the bytes, lowercase hex: the document's `doc_id`.
    public static func documentID(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads the file at `url`; `sourceFile` is its path relative to the
    /// input root.
    public func read(_ url: URL, sourceFile: String) throws -> IngestedDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw IngestError.unreadable((error as NSError).localizedDescription)
        }
        return try read(data: data, sourceFile: sourceFile)
    }

    public func read(data: Data, sourceFile: String) throws -> IngestedDocument {
        try read(data: data, sourceFile: sourceFile, ocrThreads: config.ocr.threads, onPage: nil)
    }

    /// Reads only the pages numbered (1-based) in `pages`; numbers beyond
    /// the document are ignored (`pageCount` tells how many it has).
    public func read(_ url: URL, sourceFile: String, pages: [Int]) throws -> IngestedDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw IngestError.unreadable((error as NSError).localizedDescription)
        }
        return try read(data: data, sourceFile: sourceFile, ocrThreads: config.ocr.threads, onPage: nil,
                        only: pages.map { $0 - 1 })
    }

    /// Reads the document with at most `ocrThreads` of its pages in OCR at
    /// once (0: one per core) and its pages spread over `pageThreads`
    /// threads; `onPage` is told the pages done so far and the page count,
    /// from any thread.
    /// `only`: the 0-based indexes of the pages to read (nil: every page up
    /// to `max_pages`).
    func read(data: Data, sourceFile: String, ocrThreads: Int, pageThreads: Int = 1,
              onPage: (@Sendable (_ done: Int, _ total: Int) -> Void)?, only: [Int]? = nil) throws -> IngestedDocument {
        let docID = Ingestor.documentID(of: data)
        let pdf = try PDFDocument(data: data)
        let indexes = only.map { $0.filter { (0..<pdf.pageCount).contains($0) } }
            ?? Array(0..<min(pdf.pageCount, config.maxPages))
        let count = indexes.count
        let pages = PageSlots(count: count)
        let ocr = OCRScheduler(config.ocr, threads: ocrThreads)
        // A poppler document is not shared across threads: each of the
        // `pageThreads` reading threads opens its own copy (`PageRuns`);
        // the OCR of a rendered page runs on the OCR threads.
        PageRuns(count: count, threads: pageThreads).forEach(first: pdf, data: data) { pdf, i in
            guard let page = pdf.page(indexes[i]) else { return }
            read(page, ocr: ocr) { page in
                let done = pages.store(page, at: i)
                onPage?(done, count)
            }
        }
        ocr?.wait()
        return IngestedDocument(docID: docID, sourceFile: sourceFile, pages: pages.values.compactMap { $0 },
                                pageCount: pdf.pageCount)
    }

    /// Reads `page` from its text layer, or, when that is unusable and OCR
    /// is on, renders it and queues it for OCR. `store` gets the page, on
    /// this thread or on an OCR thread; call `ocr.wait()` before using the
    /// pages.
    func read(_ page: PDFPage, ocr: OCRScheduler?, store: @escaping @Sendable (Page) -> Void) {
        let glyphs = TextExtractor.glyphs(of: page)
        guard let ocr else {
            store(readPage(page, glyphs: glyphs))
            return
        }
        let check = textLayerCheck(page, glyphs: glyphs)
        if check.verdict == .usable {
            store(readPage(page, glyphs: glyphs, words: check.words))
            return
        }
        ocr.reserve()
        let dpi = GrayImage.renderDPI(for: page.size, preferred: config.ocr.dpi)
        let scale = dpi / 72
        guard let raster = GrayImage.render(page, dpi: dpi) else {
            ocr.cancelReservation()
            store(readPage(page, glyphs: glyphs, source: TextSource.none))
            return
        }
        var reader = OCRPageReader(scale: scale)
        // A sparse page keeps its text layer; OCR reads its pictures only.
        var kept: KeptTextLayer?
        if check.verdict == .sparse {
            kept = KeptTextLayer(glyphs: glyphs, rulings: RulingExtractor.rulings(of: page))
            reader.regions = check.unreadPictures.map { $0.pixels(scale: scale) }
        }
        let job = OCRJob(number: page.number, size: page.size, raster: raster, reader: reader, kept: kept)
        ocr.submit { engines in store(job.run(engines)) }
    }

    func readPage(_ page: PDFPage) -> Page {
        readPage(page, glyphs: TextExtractor.glyphs(of: page))
    }

    /// `words`: the glyphs' words when the caller has built them already.
    func readPage(_ page: PDFPage, glyphs: [Glyph], words: [GlyphWord]? = nil, source: TextSource? = nil) -> Page {
        let size = page.size
        let words = words ?? TextExtractor.words(from: glyphs)
        let lines = LineBuilder.lines(from: words.map(\.word))
        let (rulings, boxes, strokes) = RulingExtractor.shapes(of: page)
        let tables = TableDetector.detect(page: page.number, rulings: rulings, words: words)
        return Page(number: page.number, width: size.width, height: size.height, lines: lines,
                    rulings: rulings, tables: tables, textSource: source ?? (glyphs.isEmpty ? .none : .textLayer),
                    boxes: boxes, strokes: strokes)
    }

    /// The verdict on a page's text layer, the pictures it leaves unread,
    /// and the layer's words when the check had to build them.
    func textLayerCheck(_ page: PDFPage, glyphs: [Glyph])
        -> (verdict: TextLayerVerdict, unreadPictures: [BBox], words: [GlyphWord]?) {
        let check = TextLayerCheck()
        let fromText = check.verdict(text: glyphs.map(\.scalar))
        guard fromText == .usable else { return (fromText, [], nil) }
        let size = page.size
        let pictures = page.pictures.filter { $0.area.width * $0.area.height >= 0.05 * size.width * size.height }
        guard !pictures.isEmpty else { return (.usable, [], nil) }
        var words: [GlyphWord]?
        if pictures.contains(where: { $0.area.width * $0.area.height >= 0.8 * size.width * size.height }) {
            // A scan with a hidden OCR layer: read it again if that layer misread it.
            let layer = TextExtractor.words(from: glyphs)
            if check.verdict(ocrLayerWords: layer.map(\.text)) == .garbled { return (.garbled, [], nil) }
            words = layer
        }
        let ink = PictureInkMeter.measure(page, pictures: pictures, glyphBoxes: glyphs.map(\.bbox))
        var unread: [BBox] = []
        for (picture, measured) in zip(pictures, ink) where check.unread(measured) { unread.append(picture.area) }
        return unread.isEmpty ? (TextLayerVerdict.usable, [], words) : (TextLayerVerdict.sparse, unread, words)
    }
}

/// The text layer a sparse page keeps beside what OCR reads in its pictures.
struct KeptTextLayer: Sendable {
    var glyphs: [Glyph]
    var rulings: [Ruling]
}

/// One page to read by OCR, ready to run on a worker thread.
struct OCRJob: Sendable {
    var number: Int
    var size: (width: Double, height: Double)
    var raster: GrayImage
    var reader: OCRPageReader
    var kept: KeptTextLayer?

    /// The page read by OCR; on failure (no Tesseract languages) the page
    /// keeps what its text layer had, marked as having no usable text.
    func run(_ engines: OCRWorkers.Engines) -> Page {
        guard let read = try? reader.read(raster, engines: engines) else {
            let words = TextExtractor.words(from: kept?.glyphs ?? [])
            let rulings = kept?.rulings ?? []
            return Page(number: number, width: size.width, height: size.height,
                        lines: LineBuilder.lines(from: words.map(\.word)), rulings: rulings,
                        tables: TableDetector.detect(page: number, rulings: rulings, words: words),
                        textSource: .none)
        }
        var words = read.words
        var rulings = read.rulings
        var width = read.width, height = read.height
        if let kept {
            // Text-layer words stay; OCR adds what lies in the pictures.
            let typed = TextExtractor.words(from: kept.glyphs)
            words = typed + read.words.filter { w in !typed.contains { $0.bbox.overlaps(w.bbox) } }
            rulings = kept.rulings + read.rulings
            (width, height) = size
        }
        let lines = LineBuilder.lines(from: words.map(\.word))
        let tables = TableDetector.detect(page: number, rulings: rulings, words: words)
        return Page(number: number, width: width, height: height, lines: lines, rulings: rulings,
                    tables: tables, textSource: .ocr)
    }
}

/// The OCR of one document's pages: at most `threads` of its pages are
/// rendered and waiting or being read at a time (the batch decides how many
/// cores a document gets), on the run's shared OCR threads.
final class OCRScheduler: @unchecked Sendable {
    private let workers: OCRWorkers
    private let slots: DispatchSemaphore
    private let pending = DispatchGroup()

    /// nil when OCR is off. `threads` 0 means one per core.
    init?(_ config: OCRConfig, threads: Int) {
        guard config.enabled else { return nil }
        workers = OCRWorkers.shared(languages: OCRLanguages(recognition: config.languages, dataPath: config.tessdata),
                                    threads: config.threads)
        let limit = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        slots = DispatchSemaphore(value: max(1, min(limit, workers.threadCount)))
    }

    /// Waits for room for one more page (before rendering it).
    func reserve() { slots.wait() }
    func cancelReservation() { slots.signal() }

    /// Queues a reserved page's OCR.
    func submit(_ job: @escaping @Sendable (OCRWorkers.Engines) -> Void) {
        pending.enter()
        workers.submit { [slots, pending] engines in
            job(engines)
            slots.signal()
            pending.leave()
        }
    }

    /// Waits until every queued page is read.
    func wait() { pending.wait() }
}

/// Pages filled in by the OCR threads, in page order.
final class PageSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Page?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    private var done = 0

    /// Stores page `i`; returns how many pages are stored.
    func store(_ page: Page, at i: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[i] = page
        done += 1
        return done
    }

    var values: [Page?] { lock.lock(); defer { lock.unlock() }; return slots }
}

extension BBox {
    /// The box in raster pixels at `scale` pixels per point, rounded outwards.
    func pixels(scale: Double) -> PixelRect {
        PixelRect(x0: Int((x0 * scale).rounded(.down)), y0: Int((y0 * scale).rounded(.down)),
                  x1: Int((x1 * scale).rounded(.up)), y1: Int((y1 * scale).rounded(.up)))
    }

    /// True when the boxes share some area.
    func overlaps(_ other: BBox) -> Bool {
        horizontalOverlap(other) > 0 && verticalOverlap(other) > 0
    }
}
