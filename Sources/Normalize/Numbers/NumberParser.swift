import Model

// MARK: - Public API

/// How a document (or one of its columns) writes numbers.
public enum NumberStyle: Sendable, Equatable {
    /// `1.234.567,89`: dot groups thousands, comma marks decimals.
    case indonesian
    /// `1,234,567.89`: comma groups thousands, dot marks decimals.
    case english

    /// The style that decides ambiguous cells: the column's own evidence
    /// first, then the document's; nil leaves the decision to the text alone
    /// (see `NumberParser`).
    public static func resolve(column: NumberStyle?, document: NumberStyle?) -> NumberStyle? {
        column ?? document
    }
}

/// What one table cell says.
public enum CellReading: Sendable, Equatable {
    /// A number and how many decimals were printed after the decimal separator.
    case number(Double, decimals: Int)
    /// Blank (whitespace only).
    case empty
    /// `-`, `‐`, `–`, `—`, `−` … alone (also `Rp -`, `- %`, `-,-`): the
    /// spreadsheets' display of zero. Its value is null per the contract.
    case dash
    /// `#DIV/0!`, `#REF!`, `#N/A`, `#VALUE!`, `#NAME?`, `#####`, `Err:502` …
    case spreadsheetError(String)
    /// Words: `Pratama`, `A`, `BB`, `WTP`, `Tdk ada penilaian`, `N/A`.
    case text(String)
    /// Looks numeric but cannot be read: `12,5,3`, `1.2.3`, `01.2.01`,
    /// `1-03.01`, `75, 76`, `100 200`, `(5`, more than 18 integer digits.
    case unreadable(String)

    /// The number, or nil for every other reading (the contract's `value`).
    public var value: Double? {
        if case .number(let v, _) = self { return v }
        return nil
    }

    /// Decimals printed, nil when the cell is not a number.
    public var decimals: Int? {
        if case .number(_, let d) = self { return d }
        return nil
    }

    public var isNumber: Bool { value != nil }
}

/// Reads the numbers printed in table cells.
///
/// ## Forms understood
///
/// - digits with `.` / `,` separators in either convention (`6,20`,
///   `9,756,893,547`, `3.190.425.000,-`, `452,750,000.00`,
///   `1.857.336.252,00`);
/// - a currency prefix `Rp`, `Rp.`, `RP` (`Rp. 30.663.800,-`);
/// - a trailing percent `%`, `％` or the word `persen` (the percent scale is
///   kept: `81,10%` → 81.1);
/// - the money endings `,-` / `.-` (`,--`): no decimals;
/// - a trailing predicate in brackets (`81 (A)` → 81, `80,10 (A)` → 80.1);
/// - negatives: a leading `-` (or any dash, `−`), or the whole number in
///   brackets (`( 1.234 )`, `(Rp 5.000)`);
/// - a space that breaks a thousands group (`Rp. 9.985.639. 757,-`): a space
///   right after a separator, or right before one, is dropped when the digit
///   group on the far side of the separator has exactly three digits; any
///   other space splits the cell into several numbers, which is read only
///   when they are all the same text (`88.00 88.00`, a repeated cell);
/// - a single trailing separator (`1.` as in a list number) is ignored;
/// - non-ASCII decimal digits, non-breaking and thin spaces, fullwidth
///   forms, soft hyphens and zero-width spaces.
///
/// ## Which separator is the decimal one
///
/// Unambiguous forms are read by their shape, whatever style is given
/// (reports mix conventions within a file and even within a column):
///
/// 1. both `.` and `,` appear: the last separator is the decimal one and
///    every earlier one must be of the other kind (`1.234,5`, `1,234.5`);
/// 2. two or more separators of one kind: all are thousands separators
///    (`1.234.567`, `9,756,893,547`);
/// 3. a single separator not followed by exactly three digits is decimal
///    (`6,20`, `1,5`, `1.5`, `37,7639`, `29.00`);
/// 4. a single separator followed by exactly three digits is decimal when
///    the part before it is empty, starts with `0` or is longer than three
///    digits (`0,125` → 0.125, `,125`, `1234,567` → 1234.567): a thousands
///    group cannot look like that.
///
/// The rest (`1.234`, `1,234`, `12.500`, `100,125`) is ambiguous and decided,
/// in this order, by:
///
/// 1. a money ending `,-` / `.-`: money is whole rupiahs, so the separator
///    groups thousands (`1.234,-` → 1234);
/// 2. the `style` passed in, which the caller takes from the column's
///    evidence, else the document's (`NumberStyle.resolve`, `inferStyle`):
///    indonesian reads `1.234` → 1234 and `1,234` → 1.234; english the
///    reverse;
/// 3. the text alone: with a percent sign the separator is decimal
///    (`12,345%` → 12.345: capaian beyond 1000 % is rarer than three
///    decimals); otherwise it groups thousands (`1.234` → 1234,
///    `1,234` → 1234, `Rp 1.234` → 1234): integer-looking money and count
///    fields are by far the commonest place for such a group.
///
/// Thousands groups must be well formed: a first group of 1–3 digits not
/// starting with `0`, every further group exactly three digits; anything
/// else is `.unreadable`. Negative zero reads as 0.
///
/// The parser works on unicode scalars copied into a small stack buffer, one
/// pass for the classification and one over the digits; no regex, no
/// Foundation.
public struct NumberParser: Sendable {
    public init() {}

