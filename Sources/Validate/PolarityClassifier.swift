import Model

/// A polarity and why it was chosen (stored in `record.polarityBasis`).
struct PolarityDecision: Sendable, Equatable {
    let polarity: Polarity
    let basis: String
}

/// Decides whether an indicator is higher-is-better (positive) or
/// lower-is-better (negative: poverty, violence, mortality …), in the order
/// of rules.md R1.4:
/// 1. an explicit per-indicator override from pipeline.yml;
/// 2. the Cara/Formula text (`(2 x Rencana) - Realisasi`, `bersifat negatif`);
/// 3. budget lines (no kinerja figures) are positive;
/// 4. exceptions: handling or reduction of a bad thing (`… yang tertangani`,
///    `Persentase penurunan …`) and subsets of it (`penduduk miskin yang
///    menjadi peserta PBI`) are positive — unless negated (`tidak tertangani`);
/// 5. a negative keyword in the indicator (`kemiskinan`, `stunting` …);
/// 6. the reduction verb of the parent tujuan/sasaran (`Menurunnya angka
///    kesakitan …`) when the indicator names its object;
/// 7. otherwise positive.
struct PolarityClassifier: Sendable {
    private let overrides: [String: Polarity]
    private let negativeFormula: [String]
    private let positiveFormula: [String]
    private let negativeKeywords: PhraseList
    private let positivePhrases: PhraseList
    private let negationWords: Set<String>
    private let subsetClause: Bool
    private let reductionVerbs: Set<String>
    private let genericNouns: Set<String>

    init(_ rules: ValidateConfig.PolarityRules) {
        overrides = Dictionary(rules.overrides.map { (Words($0.key).joined, $0.value) }, uniquingKeysWith: { a, _ in a })
        negativeFormula = rules.negativeFormulaPhrases
        positiveFormula = rules.positiveFormulaPhrases
        negativeKeywords = PhraseList(rules.negativeKeywords)
        positivePhrases = PhraseList(rules.positivePhrases)
        negationWords = Set(rules.negationWords.map { Words($0).joined })
        subsetClause = rules.subsetClause
        reductionVerbs = Set(rules.reductionVerbs.map { Words($0).joined })
        genericNouns = Set(rules.genericNouns.map { Words($0).joined })
    }

    func classify(_ record: Record) -> PolarityDecision {
        let indicator = Words(record.indicator)
        if let p = overrides[indicator.joined] {
            return PolarityDecision(polarity: p, basis: "override in pipeline.yml")
        }
        let formula = SquashedText(record.formula)
        if let phrase = negativeFormula.first(where: formula.contains) {
            return PolarityDecision(polarity: .negative, basis: "formula: '\(phrase)'")
        }
        if let phrase = positiveFormula.first(where: formula.contains) {
            return PolarityDecision(polarity: .positive, basis: "formula: '\(phrase)'")
        }
        if isBudgetLine(record) {
            return PolarityDecision(polarity: .positive, basis: "default: budget line without kinerja figures")
        }
        return classify(indicator: indicator, parents: parentGoals(of: record))
    }

    /// The polarity of a catalog entry: the override, the formula (and
    /// definition) text, then steps 4–7 on the indicator and the goal texts
    /// above it. A parent text that is itself an indicator (`Persentase
    /// penurunan …`) is no goal and is left out.
    func classify(indicator text: String, formula: String?, goals: [String]) -> PolarityDecision {
        let indicator = Words(text)
        if let p = overrides[indicator.joined] {
            return PolarityDecision(polarity: p, basis: "override in pipeline.yml")
        }
        let squashed = SquashedText(formula)
        if let phrase = negativeFormula.first(where: squashed.contains) {
            return PolarityDecision(polarity: .negative, basis: "formula: '\(phrase)'")
        }
        if let phrase = positiveFormula.first(where: squashed.contains) {
            return PolarityDecision(polarity: .positive, basis: "formula: '\(phrase)'")
        }
        let parents = goals.map { Words($0) }.filter { !($0.tokens.first.map(genericNouns.contains) ?? true) }
        return classify(indicator: indicator, parents: parents)
    }

    /// Steps 4–7 on the indicator text and the texts of its parent goals.
    func classify(indicator: Words, parents: [Words] = []) -> PolarityDecision {
        // A negated positive phrase (`tidak tertangani`) is a negative keyword.
        let positives = positivePhrases.hits(in: indicator)
        let negated = positives.filter { $0.range.lowerBound > 0 && negationWords.contains(indicator.tokens[$0.range.lowerBound - 1]) }
            .map { PhraseHit(phrase: indicator.tokens[($0.range.lowerBound - 1)..<$0.range.upperBound].joined(separator: " "),
                             range: ($0.range.lowerBound - 1)..<$0.range.upperBound) }
        let negatives = negativeKeywords.hits(in: indicator) + negated
        let verbObject = parents.lazy.compactMap { reductionObject(in: $0) }.first { indicator.tokens.contains($0) }
        if negatives.isEmpty && verbObject == nil {
            return PolarityDecision(polarity: .positive, basis: "default")
        }
        // A positive phrase counts unless it sits inside a longer negative
        // keyword (`terlayani` in `tidak terlayani`).
        let exception = positives.first { hit in
            !negatives.contains { $0.range.count > hit.range.count && $0.range.contains(hit.range) }
        }
        if let exception {
            return PolarityDecision(polarity: .positive, basis: "exception: '\(exception.phrase)'")
        }
        if subsetClause, let yang = indicator.tokens.firstIndex(of: "yang"), !negatives.isEmpty,
           negatives.allSatisfy({ $0.range.upperBound <= yang }) {
            return PolarityDecision(polarity: .positive,
                                    basis: "exception: subset clause '\(negatives[0].phrase) yang …'")
        }
        if let first = negatives.min(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            return PolarityDecision(polarity: .negative, basis: "keyword: '\(first.phrase)'")
        }
        return PolarityDecision(polarity: .negative, basis: "parent goal reduces '\(verbObject ?? "")'")
    }

    /// Budget lines (LKjIP Realisasi Anggaran rows) print no target,
    /// realisasi or capaian; polarity does not apply to them.
    private func isBudgetLine(_ r: Record) -> Bool {
        r.target.trimmedRaw == nil && r.realisasi.trimmedRaw == nil && r.capaian.trimmedRaw == nil
            && (r.pagu.trimmedRaw != nil || r.realisasiRp.trimmedRaw != nil)
    }

    /// Tujuan/sasaran texts above the record: its own name when it is an
    /// outcome row, and its path.
    private func parentGoals(of r: Record) -> [Words] {
        var texts = r.path
        if r.level == .tujuan || r.level == .sasaran, let name = r.name { texts.append(name) }
        return texts.map { Words($0) }
    }

    /// The head noun a reduction verb applies to: `Menurunnya angka kesakitan
    /// penyakit menular` → `kesakitan`.
    private func reductionObject(in goal: Words) -> String? {
        guard let v = goal.tokens.firstIndex(where: reductionVerbs.contains) else { return nil }
        return goal.tokens[(v + 1)...].first { !genericNouns.contains($0) }
    }
}
