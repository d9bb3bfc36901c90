import Foundation

/// Whether a page's text layer can be used as it is, or the page must be
/// read by OCR.
enum TextLayerVerdict: String, Sendable, Equatable {
    /// The text layer holds the page's text.
    case usable
    /// No text at all: a scan.
    case absent
    /// Text that is not text: unmapped or private-use glyph codes, or
    /// letters in a shifted encoding (a font without a Unicode map).
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
