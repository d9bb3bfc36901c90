import Foundation

/// Whether a page's text layer can be used as it is, or the page must be
/// read by OCR.
enum TextLayerVerdict: String, Sendable, Equatable {
    /// The text layer holds the page's text.
    case usable
    /// No text at all: a scan.
    case absent
    /// Text that is not text: unmapped or private-use glyph codes, or
    /// letters in a shifted encoding (a font without a Unicode map), or
    /// a scan's hidden OCR layer that misread its words and figures.
    case garbled
    /// Some text, but ink on the page that no text explains: a scanned or
    /// pasted picture of a table on a page that also has typed text.
    case sparse
}

/// Judges a page's text layer from its characters and, where the page
/// carries pictures, from the ink in them.
struct TextLayerCheck {
    /// Share of unreadable characters above which the layer is garbage.
    var maxUnreadableShare = 0.25
    /// Letters needed before the vowel test means anything.
    var minLettersForVowelTest = 60
    /// Vowel share of real Indonesian or English text lies well inside this.
    var vowelShare: ClosedRange<Double> = 0.18...0.65
    /// Share of a picture's ink that text-layer characters must cover for
    /// the picture to count as read (a scan with a hidden OCR layer).
    var minCoveredInk = 0.25
    /// A scan's hidden OCR layer (text over a picture covering the page)
    /// is read again when more than this share of its words are misread
    /// (letters inside figures, case flips and symbols inside words).
    /// Typed pages stay below 0.016 on the real corpus; misread layers
    /// lie at 0.027–0.2.
    var maxMisreadShare = 0.02
    /// Words (of three characters or more) and misread words a page needs
    /// before the share means anything.
    var minWordsForMisreadTest = 40
    var minMisreadWords = 3

    /// The verdict from the characters alone.
    func verdict(text scalars: [Unicode.Scalar]) -> TextLayerVerdict {
        let visible = scalars.filter { !$0.properties.isWhitespace }
        guard !visible.isEmpty else { return .absent }
        let unreadable = visible.filter(TextLayerCheck.isUnreadable).count
        if Double(unreadable) / Double(visible.count) > maxUnreadableShare { return .garbled }
        let letters = visible.filter { $0.properties.isAlphabetic && $0.isASCII }
        if letters.count >= minLettersForVowelTest {
            let vowels = letters.filter { "aeiouAEIOU".unicodeScalars.contains($0) }.count
            if !vowelShare.contains(Double(vowels) / Double(letters.count)) { return .garbled }
        }
        return .usable
    }

    /// The verdict once the pictures are known: `pictures` holds, for each
    /// picture of the page, its ink pixels and how many of them lie under a
    /// text-layer character.
    func verdict(text scalars: [Unicode.Scalar], pictures: [PictureInk]) -> TextLayerVerdict {
        let fromText = verdict(text: scalars)
        guard fromText == .usable else { return fromText }
        return pictures.contains(where: unread) ? .sparse : .usable
    }

    /// The verdict on a scan's hidden OCR layer from its words: `.garbled`
    /// when too many of them are misread.
    func verdict(ocrLayerWords words: [String]) -> TextLayerVerdict {
        let long = words.map(TextLayerCheck.trimmed).filter { $0.count >= 3 }
        guard long.count >= minWordsForMisreadTest else { return .usable }
        let misread = long.filter(TextLayerCheck.isMisread).count
        guard misread >= minMisreadWords else { return .usable }
        return Double(misread) / Double(long.count) > maxMisreadShare ? .garbled : .usable
    }

    /// The word without the brackets, quotes and punctuation around it.
    static func trimmed(_ word: String) -> Substring {
        let edge: Set<Character> = ["(", ")", "[", "]", "|", "\"", "'", ".", ",", ";", ":", "%"]
        var s = Substring(word)
        while let c = s.first, edge.contains(c) { s = s.dropFirst() }
        while let c = s.last, edge.contains(c) { s = s.dropLast() }
        return s
    }

    /// Letters OCR puts for digits (`20t4`, `42,Lt`) and stray symbols.
    private static let lookAlikes = Set("OoIlLtSsZzBgqiT?$€{}'\"!\\")
    private static let inWordSymbols = Set("$€{}\\|")

    /// A misread word: a figure with a look-alike letter or symbol between
    /// its digits, after its decimal mark or closing it (`20t4`, `42,Lt`,
    /// `1009o`); a word whose case flips inside (`KirErJa`; not two words
    /// run together, `PelabuhanRatu`), or with a
    /// symbol or digit between letters (`Reatisa$`, `benn6r`).
    static func isMisread(_ word: Substring) -> Bool {
        let c = Array(word)
        guard let first = c.first else { return false }
        if first.isNumber {
            for i in 1..<c.count where lookAlikes.contains(c[i]) {
                let before = c[i - 1]
                if before == "," || before == "." { return true }
                if before.isNumber, i + 1 < c.count, c[i + 1].isNumber || c[i + 1] == "," || c[i + 1] == "." { return true }
                if i == c.count - 1, c.prefix(3).allSatisfy(\.isNumber) { return true }
            }
            return false
        }
        for i in c.indices {
            // `Reatisa$`, `R€nJa`; not `US$`.
            if inWordSymbols.contains(c[i]), i > 0 && c[i - 1].isLowercase || i + 1 < c.count && c[i + 1].isLetter {
                return true
            }
            guard i > 0, i + 1 < c.count else { continue }
            let (a, b, d) = (c[i - 1], c[i], c[i + 1])
            if a.isLowercase, b.isUppercase, d.isLowercase, !gluedWords(c, at: i) { return true }
            if a.isLetter, b.isNumber, d.isLetter, a.isLowercase || d.isLowercase { return true }
        }
        return false
    }

    /// Two words whose space was lost (`PelabuhanRatu`): three lowercase
    /// letters or more on each side of the capital at `i`.
    private static func gluedWords(_ c: [Character], at i: Int) -> Bool {
        i >= 3 && c[(i - 3)..<i].allSatisfy(\.isLowercase)
            && i + 3 < c.count && c[(i + 1)...(i + 3)].allSatisfy(\.isLowercase)
    }

    /// A picture that looks like a page of print (mostly paper, some ink)
    /// and whose ink the text layer does not cover.
    func unread(_ p: PictureInk) -> Bool {
        guard p.pixels > 0, p.ink > 0 else { return false }
        let paper = Double(p.paper) / Double(p.pixels)
        let ink = Double(p.ink) / Double(p.pixels)
        guard paper >= 0.5, ink >= 0.01 else { return false }
        return Double(p.coveredInk) / Double(p.ink) < minCoveredInk
    }

    /// Control characters, private-use and unassigned code points, the
    /// replacement character.
    static func isUnreadable(_ s: Unicode.Scalar) -> Bool {
        if s.value == 0xFFFD { return true }
        switch s.properties.generalCategory {
        case .control, .privateUse, .unassigned, .surrogate: return true
        default: return false
        }
    }
}

/// Ink counts of one picture on a page, from a low-resolution render.
struct PictureInk: Sendable, Equatable {
    /// Pixels of the picture.
    var pixels: Int
    /// Light pixels (paper).
    var paper: Int
    /// Dark pixels (ink).
    var ink: Int
    /// Dark pixels under a text-layer character.
    var coveredInk: Int
}