    /// `style` is the style known for the column/document; nil = decide from
    /// the text alone.
    public static func read(_ raw: String, style: NumberStyle?) -> CellReading {
        let reading = scan(raw, style: style).reading
        switch reading {
        case .text, .unreadable:
            guard let figure = markedFigure(raw) else { return reading }
            let marked = scan(figure, style: style).reading
            if case .number = marked { return marked }
            return reading
        default:
            return reading
        }
    }

    /// The figure of a cell that prints one with a mark or a predicate
    /// around it, nil when the cell is not of that shape:
    ///
    /// - a footnote mark after it: `12.540.550 *)`, `85 **` → the figure;
    /// - a grade before a bracketed score: `B (65)`, `Nilai A (83)`,
    ///   `BB (76.70)` → the score (one or two short words before it);
    /// - a figure followed by a bracketed aside or by words: `22,7 % (75%)`,
    ///   `140 Kelompok (1400 orang)`, `100 dari 110 Organisasi`, `75 unit`
    ///   → the leading figure (with its `%`).
    static func markedFigure(_ raw: String) -> String? {
        let tokens = raw.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !tokens.isEmpty else { return nil }
        let isFigure = { (t: String) -> Bool in
            guard let first = t.first, first.isNumber || first == "-" || first == "(" else { return false }
            return t.allSatisfy { $0.isNumber || ".,%-()".contains($0) } && t.contains(where: \.isNumber)
        }
        // Footnote marks: `*)`, `*`, `**)`.
        var body = tokens
        while let last = body.last, !last.isEmpty, last.allSatisfy({ $0 == "*" || $0 == ")" }), last.contains("*") {
            body.removeLast()
        }
        if let last = body.last, last.hasSuffix("*)") || last.hasSuffix("*") {
            body[body.count - 1] = String(last.prefix { $0 != "*" })
        }
        if body.count < tokens.count || body.joined() != tokens.joined() {
            let rest = body.joined(separator: " ")
            if !rest.isEmpty, case .number = scan(rest, style: nil).reading { return rest }
        }
        // A grade, then the score in brackets.
        if let last = tokens.last, tokens.count >= 2, tokens.count <= 3, last.hasPrefix("("), last.hasSuffix(")") {
            let inner = String(last.dropFirst().dropLast())
            let words = tokens.dropLast()
            if isFigure(inner), words.allSatisfy({ $0.count <= 8 && $0.allSatisfy(\.isLetter) }) { return inner }
        }
        // A leading figure (its `%` may stand apart), then an aside or words.
        guard isFigure(tokens[0]), !tokens[0].hasPrefix("(") else { return nil }
        var figure = tokens[0]
        var next = 1
        if next < tokens.count, tokens[next] == "%" { figure += " %"; next += 1 }
        guard next < tokens.count, let start = tokens[next].first, start == "(" || start.isLetter else { return nil }
        return figure
    }

    /// The cell read by its shape alone, without taking a figure out of a
    /// mark or a predicate around it (`markedFigure`).
    static func strictRead(_ raw: String, style: NumberStyle?) -> CellReading {
        scan(raw, style: style).reading
    }

