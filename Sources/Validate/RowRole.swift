import Model

/// Tells item, group-average (`Rata-rata …`) and total (`Jumlah`, `TOTAL`)
/// rows apart. Trusts `record.rowKind` when Normalize set it; records that
/// say `.item` (gold records carry no row kind) are recognised by their label.
struct RowRoleResolver: Sendable {
    private let averageLabels: PhraseList
    private let totalLabels: PhraseList

    init(config: ValidateConfig) {
        averageLabels = PhraseList(config.averageLabels)
        totalLabels = PhraseList(config.totalLabels)
    }

    func role(of record: Record) -> RowKind {
        guard record.rowKind == .item else { return record.rowKind }
        // A labelled summary row prints no target or realisasi of its own.
        guard record.target.trimmedRaw == nil, record.realisasi.trimmedRaw == nil else { return .item }
        let label = Words(record.indicator)
        if averageLabels.prefix(of: label) != nil { return .average }
        if record.level == nil, totalLabels.isExactly(label) { return .total }
        return .item
    }
}
