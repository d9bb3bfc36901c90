import Model

/// Repairs the common OCR misreadings of printed numbers, where the
/// column's own format leaves only one reading:
///
/// - letters for digits inside a figure: `O`/`o` for `0`, `l`/`I`/`|`/`!`
///   for `1` (`1O2,5` → `102,5`, `8l,9` → `81,9`), in a column of numbers
///   and only in a word that already has a digit, so text values (`B`,
///   `BB`, `Pratama`) stay text;
/// - a thousands separator read as the other one in a column of whole
///   grouped amounts (`4.753.517,107` or `4,753.517.107` → `4.753.517.107`
///   where the column prints `3.702.908.000`): a group of exactly three
///   digits after every separator, and no decimals anywhere in the column;
/// - the percent sign read as `Yo`, `Vo`, `%o`, `o/o` or `0/0` after a figure, in
///   a column that prints `%` elsewhere.
///
/// Anything else is left alone: a repair that needs a guess (a dropped
/// decimal comma, `7` read as `1`) is not made, and the cell stays unread.
public enum OCRNumberRepair {
    /// What a column's cleanly read numbers look like.
    public struct ColumnFormat: Sendable, Equatable {
        /// The column's number style (its own evidence, else the document's).
        public var style: NumberStyle?
        /// Every clean number of the column is a whole amount, and some
        /// print thousands separators (`3.702.908.000`).
        public var groupedWholeAmounts: Bool
        /// Some cell of the column prints a percent sign.
        public var printsPercent: Bool
        /// Most of the column's non-empty cells read as numbers: a letter in
        /// a figure there stands for a digit.
        public var mostlyNumbers: Bool

        public init(style: NumberStyle?, groupedWholeAmounts: Bool, printsPercent: Bool, mostlyNumbers: Bool = true) {
            self.style = style
            self.groupedWholeAmounts = groupedWholeAmounts
            self.printsPercent = printsPercent
            self.mostlyNumbers = mostlyNumbers
        }

        /// The format of a column from its cell texts.
        public init<S: Sequence>(cells: S, style: NumberStyle?) where S.Element == String {
            var numbers = 0, grouped = 0, fractional = 0, filled = 0
            var percent = false
            for raw in cells {
                if raw.contains("%") { percent = true }
                if raw.contains(where: { !$0.isWhitespace }) { filled += 1 }
                guard case .number(_, let decimals) = NumberParser.read(raw, style: style) else { continue }
                numbers += 1
                if decimals > 0 { fractional += 1 }
                let digitsAndSeparators = raw.filter { $0.isNumber || $0 == "." || $0 == "," }
                if digitsAndSeparators.contains(where: { $0 == "." || $0 == "," }), decimals == 0 { grouped += 1 }
            }
            self.init(style: style, groupedWholeAmounts: numbers > 0 && fractional == 0 && grouped > 0,
                      printsPercent: percent, mostlyNumbers: 2 * numbers > filled)
        }
    }

    /// The cell text with its misreadings repaired, nil when there is
    /// nothing to repair or the result would not be a number.
    public static func repair(_ raw: String, format: ColumnFormat) -> String? {
        var text = raw.trimmingCharacters(in: [" "])
        guard !text.isEmpty else { return nil }
        var changed = false

        if format.printsPercent, let fixed = percentSuffix(text) {
            text = fixed
            changed = true
        }
        if format.mostlyNumbers, let fixed = digitLookalikes(text) {
            text = fixed
            changed = true
        }
        if format.groupedWholeAmounts, let fixed = thousandsSeparators(text, style: format.style) {
            text = fixed
            changed = true
        }
        guard changed, NumberParser.read(text, style: format.style).isNumber else { return nil }
        return text
    }

    static func digitLookalikes(_ text: String) -> String? {
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let lower = word.lowercased()
            guard word.contains(where: \.isNumber), !lower.hasPrefix("rp"), lower != "persen" else { return String(word) }
            // Only letters between or beside digits and separators: `1O2`, `8l,9`, `O,5`.
            let mapped = OCRLookalikes.digits(String(word))
            guard mapped != String(word), mapped.allSatisfy({ $0.isNumber || ".,%-()".contains($0) }) else {
                return String(word)
            }
            changed = true
            return mapped
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// Percent signs misread at the end of a figure.
    static let percentLookalikes = ["Yo", "yo", "Vo", "Y%", "%o", "o/o", "0/0", "°/o", "9/o"]

    static func percentSuffix(_ text: String) -> String? {
        for bad in percentLookalikes where text.hasSuffix(bad) {
            let head = text.dropLast(bad.count).trimmingCharacters(in: [" "])
            guard let last = head.last, last.isNumber else { continue }
            return head + "%"
        }
        return nil
    }

    /// Separators of a whole grouped amount made uniform: every separator
    /// must be followed by exactly three digits, and the first group hold
    /// one to three.
    static func thousandsSeparators(_ text: String, style: NumberStyle?) -> String? {
        let thousands: Character = style == .english ? "," : "."
        // Keep a currency prefix and a money ending as they are.
        var body = Substring(text)
        var prefix = ""
        if body.lowercased().hasPrefix("rp") {
            let end = body.firstIndex(where: { $0.isNumber }) ?? body.endIndex
            prefix = String(body[..<end])
            body = body[end...]
        }
        var suffix = ""
        for ending in [",-", ".-", ",--", ".--"] where body.hasSuffix(ending) {
            suffix = ending
            body = body.dropLast(ending.count)
            break
        }
        let groups = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard groups.count >= 2, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        let uniform = groups.joined(separator: String(thousands))
        guard uniform != String(body) else { return nil }
        return prefix + uniform + suffix
    }
}
