import Testing
import Model
@testable import Validate

/// The contract's rounding rule: a figure with d decimals matches within
/// 0.5·10^-d (+1e-9); truncation and input display rounding are options.
struct ToleranceTests {
    let contract = Tolerance(ValidateConfig.Tolerance())
    let ratio = { (t: Double, r: Double) in r / t * 100 }

    @Test func windowIsHalfTheLastPrintedDecimal() {
        #expect(abs(contract.window(decimals: 2) - 0.005) < 1e-8)
        #expect(abs(contract.window(decimals: 0) - 0.5) < 1e-8)
    }

    @Test func figureExactlyAtTheToleranceMatches() {
        // 1 / 8 × 100 = 12,5: printed 13 or 12 (0 decimals) are both exactly 0,5 away.
        #expect(contract.accepts(13, decimals: 0, inputs: cell("8", 8), cell("1", 1), formula: ratio))
        #expect(contract.accepts(12, decimals: 0, inputs: cell("8", 8), cell("1", 1), formula: ratio))
        // 12,4 with one decimal is 0,1 away: beyond 0,05.
        #expect(!contract.accepts(12.4, decimals: 1, inputs: cell("8", 8), cell("1", 1), formula: ratio))
        // 24,715 printed as 24,71 or 24,72: exactly at the edge, both match;
        // 24,7151 printed 24,71 is beyond it.
        #expect(contract.accepts(24.71, decimals: 2, computed: 24.715))
        #expect(contract.accepts(24.72, decimals: 2, computed: 24.715))
        #expect(!contract.accepts(24.71, decimals: 2, computed: 24.7151))
    }

    @Test func truncationIsAnOption() {
        // 79,54 / 83,70 = 95,0299 printed 95,02 (truncated), rules.md C0.1.
        let printed = 95.02
        #expect(!contract.accepts(printed, decimals: 2, inputs: cell("83,70", 83.7), cell("79,54", 79.54), formula: ratio))
        var config = ValidateConfig.Tolerance()
        config.allowTruncation = true
        #expect(Tolerance(config).accepts(printed, decimals: 2, inputs: cell("83,70", 83.7), cell("79,54", 79.54), formula: ratio))
    }

    @Test func inputDisplayRoundingIsAnOption() {
        // Realisasi printed 17 was about 17,2: 17 / 69 = 24,64 but 24,93 printed.
        #expect(!contract.accepts(24.93, decimals: 2, inputs: cell("69", 69), cell("17", 17), formula: ratio))
        var config = ValidateConfig.Tolerance()
        config.inputDisplayRounding = true
        // 17,5 / 68,5 = 25,55 bounds the range from above.
        #expect(Tolerance(config).accepts(24.93, decimals: 2, inputs: cell("69", 69), cell("17", 17), formula: ratio))
        #expect(!Tolerance(config).accepts(26, decimals: 2, inputs: cell("69", 69), cell("17", 17), formula: ratio))
    }

    @Test func moneyIsExact() {
        #expect(contract.sameMoney(185_470_300, 185_470_300))
        #expect(!contract.sameMoney(186_470_300, 185_470_300))
        #expect(!contract.sameMoney(100, 101))
    }
}
