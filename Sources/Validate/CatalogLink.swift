import Model

/// The indicator catalogs of a batch (from its Pohon Kinerja documents) and
/// what is needed to link the batch's records to them.
///
/// "Same agency": each document's agency key comes from its title
/// (`… DINAS SOSIAL KOTA SUKAMAJU TAHUN 2024` → `dinas sosial kota
/// sukamaju`). A record is linked only to entries of its own agency; when
/// the record's document or the catalog names no agency, the batch is the
/// agency (a batch is usually one agency's documents), so entries of any
/// catalog in the batch are candidates. Titles, not file names, carry the
/// agency: file names are arbitrary, while the title is what the agency
/// printed.
public struct IndicatorCatalog: Sendable {
    public var entries: [IndicatorEntry]
    /// Agency key of each document, by doc_id (nil or missing: unknown).
    public var agencies: [String: String]
    /// Minimum word similarity for a match (see `CatalogConfig.matchThreshold`).
    public var threshold: Double
    /// Words left out when comparing indicator texts.
    public var fillerWords: [String]

    public init(entries: [IndicatorEntry], agencies: [String: String] = [:], threshold: Double = 0.85,
                fillerWords: [String] = CatalogConfig().fillerWords) {
        self.entries = entries
        self.agencies = agencies
        self.threshold = threshold
        self.fillerWords = fillerWords
    }

    public init(entries: [IndicatorEntry], agencies: [String: String], config: CatalogConfig) {
        self.init(entries: entries, agencies: agencies, threshold: config.matchThreshold,
                  fillerWords: config.fillerWords)
    }

    public static let empty = IndicatorCatalog(entries: [])
}

/// Decides the catalog entries' polarity and links records to them.
struct CatalogLinker: Sendable {
    let catalog: IndicatorCatalog
    private let filler: Set<String>
    private var entryWords: [Set<String>] = []
    /// Entries by each word of their indicator text: a record is compared
    /// only with the entries that share a word with it (any other scores 0),
    /// not with the whole catalog.
    private var entriesWithWord: [String: [Int]] = [:]

    init(catalog: IndicatorCatalog) {
        self.catalog = catalog
        filler = Set(catalog.fillerWords.map { Words($0).joined })
        entryWords = catalog.entries.map { words($0.indicator) }
        for (i, words) in entryWords.enumerated() {
            for word in words { entriesWithWord[word, default: []].append(i) }
        }
    }

    /// Every entry with its polarity decided from its own wording: the
    /// formula and definition text, the indicator, the goal above it.
    static func classify(_ entries: [IndicatorEntry], with classifier: PolarityClassifier) -> [IndicatorEntry] {
        entries.map { e in
            var entry = e
            let text = [e.formula, e.definition].compactMap { $0 }.joined(separator: " ")
            let decision = classifier.classify(indicator: e.indicator, formula: text,
                                               goals: [e.goal, e.parent].compactMap { $0 })
            entry.polarity = decision.polarity
            entry.polarityBasis = decision.basis
            return entry
        }
    }

    /// The entry `record` names, if any: same agency (or unknown agency),
    /// the most similar indicator text (Dice similarity of the word sets) at
    /// or above the threshold; ties go to the entry of the record's year.
    func match(_ record: Record, in entries: [IndicatorEntry]) -> Int? {
        guard record.rowKind == .item else { return nil }
        let own = words(record.indicator)
        guard !own.isEmpty else { return nil }
        let agency = catalog.agencies[record.docID]
        var best: (index: Int, score: Double, sameYear: Bool)?
        // Words shared with each entry that shares any, counted from the
        // index; visited in catalog order, as the ties are settled by it.
        var shared: [Int: Int] = [:]
        for word in own {
            for i in entriesWithWord[word] ?? [] { shared[i, default: 0] += 1 }
        }
        let candidates = catalog.threshold > 0 ? shared.keys.sorted() : Array(entries.indices)
        for i in candidates where entries[i].docID != record.docID {
            if let a = agency, let b = entries[i].agency, a != b { continue }
            let common = shared[i] ?? 0
            let score = entryWords[i].isEmpty ? 0 : 2 * Double(common) / Double(own.count + entryWords[i].count)
            guard score >= catalog.threshold else { continue }
            let sameYear = entries[i].period?.contains(String(record.period.year)) ?? false
            if best == nil || score > best!.score + 1e-9 || (abs(score - best!.score) <= 1e-9 && sameYear && !best!.sameYear) {
                best = (i, score, sameYear)
            }
        }
        return best?.index
    }

    private func words(_ text: String) -> Set<String> {
        Set(Words(text).tokens.filter { !filler.contains($0) })
    }
}

/// `polarity.conflict`: a record linked to its agency's catalog whose
/// printed capaian was computed with the other polarity's formula — the
/// document computes the indicator as higher-is-better while its own
/// catalog says lower-is-better, or the reverse. It takes the place of
/// `capaian.polarity` for linked records (one finding per cell).
struct PolarityConflictRule: ValidationRule {
    static let codes: [RuleCode] = [.polarityConflict]
    var emits: [RuleCode] { Self.codes }

    let tolerance: Tolerance
    let entries: [String: IndicatorEntry]

    func findings(in input: ValidationInput) -> [Finding] {
        input.records.indices.compactMap { i in
            let r = input.records[i]
            guard input.roles[i] == .item, let key = r.indicatorRef, let entry = entries[key],
                  let printed = r.capaian.value, let target = r.target.value, target != 0,
                  r.realisasi.value != nil else { return nil }
            let decimals = r.capaian.printedDecimals
            let own = entry.polarity
            let ownFormula = { (t: Double, x: Double) in CapaianFormula.capaian(own, target: t, realisasi: x) }
            if tolerance.accepts(printed, decimals: decimals, inputs: r.target, r.realisasi, formula: ownFormula) {
                return nil
            }
            let other = own.other
            let otherFormula = { (t: Double, x: Double) in CapaianFormula.capaian(other, target: t, realisasi: x) }
            guard tolerance.accepts(printed, decimals: decimals, inputs: r.target, r.realisasi, formula: otherFormula)
            else { return nil }
            let expected = CapaianFormula.capaian(own, target: target, realisasi: r.realisasi.value!)
            let words = own == .negative ? "lower-is-better" : "higher-is-better"
            return input.finding(i, field: "capaian", rule: .polarityConflict,
                                 reported: r.capaian.trimmedRaw, expected: expected, message:
                "Capaian \(Wording.printed(r.capaian)) of '\(Wording.label(r))' (\(Wording.location(r))) was computed as \(CapaianFormula.describe(other)), but the agency's own indicator catalog (\(entry.sourceFile), page \(entry.page)) makes '\(entry.indicator)' \(words) (\(entry.polarityBasis ?? own.rawValue)); computed as \(CapaianFormula.describe(own)) it is \(Wording.number(expected)).")
        }
    }
}
