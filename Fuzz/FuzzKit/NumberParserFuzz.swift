import Normalize

/// The number parser on arbitrary text: the input's bytes as UTF-8 (broken
/// sequences repaired), read with each style. It must not crash, and what
/// it calls a number must be one (finite, with a decimal count ≥ 0).
public enum NumberParserFuzz {
    public static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for style in [nil, NumberStyle.indonesian, .english] {
            let reading = NumberParser.read(text, style: style)
            if case .number(let value, let decimals) = reading {
                fuzzCheck(value.isFinite, "\(text.debugDescription) read as \(value)")
                fuzzCheck(decimals >= 0, "\(text.debugDescription) has \(decimals) decimals")
            }
            fuzzCheck(NumberParser.read(text, style: style) == reading, "\(text.debugDescription) read twice differs")
            let cell = NumberParser.valueCell(text, style: style)
            fuzzCheck(cell.value == reading.value, "\(text.debugDescription): value cell disagrees with the reading")
        }
        _ = NumberParser.evidence(of: text)
        // A column: the lines of the input, as the style inference sees them.
        _ = NumberParser.inferStyle(of: text.split(whereSeparator: \.isNewline).map(String.init))
    }
}
