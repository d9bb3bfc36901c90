import CPoppler
import Model

/// One printed character and its box.
struct Glyph {
    var scalar: Unicode.Scalar
    var bbox: BBox
    var bold: Bool
    var italic: Bool
}

/// A word being built: its glyphs, so that a word printed across a cell
/// border can still be split at the border.
struct GlyphWord {
    var glyphs: [Glyph]
    /// OCR confidence 0–100; nil for text-layer words.
    var confidence: Double? = nil

    var text: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: glyphs.map(\.scalar))
        return String(s)
    }

    var bbox: BBox { BBox.enclosing(glyphs.map(\.bbox))! }
    var bold: Bool { glyphs.allSatisfy(\.bold) }

    var italic: Bool { glyphs.allSatisfy(\.italic) }

    var word: Word { Word(text: text, bbox: bbox, bold: bold, italic: italic, confidence: confidence) }

    /// True when the word is a figure: digits with separators, no letters.
    var isFigure: Bool {
        let t = text
        return t.contains { $0.isNumber } && !t.contains { $0.isLetter }
    }

    /// Splits text glued to a figure (`dan76.500.000`, `(Lanjutan)100.000.000`)
    /// where letters turn into digits or back, at the turn nearest `x`;
    /// nil when there is no such turn.
    func splitAtFigure(near x: Double) -> [GlyphWord]? {
        func isText(_ g: Glyph) -> Bool { g.scalar.properties.isAlphabetic || g.scalar == ")" || g.scalar == "(" }
        func isDigit(_ g: Glyph) -> Bool { ("0"..."9").contains(Character(g.scalar)) }
        var best: Int?
        for i in 1..<max(1, glyphs.count) {
            let a = glyphs[i - 1], b = glyphs[i]
            guard (isText(a) && isDigit(b)) || (isDigit(a) && isText(b)) else { continue }
            if best == nil || abs(glyphs[i].bbox.x0 - x) < abs(glyphs[best!].bbox.x0 - x) { best = i }
        }
        guard let i = best else { return nil }
        let left = GlyphWord(glyphs: Array(glyphs[..<i])), right = GlyphWord(glyphs: Array(glyphs[i...]))
        // Only a whole figure on one side: `R.205` or `2022th` stay whole.
        guard left.isFigure || right.isFigure, left.text.count >= 2, right.text.count >= 2,
              (left.isFigure ? left : right).text.filter({ $0 == "." || $0 == "," }).count >= 1 else { return nil }
        return [left, right]
    }

    /// Splits an amount glued to the text before it (`Rawa251.500.000`,
    /// `Grobogan180.000.000`: a name running on under the amount's cell);
    /// nil when the word is not text followed by a grouped amount or the
    /// text is the currency (`Rp251.500.000`).
    func splitGluedAmount() -> [GlyphWord]? {
        let scalars = glyphs.map(\.scalar)
        guard let i = scalars.indices.dropFirst(2).first(where: { i in
            ("0"..."9").contains(Character(scalars[i]))
                && (scalars[i - 1].properties.isAlphabetic || scalars[i - 1] == ")")
        }) else { return nil }
        let left = GlyphWord(glyphs: Array(glyphs[..<i]), confidence: confidence)
        let right = GlyphWord(glyphs: Array(glyphs[i...]), confidence: confidence)
        guard !left.text.lowercased().hasSuffix("rp"),
              right.text.wholeMatch(of: /\d{1,3}([.,]\d{3}){2,}([.,]\d{1,2})?/) != nil else { return nil }
        return [left, right]
    }

    /// Splits the word where it crosses the vertical line at `x`.
    func split(at x: Double) -> [GlyphWord] {
        let left = glyphs.filter { $0.bbox.midX < x }
        let right = glyphs.filter { $0.bbox.midX >= x }
        return [left, right].filter { !$0.isEmpty }.map { GlyphWord(glyphs: $0, confidence: confidence) }
    }
}

/// Reads the text layer of a page: characters with boxes, grouped into words.
enum TextExtractor {
    static func glyphs(of page: PDFPage) -> [Glyph] {
        var faces: FontFaces
        guard let cText = poppler_page_get_text(page.handle) else { return [] }
        defer { g_free(cText) }
        let text = String(cString: cText)
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page.handle, &rects, &count) != 0, let rects else { return [] }
        defer { g_free(rects) }

        faces = fontFaces(of: page)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(count))
        var i = 0
        for scalar in text.unicodeScalars {
            guard i < Int(count) else { break }
            let r = rects[i]
            let face = faces.face(at: i)
            glyphs.append(Glyph(scalar: scalar, bbox: BBox(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2),
                                bold: face.bold, italic: face.italic))
            i += 1
        }
        return glyphs
    }

    /// Bold and italic character ranges, from the font names.
    struct FontFaces {
        var runs: [(range: ClosedRange<Int>, bold: Bool, italic: Bool)] = []
        private var cursor = 0

        init(runs: [(range: ClosedRange<Int>, bold: Bool, italic: Bool)]) {
            self.runs = runs.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }

        /// The face at character `i`; calls come in increasing `i`.
        mutating func face(at i: Int) -> (bold: Bool, italic: Bool) {
            while cursor < runs.count, runs[cursor].range.upperBound < i { cursor += 1 }
            guard cursor < runs.count, runs[cursor].range.contains(i) else { return (false, false) }
            return (runs[cursor].bold, runs[cursor].italic)
        }
    }

    private static func fontFaces(of page: PDFPage) -> FontFaces {
        guard let list = poppler_page_get_text_attributes(page.handle) else { return FontFaces(runs: []) }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [(range: ClosedRange<Int>, bold: Bool, italic: Bool)] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let raw = n.pointee.data {
                let attr = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                if let cName = attr.font_name {
                    let name = String(cString: cName).lowercased()
                    let bold = name.contains("bold") || name.contains("black") || name.contains("heavy")
                    let italic = name.contains("italic") || name.contains("oblique")
                    let lo = Int(attr.start_index), hi = Int(attr.end_index)
                    if hi >= lo, bold || italic { runs.append((lo...hi, bold, italic)) }
                }
            }
            node = n.pointee.next
        }
        return FontFaces(runs: runs)
    }

    /// Groups glyphs into words: a word ends at white space, at a line break,
    /// and at a gap wider than a third of the glyph height.
    static func words(from glyphs: [Glyph]) -> [GlyphWord] {
        var words: [GlyphWord] = []
        var current: [Glyph] = []
        func flush() {
            if !current.isEmpty { words.append(GlyphWord(glyphs: current)) }
            current.removeAll(keepingCapacity: true)
        }
        for g in glyphs {
            if g.scalar.properties.isWhitespace || g.scalar.value < 32 {
                flush()
                continue
            }
            if let last = current.last {
                let height = max(1, last.bbox.height)
                let gap = g.bbox.x0 - last.bbox.x1
                let sameLine = abs(g.bbox.midY - last.bbox.midY) < height * 0.6
                if !sameLine || gap > height * 0.35 || gap < -height {
                    flush()
                }
            }
            current.append(g)
        }
        flush()
        return words
    }
}
