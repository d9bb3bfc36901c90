import Foundation
import Testing
import Model
@testable import Validate

struct ConfigTests {
    @Test func missingKeysTakeDefaults() throws {
        let empty = try JSONDecoder().decode(ValidateConfig.self, from: Data("{}".utf8))
        #expect(empty == ValidateConfig())
        let partial = try JSONDecoder().decode(ValidateConfig.self, from: Data("""
            {"tolerance": {"allow_truncation": true}, "checks": {"declared_cap": 120},
             "polarity": {"overrides": {"Indeks Pembangunan Gender": "positive"}}}
            """.utf8))
        #expect(partial.tolerance.allowTruncation)
        #expect(partial.tolerance.slack == 1e-9)
        #expect(partial.checks.declaredCap == 120)
        #expect(partial.checks.undeclaredCap)
        #expect(partial.polarity.overrides == ["Indeks Pembangunan Gender": .positive])
        #expect(partial.polarity.negativeKeywords == ValidateConfig().polarity.negativeKeywords)
        #expect(partial.ratingScales.map(\.name) == ["lan_239_2003", "permendagri_86_2017"])
    }

    @Test func roundTrip() throws {
        let data = try JSONEncoder().encode(ValidateConfig())
        #expect(try JSONDecoder().decode(ValidateConfig.self, from: data) == ValidateConfig())
    }

    @Test func customScaleByName() throws {
        let config = try JSONDecoder().decode(ValidateConfig.self, from: Data("""
            {"rating_scale": "baik", "rating_scales": [{"name": "baik", "bands": [
              {"label": "Baik", "at_least": 80}, {"label": "Kurang"}]}]}
            """.utf8))
        let r = record("Indikator", target: cell("100", 100), realisasi: cell("79", 79), capaian: cell("79", 79),
                       category: "Baik")
        #expect(rules([r], config: config) == ["category.mismatch"])
    }
}
