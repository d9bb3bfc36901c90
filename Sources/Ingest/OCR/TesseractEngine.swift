import CTesseract
import Dispatch
import Foundation

/// Why OCR could not run.
public enum OCRError: Error, Equatable, CustomStringConvertible {
    /// Tesseract could not load the languages (traineddata missing).
    case languagesUnavailable(String)

    public var description: String {
        switch self {
        case .languagesUnavailable(let langs):
            return "Tesseract cannot load the OCR languages '\(langs)' (install tesseract-ocr-ind and tesseract-ocr-eng, or set ingest.ocr.tessdata)"
        }
    }
}

/// One recognised character and its box, in raster pixels.
struct OCRSymbol: Sendable {
    var text: String
    var box: PixelRect
}

/// One recognised word: its characters and Tesseract's confidence (0–100).
struct OCRWord: Sendable {
    var symbols: [OCRSymbol]
    var box: PixelRect
    var confidence: Double

    var text: String { symbols.map(\.text).joined() }
}

/// One Tesseract instance. A `TessBaseAPI` is not thread-safe: an engine is
/// used by one thread at a time (the pool hands it out), and it is kept for
/// the life of the process because loading the language models is costly.
final class TesseractEngine {
    private let handle: OpaquePointer
    let languages: String
    /// Size of the image last set.
    private var imageSize = (width: 0, height: 0)

    init(languages: String, dataPath: String?) throws {
        TesseractEngine.limitOpenMP()
        guard let api = TessBaseAPICreate() else { throw OCRError.languagesUnavailable(languages) }
        // Tesseract prints progress and warnings to stderr; keep the CLI's
        // output to its own messages.
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        let status: Int32 = dataPath.map { TessBaseAPIInit2(api, $0, languages, OEM_LSTM_ONLY) }
            ?? TessBaseAPIInit2(api, nil, languages, OEM_LSTM_ONLY)
        guard status == 0 else {
            TessBaseAPIDelete(api)
            throw OCRError.languagesUnavailable(languages)
        }
        handle = api
        self.languages = languages
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Sets the page to read. Tesseract copies the pixels.
    func setImage(_ image: GrayImage, dpi: Int) {
        // Nothing learnt on an earlier page may change how this one reads:
        // pages go to whichever engine is free, so that would make the
        // output depend on scheduling.
        TessBaseAPIClearAdaptiveClassifier(handle)
        imageSize = (image.width, image.height)
        image.pixels.withUnsafeBufferPointer { px in
            TessBaseAPISetImage(handle, px.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
    }

    /// Reads `region` of the image last set (the whole image when nil) with
    /// the page segmentation `mode`. Boxes are in image pixels.
    func words(in region: PixelRect?, mode: TessPageSegMode, characters: String? = nil) -> [OCRWord] {
        TessBaseAPISetPageSegMode(handle, mode)
        _ = TessBaseAPISetVariable(handle, "tessedit_char_whitelist", characters ?? "")
        if let region {
            // Tesseract does not clip: a rectangle past the image edge reads
            // past the end of its pixels.
            let r = region.clipped(width: imageSize.width, height: imageSize.height)
            guard r.width > 0, r.height > 0 else { return [] }
            TessBaseAPISetRectangle(handle, Int32(r.x0), Int32(r.y0), Int32(r.width), Int32(r.height))
        }
        guard TessBaseAPIRecognize(handle, nil) == 0, let it = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(it) }
        guard let page = TessResultIteratorGetPageIterator(it) else { return [] }
        var words: [OCRWord] = []
        var current: OCRWord?
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_WORD) != 0 {
                if let w = current, !w.symbols.isEmpty { words.append(w) }
                current = OCRWord(symbols: [], box: PixelRect(x0: 0, y0: 0, x1: 0, y1: 0),
                                  confidence: Double(TessResultIteratorConfidence(it, RIL_WORD)))
                var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
                if TessPageIteratorBoundingBox(page, RIL_WORD, &l, &t, &r, &b) != 0 {
                    current?.box = PixelRect(x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b))
                }
            }
            guard let cText = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL) else { continue }
            let text = String(cString: cText)
            TessDeleteText(cText)
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard TessPageIteratorBoundingBox(page, RIL_SYMBOL, &l, &t, &r, &b) != 0 else { continue }
            current?.symbols.append(OCRSymbol(text: text, box: PixelRect(x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b))))
        } while TessPageIteratorNext(page, RIL_SYMBOL) != 0
        if let w = current, !w.symbols.isEmpty { words.append(w) }
        return words
    }

    /// Tesseract's orientation and script detection on the image last set:
    /// the clockwise turn (0, 90, 180, 270) that makes the page upright,
    /// and its confidence. Needs an engine loaded with `osd`.
    func orientation() -> (degrees: Int, confidence: Double)? {
        var degrees: Int32 = 0
        var confidence: Float = 0
        var script: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        guard TessBaseAPIDetectOrientationScript(handle, &degrees, &confidence, &script, &scriptConfidence) != 0 else {
            return nil
        }
        // Tesseract gives the page's orientation counter-clockwise; the
        // turn that undoes it is the same angle clockwise's complement.
        return ((360 - Int(degrees)) % 360, Double(confidence))
    }

    /// Tesseract's LSTM runs OpenMP teams of four threads per call; on top
    /// of our own page-level threads they only contend for the cores (and
    /// spin). Allowing no active OpenMP level runs them on the calling
    /// thread. The setting belongs to the calling thread, so every OCR
    /// thread makes it before its first page. Looked up at run time: a
    /// Tesseract built without OpenMP has no such symbol.
    private static let setMaxActiveLevels: (@convention(c) (Int32) -> Void)? = {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "omp_set_max_active_levels") else { return nil }
        return unsafeBitCast(sym, to: (@convention(c) (Int32) -> Void).self)
    }()

    static func limitOpenMP() { setMaxActiveLevels?(0) }
}