    /// The value cell the contract writes for `raw` (raw kept as given).
    public static func valueCell(_ raw: String?, style: NumberStyle?) -> ValueCell {
        guard let raw else { return .empty }
        return ValueCell(raw: raw, value: read(raw, style: style).value)
    }

    /// What a single cell says about the style, nil when nothing: `1.234.567`,
    /// `1.234,5`, `6,20`, `0,125`, `1.234,-` → indonesian; `1,234,567`,
    /// `1,234.5`, `29.00`, `85.5`, `1,234.-` → english; `1.234`, `1,234`,
    /// `100`, text → nil.
    public static func evidence(of raw: String) -> NumberStyle? {
        scan(raw, style: nil).evidence
    }

    /// Decides the style of a set of cells (a column, a whole document) by
    /// counting the cells with unambiguous evidence (`evidence(of:)`); the
    /// majority wins, nil on a tie or when there is no evidence.
    public static func inferStyle<S: Sequence>(of raws: S) -> NumberStyle? where S.Element == String {
        var e = StyleEvidence()
        for r in raws { e.add(r) }
        return e.style
    }
}

/// Running counts of style evidence, for callers that collect a column and a
/// document at once without keeping the cells.
public struct StyleEvidence: Sendable, Equatable {
    public var indonesian: Int = 0
    public var english: Int = 0

    public init() {}

    public mutating func add(_ raw: String) {
        switch NumberParser.evidence(of: raw) {
        case .indonesian: indonesian += 1
        case .english: english += 1
        case nil: break
        }
    }

    public mutating func add(_ other: StyleEvidence) {
        indonesian += other.indonesian
        english += other.english
    }

    /// The majority style; nil on a tie (including no evidence at all).
    public var style: NumberStyle? {
        if indonesian > english { return .indonesian }
        if english > indonesian { return .english }
        return nil
    }
}

// MARK: - Implementation

/// Byte codes the cell text is mapped to. ASCII keeps its value; these two
/// stand for every non-ASCII letter and every other non-ASCII symbol.
private let otherLetter: UInt8 = 0x01
private let otherSymbol: UInt8 = 0x02

private let space = UInt8(ascii: " ")
private let dot = UInt8(ascii: ".")
private let comma = UInt8(ascii: ",")
private let minus = UInt8(ascii: "-")
private let plus = UInt8(ascii: "+")
private let percentSign = UInt8(ascii: "%")
private let openParen = UInt8(ascii: "(")
private let closeParen = UInt8(ascii: ")")
private let hash = UInt8(ascii: "#")
private let zero = UInt8(ascii: "0")
private let nine = UInt8(ascii: "9")

@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= zero && c <= nine }
@inline(__always) private func isSep(_ c: UInt8) -> Bool { c == dot || c == comma }
@inline(__always) private func isASCIILetter(_ c: UInt8) -> Bool {
    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
}
@inline(__always) private func isLetter(_ c: UInt8) -> Bool { isASCIILetter(c) || c == otherLetter }
@inline(__always) private func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }

/// Whitespace or an invisible format character (dropped from the text).
private func isBlankScalar(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20, 0x09...0x0D: return true
    case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF: return true
    case 0..<0x80: return false
    default: return s.properties.isWhitespace
    }
}

/// Maps one scalar to its byte code; nil drops it (zero-width characters).
private func code(_ s: Unicode.Scalar) -> UInt8? {
    let v = s.value
    if v < 0x80 {
        switch v {
        case 0x09...0x0D: return space
        case 0..<0x20, 0x7F: return otherSymbol
        default: return UInt8(v)
        }
    }
    switch v {
    case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF: return nil
    // hyphen, non-breaking hyphen, figure dash, en dash, em dash, bar,
    // minus sign, small/fullwidth hyphen-minus, two- and three-em dashes
    case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x2E3A, 0x2E3B: return minus
    case 0xFF05, 0x066A, 0xFE6A: return percentSign
    case 0xFF0C: return comma
    case 0xFF0E: return dot
    case 0xFF08: return openParen
    case 0xFF09: return closeParen
    case 0xFF03: return hash
    default: break
    }
    let p = s.properties
    if p.isWhitespace { return space }
    if p.generalCategory == .decimalNumber, let n = p.numericValue, n >= 0, n <= 9 {
        return zero + UInt8(n)
    }
    if p.isAlphabetic { return otherLetter }
    return otherSymbol
}

