import Foundation
import Model

/// A Formula Perhitungan read apart: `Jml PPKS yang memperoleh bantuan /
/// Jumlah PPKS … X 100%` → numerator, denominator and multiplier 100.
struct FormulaParts: Equatable {
    var numerator: String? = nil
    var denominator: String? = nil
    var multiplier: Double? = nil

    init(numerator: String? = nil, denominator: String? = nil, multiplier: Double? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.multiplier = multiplier
    }

    /// Reads `formula`; without a formula, a rate the indicator names (`per
    /// 100.000 penduduk`) still gives the multiplier.
    init(formula: String?, indicator: String) {
        guard let formula, !formula.isEmpty else {
            multiplier = FormulaParts.perRate(in: indicator)
            return
        }
        var body = formula
        if let (m, range) = FormulaParts.trailingMultiplier(formula) {
            multiplier = m
            body = String(formula[..<range.lowerBound])
        }
        let sides = FormulaParts.splitRatio(body)
        if sides.count == 2 {
            numerator = FormulaParts.unwrap(sides[0])
            denominator = FormulaParts.unwrap(sides[1])
        }
        if numerator == nil || denominator == nil {
            numerator = nil
            denominator = nil
            // `X 100%` alone, without a ratio, multiplies nothing.
            if multiplier != nil, sides.count < 2 { multiplier = nil }
        }
    }

    /// `x 100%`, `X 100.000`, `× 1.000` at the end of the formula.
    static func trailingMultiplier(_ text: String) -> (Double, Range<String.Index>)? {
        let pattern = #"[xX×\*]\s*(\d{1,3}(?:[.,]\d{3})*|\d+)\s*%?\s*\)?\s*$"#
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        let digits = text[range].filter(\.isNumber)
        guard let value = Double(digits), value > 0 else { return nil }
        return (value, range)
    }

    /// `per 100.000 penduduk` → 100000.
    static func perRate(in text: String) -> Double? {
        guard let range = text.range(of: #"(?i)per\s+(\d{1,3}(?:[.,]\d{3})+|\d+)"#, options: .regularExpression)
        else { return nil }
        return Double(text[range].filter(\.isNumber))
    }

    /// Splits at a `/` that divides (spaced, or between brackets), not one
    /// inside a word (`dan/atau`, `PPKS/PMKS`, `Kabupaten/Kota`) or inside
    /// brackets.
    static func splitRatio(_ text: String) -> [String] {
        let chars = Array(text)
        var depth = 0
        var cuts: [Int] = []
        for (i, ch) in chars.enumerated() {
            switch ch {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "/" where depth == 0:
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                if before.isWhitespace || after.isWhitespace || before == ")" || after == "(" { cuts.append(i) }
            default: break
            }
        }
        guard cuts.count == 1 else { return [text] }
        return [String(chars[..<cuts[0]]), String(chars[(cuts[0] + 1)...])]
    }

    /// Trimmed, with brackets around the whole side removed.
    static func unwrap(_ side: String) -> String? {
        var t = CatalogText.clean(side)
        while t.hasPrefix("("), t.hasSuffix(")"), balanced(String(t.dropFirst().dropLast())) {
            t = CatalogText.clean(String(t.dropFirst().dropLast()))
        }
        return t.isEmpty ? nil : t
    }

    private static func balanced(_ t: String) -> Bool {
        var depth = 0
        for ch in t {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}

/// A target as a tree prints it: `85,50%`, `1.250 Orang`, `50 Org`, `B (65)`.
struct TargetText: Equatable {
    var cell: ValueCell = .empty
    var unit: String?

    init(cell: ValueCell = .empty, unit: String? = nil) {
        self.cell = cell
        self.unit = unit
    }

    /// The leading figure is the value and the words after it the unit; a
    /// target naming several figures (`6 Keg./ 16 Komunitas`) or none keeps
    /// only its raw text.
    init(_ raw: String?, style: NumberStyle? = nil) {
        guard let raw = raw.map(CatalogText.clean), !raw.isEmpty else { return }
        cell = ValueCell(raw: raw, value: nil)
        let figures = raw.split(whereSeparator: { $0.isWhitespace || $0 == "/" })
            .filter { $0.first?.isNumber == true }
        guard figures.count == 1, raw.first?.isNumber == true else {
            if case .dash = NumberParser.read(raw, style: style) { cell.value = nil }
            return
        }
        // The figure with a trailing `%` stuck to it, then the unit words.
        var number = ""
        var rest = Substring(raw)
        while let ch = rest.first, ch.isNumber || ch == "." || ch == "," {
            number.append(ch); rest = rest.dropFirst()
        }
        rest = rest.drop { $0.isWhitespace }
        if rest.hasPrefix("%") {
            number.append("%")
            rest = rest.dropFirst().drop { $0.isWhitespace }
            unit = "%"
        }
        cell.value = NumberParser.read(number, style: style).value
        let words = CatalogText.clean(String(rest))
        if !words.isEmpty { unit = unit == nil ? words : unit }
    }
}