/// The threads that read pages by OCR, shared by every document of the
/// run. Each thread owns its Tesseract engines (made on first use, reused
/// for every page after), so no engine is ever touched by two threads.
/// `submit` blocks while as many pages as there are threads already wait,
/// so that a large scan does not pile up rendered pages in memory.
final class OCRWorkers: @unchecked Sendable {
    /// What a job gets: the recognition engine (or why there is none) and,
    /// on demand, the orientation engine.
    final class Engines {
        let recognizer: Result<TesseractEngine, OCRError>
        private let languages: OCRLanguages
        private var osd: TesseractEngine??

        init(_ languages: OCRLanguages) {
            self.languages = languages
            recognizer = Result { try TesseractEngine(languages: languages.recognition, dataPath: languages.dataPath) }
                .mapError { $0 as? OCRError ?? .languagesUnavailable(languages.recognition) }
        }

        /// The engine for orientation detection; nil when `osd` is not installed.
        var orientation: TesseractEngine? {
            if let osd { return osd }
            let engine = try? TesseractEngine(languages: "osd", dataPath: languages.dataPath)
            osd = .some(engine)
            return engine
        }
    }

    typealias Job = @Sendable (Engines) -> Void

    let languages: OCRLanguages
    let threadCount: Int
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var started = false

    init(languages: OCRLanguages, threads: Int) {
        self.languages = languages
        threadCount = max(1, threads)
    }

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [OCRLanguages: OCRWorkers] = [:]

    /// The process-wide workers for these languages. `threads` 0 means one
    /// per core; the first caller's count wins.
    static func shared(languages: OCRLanguages, threads: Int) -> OCRWorkers {
        registryLock.lock()
        defer { registryLock.unlock() }
        if let w = registry[languages] { return w }
        let count = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        let w = OCRWorkers(languages: languages, threads: count)
        registry[languages] = w
        return w
    }

    /// Queues `job`; waits while the queue is full.
    func submit(_ job: @escaping Job) {
        condition.lock()
        if !started {
            started = true
            for i in 0..<threadCount {
                let thread = Thread { [self] in
                    // Named from inside: a name set before start is not
                    // passed on to the system thread on Linux.
                    Thread.current.name = "kinerja-ocr-\(i)"
                    work()
                }
                thread.stackSize = 4 << 20
                thread.start()
            }
        }
        while queue.count >= threadCount { condition.wait() }
        queue.append(job)
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        let engines = Engines(languages)
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let job = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            job(engines)
        }
    }
}

/// The Tesseract models a run reads with.
struct OCRLanguages: Hashable, Sendable {
    var recognition: String
    var dataPath: String?
}
