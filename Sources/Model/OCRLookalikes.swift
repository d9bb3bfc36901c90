/// Letters and symbols OCR reads for digits (`O` for `0`; `l`, `I`, `|`,
/// `!` for `1`), shared by the number repair in Normalize and the check in
/// Validate that tells an unreadable scanned figure from text.
public enum OCRLookalikes {
    public static let digit: [Character: Character] = [
        "O": "0", "o": "0",
        "l": "1", "I": "1", "|": "1", "!": "1",
    ]

    /// `text` with every look-alike turned into its digit.
    public static func digits(_ text: String) -> String {
        String(text.map { digit[$0] ?? $0 })
    }
}