/// `raw` without leading and trailing whitespace.
private func trimmed(_ raw: String) -> String {
    let u = raw.unicodeScalars
    var start = u.startIndex
    var end = u.endIndex
    while start < end, isBlankScalar(u[start]) { start = u.index(after: start) }
    while end > start, isBlankScalar(u[u.index(before: end)]) { end = u.index(before: end) }
    if start == u.startIndex && end == u.endIndex { return raw }
    return String(u[start..<end])
}

private struct ScanResult {
    var reading: CellReading
    var evidence: NumberStyle?
}

private func scan(_ raw: String, style: NumberStyle?) -> ScanResult {
    let capacity = raw.utf8.count
    if capacity == 0 { return ScanResult(reading: .empty, evidence: nil) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buf -> ScanResult in
        var n = 0
        for s in raw.unicodeScalars {
            if let c = code(s) { buf[n] = c; n += 1 }
        }
        return Scanner(b: buf, raw: raw).run(count: n, style: style)
    }
}

private struct Scanner {
    let b: UnsafeMutableBufferPointer<UInt8>
    let raw: String

    func text() -> ScanResult { ScanResult(reading: .text(trimmed(raw)), evidence: nil) }
    func unreadable() -> ScanResult { ScanResult(reading: .unreadable(trimmed(raw)), evidence: nil) }

    func run(count: Int, style: NumberStyle?) -> ScanResult {
        var lo = 0
        var hi = count
        while lo < hi, b[lo] == space { lo += 1 }
        while hi > lo, b[hi - 1] == space { hi -= 1 }
        if lo == hi { return ScanResult(reading: .empty, evidence: nil) }

        // Only dashes (and spaces): the spreadsheet's zero.
        var onlyDashes = true
        var anyDigit = false
        var anyLetter = false
        for i in lo..<hi {
            let c = b[i]
            if c != minus && c != space { onlyDashes = false }
            if isDigit(c) { anyDigit = true } else if isLetter(c) { anyLetter = true }
        }
        if onlyDashes { return ScanResult(reading: .dash, evidence: nil) }

        if b[lo] == hash || (anyDigit && isSpreadsheetErrWord(lo, hi)) {
            if isSpreadsheetError(lo, hi) {
                return ScanResult(reading: .spreadsheetError(trimmed(raw)), evidence: nil)
            }
        }

        // Suffixes, right to left: predicate "(A)", closing bracket, "%",
        // "persen", money ending ",-".
        var percent = false
        var closed = false
        var predicate = false
        var moneySep: UInt8? = nil
        suffixes: while true {
            while hi > lo, b[hi - 1] == space { hi -= 1 }
            guard hi > lo else { break }
            let c = b[hi - 1]
            if c == closeParen {
                if !predicate, !closed, let open = predicateStart(lo, hi) {
                    predicate = true
                    hi = open
                    continue suffixes
                }
                if closed { break }
                closed = true
                hi -= 1
                continue suffixes
            }
            if c == percentSign, !percent {
                percent = true
                hi -= 1
                continue suffixes
            }
            if !percent, endsWithPersen(lo, hi) {
                percent = true
                hi -= 6
                continue suffixes
            }
            if c == minus, moneySep == nil {
                var j = hi - 1
                while j > lo, b[j - 1] == minus { j -= 1 }
                if j > lo, isSep(b[j - 1]) {
                    moneySep = b[j - 1]
                    hi = j - 1
                    continue suffixes
                }
            }
            break
        }

        // Prefixes, left to right: sign, opening bracket, "Rp".
        var negative = false
        var opened = false
        var currency = false
        var signed = false
        prefixes: while true {
            while lo < hi, b[lo] == space { lo += 1 }
            guard lo < hi else { break }
            let c = b[lo]
            if (c == minus || c == plus), !signed {
                signed = true
                negative = c == minus
                lo += 1
                continue prefixes
            }
            if c == openParen, !opened {
                opened = true
                lo += 1
                continue prefixes
            }
            if !currency, lower(c) == UInt8(ascii: "r"), lo + 1 < hi, lower(b[lo + 1]) == UInt8(ascii: "p") {
                var j = lo + 2
                if j < hi, isLetter(b[j]) { break } // a word such as "Rpx…": text
                if j < hi, b[j] == dot { j += 1 }
                currency = true
                lo = j
                continue prefixes
            }
            break
        }

        if lo == hi {
            // Nothing left: "Rp -", "- %", "(-)", "-,-", "Rp.-" are dashes.
            if (negative || moneySep != nil) && !anyDigit && opened == closed { return ScanResult(reading: .dash, evidence: nil) }
            return fallback(anyDigit: anyDigit, anyLetter: anyLetter, lo: 0, hi: count)
        }

        // The core may hold digits, separators and spaces only.
        var coreDigits = false
        for i in lo..<hi {
            let c = b[i]
            if isDigit(c) { coreDigits = true; continue }
            if isSep(c) || c == space { continue }
            return fallback(anyDigit: anyDigit, anyLetter: anyLetter, lo: 0, hi: count)
        }
        guard coreDigits else { return unreadable() }
        guard opened == closed else { return unreadable() }

        // Join groups broken by a space, then split what remains on spaces.
        hi = joinBrokenGroups(lo, hi)
        var tokenEnd = lo
        while tokenEnd < hi, b[tokenEnd] != space { tokenEnd += 1 }
        if tokenEnd < hi {
            // Several numbers: readable only when they are all the same text.
            var i = tokenEnd
            let len = tokenEnd - lo
            while i < hi {
                while i < hi, b[i] == space { i += 1 }
                var j = i
                while j < hi, b[j] != space { j += 1 }
                if j - i != len { return unreadable() }
                for k in 0..<len where b[lo + k] != b[i + k] { return unreadable() }
                i = j
            }
        }

        guard let parsed = parseCore(lo, tokenEnd, style: style, percent: percent && !currency,
                                     moneySep: moneySep) else {
            return unreadable()
        }
        var v = parsed.value
        if negative || opened { v = -v.magnitude } // "(-5)" is still negative
        if v == 0 { v = 0 } // no negative zero
        return ScanResult(reading: .number(v, decimals: parsed.decimals), evidence: parsed.evidence)
    }

