import Foundation
import Model

/// `quarter.regression`: realisasi in the quarterly reports (Triwulan I–IV)
/// is cumulative over the year, so a row's realisasi (kinerja) or
/// realisasi Rp may not fall from one quarter to the next. The finding goes
/// on the later quarter's record.
///
/// A workbook prints each quarter on its own sheet (its own table), so a row
/// is followed across tables by its indicator and name text (and, for
/// repeated texts, its position among them). Quarters come from one
/// document, or, when configured, from several documents of the same agency
/// and year in the batch (see `AgencyKey`).
///
/// Some tables print each quarter's own figures instead of running totals;
/// in those many rows fall from one quarter to the next. A series group
/// where more than `nonCumulativeShare` of the steps fall is taken for such
/// a table and not checked.
struct QuarterRegression: ValidationRule {
    var emits: [RuleCode] { [.quarterRegression] }

    let acrossDocuments: Bool
    var nonCumulativeShare: Double = 0.10

    func findings(in input: ValidationInput) -> [Finding] {
        var seriesByGroup: [SeriesGroup: [QuarterSlot: Int]] = [:]
        var quarterSource: [SeriesGroup: [Int: String]] = [:]
        var found: [Finding] = []
        for rows in input.tables {
            var ordinal: [RowIdentity: Int] = [:]
            for i in rows where input.roles[i] == .item {
                let r = input.records[i]
                guard let q = r.period.quarter else { continue }
                let group = SeriesGroup(source: acrossDocuments ? AgencyKey(r.sourceFile).text : r.docID,
                                        year: r.period.year)
                // One document per quarter: the first one in the batch that has it.
                let owner = quarterSource[group, default: [:]][q] ?? r.docID
                quarterSource[group, default: [:]][q] = owner
                guard owner == r.docID else { continue }
                var id = RowIdentity(indicator: Words(r.indicator).joined, name: Words(r.name).joined, ordinal: 0)
                id.ordinal = ordinal[id, default: 0]
                ordinal[id] = id.ordinal + 1
                let slot = QuarterSlot(row: id, quarter: q)
                if seriesByGroup[group, default: [:]][slot] == nil {
                    seriesByGroup[group, default: [:]][slot] = i
                }
            }
        }
        for (group, slots) in seriesByGroup where Self.isCumulative(slots, input) {
            var steps = 0
            var groupFindings: [Finding] = []
            for (slot, i) in slots where slot.quarter > 1 {
                guard let p = slots[QuarterSlot(row: slot.row, quarter: slot.quarter - 1)] else { continue }
                steps += comparableSteps(previous: p, current: i, input)
                groupFindings += compare(previous: p, current: i, input, group)
            }
            let share = steps == 0 ? 0 : Double(groupFindings.count) / Double(steps)
            if groupFindings.count < 3 || share <= nonCumulativeShare { found += groupFindings }
        }
        return found
    }

    /// Whether the quarters of a series group are running totals against an
    /// annual figure: most rows that print a target (or a pagu) in two or
    /// more quarters print the same one in each, the year's target that a
    /// growing realisasi is measured against. Tables of each quarter's own
    /// amount (no target, or a target per quarter) are not checked.
    static func isCumulative(_ slots: [QuarterSlot: Int], _ input: ValidationInput) -> Bool {
        var byRow: [RowIdentity: [Int]] = [:]
        for (slot, i) in slots { byRow[slot.row, default: []].append(i) }
        for field in [ValueField.target, .pagu] {
            var rows = 0, annual = 0
            for indices in byRow.values {
                let values = indices.compactMap { input.records[$0][field].value }
                guard values.count >= 2 else { continue }
                rows += 1
                if Set(values).count == 1 { annual += 1 }
            }
            if rows >= 1, Double(annual) >= 0.8 * Double(rows) { return true }
        }
        return false
    }

    /// Fields printed with a number in both quarters.
    private func comparableSteps(previous p: Int, current i: Int, _ input: ValidationInput) -> Int {
        [ValueField.realisasi, .realisasiRp].filter {
            input.records[p][$0].value != nil && input.records[i][$0].value != nil
        }.count
    }

    private func compare(previous p: Int, current i: Int, _ input: ValidationInput, _ group: SeriesGroup) -> [Finding] {
        let before = input.records[p], now = input.records[i]
        return [ValueField.realisasi, .realisasiRp].compactMap { field in
            guard let was = before[field].value, let is_ = now[field].value, is_ < was else { return nil }
            let amount = { (x: Double, cell: ValueCell) in
                field == .realisasiRp ? Wording.rupiah(x) : "'\(cell.trimmedRaw ?? Wording.number(x))'"
            }
            let sameDoc = before.docID == now.docID ? "" : " (\(before.sourceFile))"
            return input.finding(i, field: field.rawValue, rule: .quarterRegression,
                                 reported: now[field].trimmedRaw, expected: was, message:
                "Cumulative realisasi \(amount(is_, now[field])) of '\(Wording.label(now))' (\(Wording.location(now))) is lower than \(amount(was, before[field])) in \(before.period) (page \(before.page)\(sameDoc)); cumulative realisasi cannot fall, so one of the two quarters is misreported.")
        }
    }

    private struct SeriesGroup: Hashable {
        let source: String
        let year: Int
    }

    /// The same printed row in every quarter.
    struct RowIdentity: Hashable {
        let indicator: String
        let name: String
        var ordinal: Int
    }

    struct QuarterSlot: Hashable {
        let row: RowIdentity
        let quarter: Int
    }
}

/// Which agency a file reports on, from its name with the quarter markers
/// removed: `lkj_tw2_2024_dinsos.pdf` and `lkj_tw3_2024_dinsos.pdf` → `lkj 2024 dinsos`.
struct AgencyKey: Sendable, Equatable {
    let text: String

    init(_ sourceFile: String) {
        let base = (sourceFile as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        text = Words(stem.replacingOccurrences(of: "_", with: " ")).tokens
            .filter { !AgencyKey.isQuarterMarker($0) }
            .joined(separator: " ")
    }

    private static let markers: Set<String> = ["tw", "trw", "triwulan", "q", "i", "ii", "iii", "iv", "sd", "s-d"]

    static func isQuarterMarker(_ token: String) -> Bool {
        if markers.contains(token) { return true }
        for prefix in ["triwulan", "trw", "tw", "q"] where token.hasPrefix(prefix) {
            let rest = token.dropFirst(prefix.count).drop { $0 == "-" || $0 == "0" }
            if ["1", "2", "3", "4", "i", "ii", "iii", "iv"].contains(String(rest)) { return true }
        }
        return false
    }
}
