import Foundation
import Model

/// Text as the rules compare it: lowercased, diacritics folded, split into
/// words (letters, digits and in-word hyphens: `ber-KB` stays one word).
struct Words: Sendable, Equatable {
    let tokens: [String]

    init(_ text: String?) {
        tokens = WordTokens.of(text, keepingInWordHyphens: true)
    }

    /// The words joined by single spaces.
    var joined: String { tokens.joined(separator: " ") }
    var isEmpty: Bool { tokens.isEmpty }

    /// Every place `phrase` occurs as whole words, as word-index ranges.
    func occurrences(of phrase: Words) -> [Range<Int>] {
        let p = phrase.tokens
        guard !p.isEmpty, p.count <= tokens.count else { return [] }
        var found: [Range<Int>] = []
        for i in 0...(tokens.count - p.count) where Array(tokens[i..<(i + p.count)]) == p {
            found.append(i..<(i + p.count))
        }
        return found
    }

    func contains(_ phrase: Words) -> Bool { !occurrences(of: phrase).isEmpty }

    /// True when the words start with `phrase`.
    func starts(with phrase: Words) -> Bool {
        !phrase.tokens.isEmpty && tokens.starts(with: phrase.tokens)
    }
}

/// A phrase found in a text: which configured phrase and where.
struct PhraseHit: Sendable {
    let phrase: String
    let range: Range<Int>
}

/// A list of configured phrases, matched word by word.
struct PhraseList: Sendable {
    private let phrases: [(text: String, words: Words)]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { ($0, Words($0)) }.filter { !$0.1.isEmpty }
    }

    func hits(in words: Words) -> [PhraseHit] {
        phrases.flatMap { p in words.occurrences(of: p.words).map { PhraseHit(phrase: p.text, range: $0) } }
    }

    func firstHit(in words: Words) -> PhraseHit? { hits(in: words).first }

    /// True when the text is exactly one of the phrases.
    func isExactly(_ words: Words) -> Bool { phrases.contains { $0.words == words } }

    /// The phrase the text starts with, if any.
    func prefix(of words: Words) -> String? { phrases.first { words.starts(with: $0.words) }?.text }
}

/// Formula text compared with spaces removed and `×`/`*` read as `x`
/// (`(2x Target)` and `( 2 × target )` are the same).
struct SquashedText: Sendable {
    let text: String

    init(_ raw: String?) {
        let lowered = (raw ?? "").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        text = String(lowered.compactMap { ch -> Character? in
            if ch.isWhitespace { return nil }
            if ch == "×" || ch == "*" { return "x" }
            return ch
        })
    }

    func contains(_ phrase: String) -> Bool {
        let p = SquashedText(phrase).text
        return !p.isEmpty && text.contains(p)
    }
}
