import Foundation

/// Text as kinerja compares it: lowercased, diacritics folded, split into
/// words of letters and digits (`/`, `(`, `:` … separate words).
public enum WordTokens {
    /// The words of `text`. `keepingInWordHyphens`: a hyphen inside a word
    /// stays in it (`ber-KB` is one word); otherwise it separates words.
    public static func of(_ text: String?, keepingInWordHyphens: Bool) -> [String] {
        let folded = (text ?? "").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var tokens: [String] = []
        var current = ""
        func end() {
            guard !current.isEmpty else { return }
            tokens.append(keepingInWordHyphens ? current.trimmingCharacters(in: hyphen) : current)
            current = ""
        }
        for ch in folded {
            if ch.isLetter || ch.isNumber || (keepingInWordHyphens && ch == "-" && !current.isEmpty) {
                current.append(ch)
            } else {
                end()
            }
        }
        end()
        return keepingInWordHyphens ? tokens.filter { !$0.isEmpty } : tokens
    }

    private static let hyphen = CharacterSet(charactersIn: "-")
}