    /// A cell that is not a number: text when it has words (or only symbols
    /// such as `✓`), unreadable when it looks numeric.
    func fallback(anyDigit: Bool, anyLetter: Bool, lo: Int, hi: Int) -> ScanResult {
        if anyLetter { return looksScientific(lo, hi) ? unreadable() : text() }
        if anyDigit { return unreadable() }
        for i in lo..<hi {
            let c = b[i]
            if !(isSep(c) || c == space || c == percentSign || c == minus || c == plus
                 || c == openParen || c == closeParen) {
                return text()
            }
        }
        return unreadable()
    }

    /// True when every letter is an exponent mark between a digit and a
    /// (signed) digit, as in a spreadsheet's `9,76E+09`: numeric, but rounded
    /// to a few digits, so better left unread than read wrong.
    func looksScientific(_ lo: Int, _ hi: Int) -> Bool {
        var exponents = 0
        for i in lo..<hi where isLetter(b[i]) {
            guard lower(b[i]) == UInt8(ascii: "e"), i > lo, isDigit(b[i - 1]), i + 1 < hi else { return false }
            var j = i + 1
            if b[j] == plus || b[j] == minus { j += 1 }
            guard j < hi, isDigit(b[j]) else { return false }
            exponents += 1
        }
        return exponents == 1
    }

    /// `Err:502` (LibreOffice).
    func isSpreadsheetErrWord(_ lo: Int, _ hi: Int) -> Bool {
        hi - lo >= 5 && lower(b[lo]) == UInt8(ascii: "e") && lower(b[lo + 1]) == UInt8(ascii: "r")
            && lower(b[lo + 2]) == UInt8(ascii: "r") && b[lo + 3] == UInt8(ascii: ":")
    }

