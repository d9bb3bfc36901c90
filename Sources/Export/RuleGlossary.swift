import Model

/// Each rule in plain words, Indonesian and English, for the report: a view
/// of `RuleCatalogue`.
public enum RuleGlossary {
    public struct Entry: Sendable, Equatable {
        /// Short name.
        public var titleID: String
        public var titleEN: String
        /// What the rule checks, one or two sentences.
        public var id: String
        public var en: String
    }

    public static func entry(_ rule: RuleCode) -> Entry {
        guard let spec = RuleCatalogue.spec(rule) else {
            return Entry(titleID: rule.rawValue, titleEN: rule.rawValue,
                         id: "Aturan tambahan \(rule.rawValue); lihat pesan temuan.",
                         en: "Additional rule \(rule.rawValue); see the finding's message.")
        }
        return Entry(titleID: spec.titleID, titleEN: spec.titleEN, id: spec.explanationID, en: spec.explanationEN)
    }
}
