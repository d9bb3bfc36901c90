import Foundation
import Model

/// Numbers as a message to the agency shows them: Indonesian style, dot
/// thousands and decimal comma (`185.470.300`, `95,30`).
enum Wording {
    /// Said of a miss within one unit of the printed figure's last decimal.
    static let minorMiss = "; the gap is within one unit of the printed figure's last decimal (truncated instead of rounded, or computed from rounded figures), so this is a warning"

    /// A percentage or ratio with two decimals: `78,73`.
    static func number(_ x: Double, decimals: Int = 2) -> String {
        let s = String(format: "%.\(decimals)f", x)
        let parts = s.split(separator: ".", maxSplits: 1)
        let whole = group(String(parts[0]))
        return parts.count > 1 ? "\(whole),\(parts[1])" : whole
    }

    /// Rupiah: `Rp 185.470.300` (cents shown only when present).
    static func rupiah(_ x: Double) -> String {
        let cents = (x * 100).rounded().truncatingRemainder(dividingBy: 100)
        return "Rp " + number(x, decimals: cents == 0 ? 0 : 2)
    }

    /// The cell as printed, quoted: `'121'`, or `(empty)`.
    static func printed(_ cell: ValueCell) -> String {
        cell.trimmedRaw.map { "'\($0)'" } ?? "(empty)"
    }

    /// Where the row is, for the reader of a letter: `page 9, table 4, row 1, 2022`.
    static func location(_ r: Record) -> String {
        "page \(r.page), table \(r.table), row \(r.row), period \(r.period)"
    }

    /// How a sum differs: `Rp 1.000.000 more than` / `Rp 1.000.000 less than`.
    static func difference(_ printed: Double, from sum: Double) -> String {
        "\(rupiah(abs(printed - sum))) \(printed > sum ? "more" : "less") than"
    }

    /// A divisor cell in words: `empty`, `zero ('-')`, `zero ('0,00')`.
    static func divisor(_ cell: ValueCell) -> String {
        guard let raw = cell.trimmedRaw else { return "empty" }
        if cell.isDash || cell.value == 0 { return "zero ('\(raw)')" }
        return "'\(raw)'"
    }

    /// `1 sub kegiatan row`, `3 sub kegiatan rows`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// A budget line's label: its program/kegiatan name where printed.
    static func budgetLabel(_ r: Record) -> String {
        guard let name = r.name, !name.isEmpty else { return label(r) }
        return name.count > 90 ? String(name.prefix(87)) + "…" : name
    }

    /// The row's label, shortened for a sentence.
    static func label(_ r: Record) -> String {
        let text = r.indicator.isEmpty ? (r.name ?? "") : r.indicator
        return text.count > 90 ? String(text.prefix(87)) + "…" : text
    }

    private static func group(_ digits: String) -> String {
        var sign = ""
        var d = Substring(digits)
        if d.hasPrefix("-") { sign = "-"; d = d.dropFirst() }
        var out: [Character] = []
        for (i, ch) in d.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return sign + String(out.reversed())
    }
}