    /// `#DIV/0!`, `#REF!`, `#N/A`, `#VALUE!`, `#NAME?`, `#NULL!`, `#NUM!`,
    /// `#SPILL!`, `#GETTING_DATA`, `#####`, `Err:502`; spaces inside (a
    /// wrapped cell: `#DIV/ 0!`) are ignored, OCR's `O` for `0` accepted.
    func isSpreadsheetError(_ lo: Int, _ hi: Int) -> Bool {
        if isSpreadsheetErrWord(lo, hi) {
            for i in (lo + 4)..<hi where !isDigit(b[i]) && b[i] != space { return false }
            return true
        }
        var body: [UInt8] = []
        body.reserveCapacity(hi - lo)
        for i in lo..<hi where b[i] != space { body.append(b[i]) }
        if body.allSatisfy({ $0 == hash }) { return true }
        guard body.count >= 3, body[0] == hash else { return false }
        let upper = body.dropFirst().map { ($0 >= 0x61 && $0 <= 0x7A) ? $0 & ~0x20 : $0 }
        if upper == Array("N/A".utf8) || upper == Array("N/A!".utf8) { return true }
        if upper == Array("GETTING_DATA".utf8) { return true }
        guard let last = upper.last, last == UInt8(ascii: "!") || last == UInt8(ascii: "?") else { return false }
        let inner = upper.dropLast()
        guard let first = inner.first, first >= 0x41 && first <= 0x5A else { return false }
        return inner.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || isDigit($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "_") }
    }

    /// When `b[lo..<hi]` ends in a bracketed predicate such as `(A)`,
    /// `(B+)`, `(Sangat Baik)` after something else, the index of its `(`.
    func predicateStart(_ lo: Int, _ hi: Int) -> Int? {
        var i = hi - 2
        var letters = 0
        while i > lo {
            let c = b[i]
            if c == openParen { break }
            if isLetter(c) { letters += 1 } else if !(c == space || c == plus || c == minus || c == dot) { return nil }
            i -= 1
        }
        guard i > lo, b[i] == openParen, letters > 0 else { return nil }
        // Something numeric must come before the predicate.
        var j = i
        while j > lo, b[j - 1] == space { j -= 1 }
        guard j > lo, isDigit(b[j - 1]) || b[j - 1] == percentSign || b[j - 1] == minus else { return nil }
        return i
    }

    /// True when `b[lo..<hi]` ends with the word `persen` after a digit or space.
    func endsWithPersen(_ lo: Int, _ hi: Int) -> Bool {
        let word = persenWord
        guard hi - lo > word.count else { return false }
        let start = hi - word.count
        for k in 0..<word.count where lower(b[start + k]) != word[k] { return false }
        let before = b[start - 1]
        return before == space || isDigit(before)
    }

    /// Drops spaces that break a thousands group (`9.985.639. 757`,
    /// `9.985 .639`): a space run next to a separator whose far side is a
    /// group of exactly three digits. Compacts in place; returns the new end.
    func joinBrokenGroups(_ lo: Int, _ hi: Int) -> Int {
        var w = lo
        var i = lo
        while i < hi {
            let c = b[i]
            if c != space {
                b[w] = c; w += 1; i += 1
                continue
            }
            var j = i
            while j < hi, b[j] == space { j += 1 }
            // b[w-1] is the char before the run (already written), b[j] after it.
            let before = b[w - 1]
            let after = b[j]
            var join = false
            if isSep(before), isDigit(after) {
                join = threeDigitGroup(at: j, hi)
            } else if isDigit(before), isSep(after), j + 1 < hi {
                join = threeDigitGroup(at: j + 1, hi)
            }
            if !join { b[w] = space; w += 1 }
            i = j
        }
        return w
    }

    /// True when exactly three digits start at `i`, followed by the end, a
    /// separator or a space.
    func threeDigitGroup(at i: Int, _ hi: Int) -> Bool {
        var j = i
        while j < hi, isDigit(b[j]) { j += 1 }
        guard j - i == 3 else { return false }
        return j == hi || isSep(b[j]) || b[j] == space
    }

    struct Parsed {
        var value: Double
        var decimals: Int
        var evidence: NumberStyle?
    }

    /// Reads digits and separators (no spaces) in `b[lo..<hi]`.
    func parseCore(_ lo: Int, _ end: Int, style: NumberStyle?, percent: Bool, moneySep: UInt8?) -> Parsed? {
        var hi = end
        // A single trailing separator after a digit: "1." as in a list number.
        if hi - lo >= 2, isSep(b[hi - 1]), isDigit(b[hi - 2]) { hi -= 1 }

        var dots = 0
        var commas = 0
        var lastSep = -1
        var prevSep = false
        for i in lo..<hi {
            let c = b[i]
            if isSep(c) {
                if prevSep { return nil }
                if c == dot { dots += 1 } else { commas += 1 }
                lastSep = i
                prevSep = true
            } else {
                prevSep = false
            }
        }
        let seps = dots + commas
        if seps > 0, lastSep == hi - 1 { return nil } // "1,," or a lone separator

        // Which separator (if any) is the decimal one, and what it says.
        var decimalAt: Int? = nil
        var evidence: NumberStyle? = nil
        func styleWhereDecimal(_ sep: UInt8) -> NumberStyle { sep == comma ? .indonesian : .english }
        func styleWhereThousands(_ sep: UInt8) -> NumberStyle { sep == dot ? .indonesian : .english }

        if dots > 0 && commas > 0 {
            let kind = b[lastSep]
            if (kind == dot ? dots : commas) != 1 { return nil }
            decimalAt = lastSep
            evidence = styleWhereDecimal(kind)
        } else if seps >= 2 {
            evidence = styleWhereThousands(b[lastSep])
        } else if seps == 1 {
            let kind = b[lastSep]
            let before = lastSep - lo
            let after = hi - lastSep - 1
            if after != 3 || before == 0 || before > 3 || b[lo] == zero {
                decimalAt = lastSep
                evidence = styleWhereDecimal(kind)
            } else if let m = moneySep {
                // "1.234,-": money is whole rupiahs.
                if m != kind { evidence = styleWhereThousands(kind) }
            } else if let style {
                if (style == .indonesian) == (kind == comma) { decimalAt = lastSep }
            } else if percent {
                decimalAt = lastSep
            }
        } else if moneySep == comma {
            evidence = .indonesian // "1500,-"
        }

        // Integer part: thousands groups must be well formed.
        let intEnd = decimalAt ?? hi
        var intDigits = 0
        var mantissa: UInt64 = 0
        var significant = 0
        var group = 0
        var groups = 0
        let firstGroupLeadingZero = lo < intEnd && b[lo] == zero
        for i in lo..<intEnd {
            let c = b[i]
            if isSep(c) {
                if groups == 0 {
                    if group < 1 || group > 3 || firstGroupLeadingZero { return nil }
                } else if group != 3 {
                    return nil
                }
                groups += 1
                group = 0
                continue
            }
            group += 1
            intDigits += 1
            if significant > 0 || c != zero {
                significant += 1
                if significant <= 18 { mantissa = mantissa &* 10 &+ UInt64(c - zero) }
            }
        }
        if groups > 0 && group != 3 { return nil }
        if significant > 18 { return nil }

        // Decimal part.
        var decimals = 0
        if let d = decimalAt {
            decimals = hi - d - 1
            if decimals > 15 { return nil }
            for i in (d + 1)..<hi {
                let c = b[i]
                if significant > 0 || c != zero { significant += 1 }
                if significant <= 18 { mantissa = mantissa &* 10 &+ UInt64(c - zero) }
            }
        }
        if intDigits == 0 && decimals == 0 { return nil }

        let value: Double
        if significant <= 15 {
            // Both operands exact, so the quotient is correctly rounded.
            value = Double(mantissa) / powersOfTen[decimals]
        } else {
            // Long mantissa: let the standard library round it.
            var text = ""
            text.reserveCapacity(hi - lo + 2)
            for i in lo..<intEnd where isDigit(b[i]) { text.unicodeScalars.append(Unicode.Scalar(b[i])) }
            if text.isEmpty { text = "0" }
            if let d = decimalAt {
                text.append(".")
                for i in (d + 1)..<hi { text.unicodeScalars.append(Unicode.Scalar(b[i])) }
            }
            guard let v = Double(text) else { return nil }
            value = v
        }
        return Parsed(value: value, decimals: decimals, evidence: evidence)
    }
}

private let persenWord = Array("persen".utf8)

private let powersOfTen: [Double] = (0...22).map { p in
    var v = 1.0
    for _ in 0..<p { v *= 10 }
    return v
}
