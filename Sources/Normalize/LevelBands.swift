import Model

/// A table that prints several levels side by side, each in its own band of
/// columns with its own indicator and figures: `SASARAN | INDIKATOR SASARAN
/// | TARGET | REALISASI | PROGRAM DAN KEGIATAN | INDIKATOR KEGIATAN |
/// TARGET KEGIATAN …` (a Rencana Aksi monitoring), or `TUJUAN › Uraian |
/// Indikator | Target TW 1–4 | SASARAN › … | PROGRAM › …` (a Rencana Aksi).
/// Each band gives its own records; a row may start an indicator in several
/// bands at once.
struct LevelBand {
    /// The band's columns.
    var columns: Range<Int>
    /// The level the band's header or descriptor column names, if any.
    var level: Level?
    /// The band's name (descriptor) column, if any.
    var nameColumn: Int?

    /// The bands of a table, nil unless it has two or more indicator
    /// columns each followed by columns of figures. Columns after the last
    /// band's figures (a budget, the official in charge) are `trailing`:
    /// they belong to the deepest band that has a record in the row.
    static func bands(of table: LogicalTable) -> (bands: [LevelBand], trailing: Range<Int>)? {
        let roles = table.roles
        let indicators = roles.indices.filter { roles[$0] == .indicator }
        guard indicators.count >= 2 else { return nil }
        let descriptive: Set<ColumnRole> = [.name, .sasaran, .tujuan, .number]
        var starts: [Int] = []
        for i in indicators {
            var s = i
            while s > 0, descriptive.contains(roles[s - 1]) { s -= 1 }
            starts.append(s)
        }
        var bands: [LevelBand] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : roles.count
            guard start < end, (start..<end).contains(where: { c in
                if case .value(let f, _) = roles[c] { return [.target, .realisasi, .capaian].contains(f) }
                return false
            }) else { return nil }
            let name = (start..<indicators[k]).first { roles[$0] != .number }
            bands.append(LevelBand(columns: start..<end, level: level(of: table, columns: start..<indicators[k] + 1),
                                   nameColumn: name))
        }
        // Trailing columns: after the last band's last kinerja figure.
        let last = bands[bands.count - 1]
        let lastFigure = last.columns.last { c in
            if case .value(let f, _) = roles[c] { return [.target, .realisasi, .capaian].contains(f) }
            return false
        } ?? last.columns.upperBound - 1
        bands[bands.count - 1].columns = last.columns.lowerBound..<(lastFigure + 1)
        return (bands, (lastFigure + 1)..<roles.count)
    }

    /// The level named by the band's outermost header cell or its
    /// descriptor column's role.
    static func level(of table: LogicalTable, columns: Range<Int>) -> Level? {
        for c in columns {
            if table.roles[c] == .sasaran { return .sasaran }
            if table.roles[c] == .tujuan { return .tujuan }
            guard c < table.paths.count else { continue }
            let header = HeaderTokens(table.paths[c].joined(separator: " "))
            if let level = HeaderMapper.budgetLevel(named: header)?.level { return level }
            if header.contains(phrase: "sasaran") { return .sasaran }
            if header.contains(phrase: "tujuan") { return .tujuan }
        }
        return nil
    }
}

