import Foundation
import Model

/// When a printed figure matches a recomputed one (records.md "Rounding"):
/// a figure printed with d decimals matches within 0.5·10^-d plus a slack.
/// Wider windows (truncation, display rounding of the inputs) are options.
struct Tolerance: Sendable {
    let slack: Double
    let allowTruncation: Bool
    let inputDisplayRounding: Bool
    /// Rupiah a sum may differ by.
    let money: Double

    init(_ config: ValidateConfig.Tolerance) {
        slack = config.slack
        allowTruncation = config.allowTruncation
        inputDisplayRounding = config.inputDisplayRounding
        money = config.money
    }

    /// Contract window: half a unit of the last printed decimal, plus slack.
    func window(decimals: Int) -> Double {
        0.5 * pow(10, -Double(decimals)) + slack
    }

    /// `printed` (shown with `decimals` decimals) against a value computed
    /// directly (a mean of printed figures).
    func accepts(_ printed: Double, decimals: Int, computed: Double) -> Bool {
        if abs(printed - computed) <= window(decimals: decimals) { return true }
        if allowTruncation, abs(printed - truncated(computed, decimals)) <= slack + 1e-9 { return true }
        return false
    }

    /// `printed` against `formula(a, b)` of two printed inputs. With input
    /// display rounding on, any value the formula reaches with the inputs
    /// moved by half a unit of their own printed precision also passes.
    func accepts(_ printed: Double, decimals: Int, inputs a: ValueCell, _ b: ValueCell,
                 formula: (Double, Double) -> Double) -> Bool {
        guard let av = a.value, let bv = b.value else { return false }
        if accepts(printed, decimals: decimals, computed: formula(av, bv)) { return true }
        guard inputDisplayRounding else { return false }
        let ha = 0.5 * pow(10, -Double(a.printedDecimals))
        let hb = 0.5 * pow(10, -Double(b.printedDecimals))
        let corners = [formula(av - ha, bv - hb), formula(av - ha, bv + hb),
                       formula(av + ha, bv - hb), formula(av + ha, bv + hb)].filter(\.isFinite)
        guard let lo = corners.min(), let hi = corners.max() else { return false }
        let w = window(decimals: decimals)
        return printed >= lo - w && printed <= hi + w
    }

    /// A miss within one unit of the last printed decimal (a figure
    /// truncated instead of rounded, or computed from rounded inputs): a
    /// warning rather than a wrong figure (`RuleSpec.minorIsWarning`).
    func isMinor(_ printed: Double, decimals: Int, computed: Double) -> Bool {
        abs(printed - computed) <= pow(10, -Double(decimals)) + slack
    }

    /// Two rupiah amounts agree.
    func sameMoney(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= money + 0.005
    }

    private func truncated(_ x: Double, _ decimals: Int) -> Double {
        let f = pow(10, Double(decimals))
        return (x * f).rounded(.towardZero) / f
    }
}
