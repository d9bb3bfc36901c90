import Foundation
import Model
import Testing
import TestSupport
@testable import Validate

/// One spec per rule code: what the rules emit, what the report explains
/// and what the gold files hold agree.
struct RuleCatalogueTests {
    @Test func everyCodeTheRulesEmitHasOneSpec() {
        var config = ValidateConfig()
        config.checks.ordinalTargets = true
        let emitted = Validator(config: config).emits
        let specified = RuleCatalogue.all.map(\.code)
        #expect(Set(specified).count == specified.count, "a code with two specs")
        #expect(emitted == Set(specified))
        for spec in RuleCatalogue.all {
            #expect(!spec.titleID.isEmpty && !spec.titleEN.isEmpty && !spec.explanationID.isEmpty && !spec.explanationEN.isEmpty)
            #expect(!spec.fields.isEmpty)
        }
        // A check turned off emits nothing.
        #expect(!Validator(config: ValidateConfig()).emits.contains(.capaianOrdinal))
    }

    /// The hand-made gold of the dev and real corpora uses the codes and
    /// severities of the catalogue.
    @Test func goldFindingsUseTheCataloguesCodesAndSeverities() throws {
        let folders = [SharedFolder.dev, SharedFolder.real.appendingPathComponent("gold")]
        var seen = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".discrepancies.jsonl") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                for line in text.split(separator: "\n") where !line.isEmpty {
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                    let rule = RuleCode(stringLiteral: object["rule"] as? String ?? "")
                    let spec = RuleCatalogue.spec(rule)
                    #expect(spec != nil, "\(name): \(rule) has no spec")
                    if let severity = object["severity"] as? String, let spec {
                        #expect(spec.severity.rawValue == severity || (spec.minorIsWarning && severity == "warning"),
                                "\(name): \(rule) is \(severity) in the gold: \(line)")
                    }
                    if let field = object["field"] as? String, let spec {
                        #expect(spec.fields.contains(field) || spec.fields.contains("value field"), "\(name): \(rule) on \(field)")
                    }
                    seen += 1
                }
            }
        }
        #expect(seen > 50)
    }
}