extension RecordBuilder {
    /// The records of a table read band by band (`LevelBand`): each band's
    /// rows are records of its level, named by its descriptor column, under
    /// the names the outer bands carry at that row.
    func bandRecords(_ table: LogicalTable, bands: [LevelBand], trailing: Range<Int>) -> TableReading {
        // Rows a band leaves blank are the other levels' rows: they give
        // no record of the band (`reading.blank` is not kept).
        var perBand: [[Record]] = []
        for band in bands {
            var part = table
            part.roles = table.roles.indices.map { c in
                band.columns.contains(c) || trailing.contains(c) ? table.roles[c] : .ignored
            }
            // Inside a band its descriptor is the name, whatever its header.
            if let n = band.nameColumn { part.roles[n] = .name }
            var reading = readPlain(part, wholeTableGives: true)
            for i in reading.records.indices { place(&reading.records[i], band: band, bands: bands, table: table) }
            perBand.append(reading.records)
        }
        // Trailing figures (a budget) stay with the deepest band that has a
        // kinerja record in the row; elsewhere they are dropped, and a record
        // left printing nothing goes with them.
        let kinerja: (Record) -> Bool = { r in [r.target, r.realisasi, r.capaian].contains { $0.raw != nil } }
        var deepest: [Int: Int] = [:]
        for (b, records) in perBand.enumerated() {
            for r in records where kinerja(r) { deepest[r.row] = b }
        }
        var kept: [(band: Int, record: Record)] = []
        for (b, bandRecords) in perBand.enumerated() {
            for var r in bandRecords {
                if deepest[r.row] != b {
                    r.pagu = ValueCell(raw: nil, value: nil)
                    r.realisasiRp = ValueCell(raw: nil, value: nil)
                    guard kinerja(r) else { continue }
                }
                kept.append((b, r))
            }
        }
        // One row number per (grid row, band), so that every record keeps a
        // key of its own: table, row, period.
        kept.sort { ($0.record.row, $0.band) < ($1.record.row, $1.band) }
        var number: [Pair: Int] = [:]
        var records: [Record] = []
        for (b, var r) in kept {
            let key = Pair(row: r.row, band: b)
            if number[key] == nil { number[key] = number.count + 1 }
            r.row = number[key]!
            records.append(r)
        }
        return TableReading(records: records)
    }

    private struct Pair: Hashable {
        let row: Int
        let band: Int
    }

    private func place(_ r: inout Record, band: LevelBand, bands: [LevelBand], table: LogicalTable) {
        r.level = band.level
        guard let row = table.rows.first(where: { $0.number == r.row }) else { return }
        r.name = band.nameColumn.map { row.text($0) }.flatMap { $0.isEmpty ? nil : $0 }
        r.path = bands.prefix { $0.columns != band.columns }.compactMap { outer in
            outer.nameColumn.map { row.text($0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if r.indicator.isEmpty, let name = r.name { r.indicator = name }
    }
}

/// A table that names each level in a column of its own, outermost first:
/// `Program | Kegiatan | Target Kinerja | Sub Kegiatan | Target |
/// Realisasi` (an e-IKU print, a Renja form). A row's record is the
/// deepest level's: its name from that column, its path from the outer
/// ones (merged down over their rows); the figures printed left of the
/// deepest column belong to an outer level and are kept as `extra`.
struct LevelColumns {
    /// The deepest level's name column and its level.
    var deepest: Int
    var level: Level
    /// The outer levels' name columns, outermost first.
    var outer: [Int]

    /// Two or more name columns under separate headers, each naming a
    /// different budget level (program, kegiatan, sub kegiatan) in
    /// ascending depth from left to right; nil otherwise.
    static func find(in table: LogicalTable) -> LevelColumns? {
        let names = table.roles.indices.filter { table.roles[$0] == .name && $0 < table.paths.count }
        guard names.count >= 2 else { return nil }
        var levels: [(column: Int, level: Level, depth: Int)] = []
        for c in names {
            guard let level = HeaderMapper.budgetLevel(named: HeaderTokens(table.paths[c].joined(separator: " ")))?.level,
                  let depth = level.budgetDepth else { return nil }
            levels.append((c, level, depth))
        }
        // Strictly deeper from left to right: one header each.
        guard zip(levels, levels.dropFirst()).allSatisfy({ $0.depth < $1.depth }) else { return nil }
        let deepest = levels.last!
        return LevelColumns(deepest: deepest.column, level: deepest.level, outer: levels.dropLast().map(\.column))
    }
}

extension RecordBuilder {
    /// The records of a table whose levels have columns of their own
    /// (`LevelColumns`).
    func levelColumnRecords(_ table: LogicalTable, _ columns: LevelColumns) -> TableReading {
        var part = table
        for c in 0..<columns.deepest where table.roles[c].valueField != nil || table.roles[c].isLevelPagu {
            part.roles[c] = .extra(table.paths[c].joined(separator: " › "))
        }
        for c in columns.outer { part.roles[c] = .ignored }
        var reading = readPlain(part)
        for i in reading.records.indices {
            guard let row = table.rows.first(where: { $0.number == reading.records[i].row }) else { continue }
            reading.records[i].level = columns.level
            reading.records[i].path = columns.outer.map { row.text($0) }.filter { !$0.isEmpty }
        }
        reading.readAs = part.roles.indices.map { c in columns.outer.contains(c) ? .name : part.roles[c] }
        return reading
    }
}
