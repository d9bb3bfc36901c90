import Model

/// The period a column belongs to, read from its header: a year
/// (`Tahun 2021`) or a quarter (`TW I`, `Triwulan II`, a lone `III`).
public enum PeriodHint: Hashable, Sendable {
    case year(Int)
    case quarter(Int)
    /// A year relative to the form's plan year n (`tahun (n-2)` → -2), as
    /// the Renja evaluation forms print them.
    case relative(Int)
}

/// A level of budgeted work; a paket is one procurement package (pekerjaan)
/// under a sub kegiatan.
public enum BudgetLevel: String, Hashable, Sendable {
    case program, kegiatan, paket
    case subKegiatan = "sub_kegiatan"

    init?(level: Level?) {
        switch level {
        case .program?: self = .program
        case .kegiatan?: self = .kegiatan
        case .subKegiatan?: self = .subKegiatan
        case nil: self = .paket
        default: return nil
        }
    }

    /// The record level of the level's rows; nil for a paket (a paket row
    /// has no level).
    var level: Level? {
        switch self {
        case .program: return .program
        case .kegiatan: return .kegiatan
        case .subKegiatan: return .subKegiatan
        case .paket: return nil
        }
    }
}

/// What a table column holds.
public enum ColumnRole: Hashable, Sendable {
    case number
    case tujuan
    case sasaran
    /// Program / kegiatan / sub kegiatan name, or Uraian.
    case name
    case indicator
    case formula
    case unit
    case category
    case value(ValueField, PeriodHint?)
    /// Kode: the budget code (`1-03.01`, `01.2.01`, `01.2.01.01`) whose
    /// depth gives the row's level; kept under `extra` by its header text.
    case code(String)
    /// One of several pagu columns, each for one level (`ANGGARAN PER
    /// PAKET`, `PER SUB KEGIATAN`, `PER KEGIATAN`, `PER PROGRAM`): a row
    /// takes its pagu from its own level's column; the others go to `extra`.
    case levelPagu(BudgetLevel, String)
    /// A column kept under `extra`, by its header text.
    case extra(String)
    case ignored

    var valueField: ValueField? {
        if case .value(let f, _) = self { return f }
        return nil
    }

    var periodHint: PeriodHint? {
        if case .value(_, let p) = self { return p }
        return nil
    }

    var isLevelPagu: Bool {
        if case .levelPagu = self { return true }
        return false
    }
}

/// Header text reduced to lowercase word tokens: `Pagu (Rp)` → `pagu rp`,
/// `Capaian (%)` → `capaian %`, `Program/ Kegiatan` → `program kegiatan`.
struct HeaderTokens: Equatable {
    var tokens: [String]

    init(_ text: String) {
        // A header cell that is only a percent sign OCR misread (`Yo`, `o/o`).
        if OCRNumberRepair.percentLookalikes.contains(text.trimmingCharacters(in: .whitespaces)) {
            tokens = ["%"]
            return
        }
        var out: [String] = []
        var current = ""
        func flush() {
            var t = current
            while let f = t.first, "([{.:;'\"".contains(f) { t.removeFirst() }
            while let l = t.last, ")]}.:;,'\"".contains(l) { t.removeLast() }
            if !t.isEmpty { out.append(t) }
            current = ""
        }
        for ch in text.lowercased() {
            if ch.isWhitespace || ch == "/" || ch == "," || ch == "\\" {
                flush()
            } else if ch == "%" {
                flush()
                out.append("%")
            } else if ch == "(" || ch == ")" {
                flush()
            } else {
                current.append(ch)
            }
        }
        flush()
        tokens = out
    }

    init(tokens: [String]) {
        self.tokens = tokens
    }

    /// The tokens with a word broken inside a narrow header cell put back
    /// together (`TARGE T` → `target`, `REALISA SI` → `realisasi`): two
    /// neighbours that make a known word when one alone is not; and two
    /// known words run together split (`IndikatorKinerja`); and a word
    /// of five letters or more with one letter read as a digit or symbol
    /// (`TARGE!`, `REAL1SASI`) taken for the known word.
    func mended(_ vocabulary: Set<String>) -> HeaderTokens {
        var out: [String] = []
        for var t in tokens {
            if !vocabulary.contains(t), let word = HeaderTokens.misreadWord(t, vocabulary: vocabulary) { t = word }
            // Two words whose space the text layer lost: `SasaranStrategis`.
            if !vocabulary.contains(t), t.count >= 6,
               let cut = t.indices.dropFirst(2).first(where: { i in
                   vocabulary.contains(String(t[..<i])) && vocabulary.contains(String(t[i...]))
                       && t.distance(from: i, to: t.endIndex) >= 2 }) {
                out += [String(t[..<cut]), String(t[cut...])]
                continue
            }
            if let last = out.last, vocabulary.contains(last + t),
               !vocabulary.contains(last) || !vocabulary.contains(t) {
                out[out.count - 1] = last + t
            } else {
                out.append(t)
            }
        }
        return HeaderTokens(tokens: out)
    }

    /// The known word `token` is when exactly one of its characters, not a
    /// letter, stands where the word has a letter (an OCR misreading).
    static func misreadWord(_ token: String, vocabulary: Set<String>) -> String? {
        let t = Array(token)
        guard t.count >= 5, t.filter({ !$0.isLetter }).count == 1 else { return nil }
        let matches = vocabulary.filter { word in
            let w = Array(word)
            guard w.count == t.count, w.allSatisfy(\.isLetter) else { return false }
            return zip(w, t).filter { $0 != $1 }.count == 1
        }
        return matches.count == 1 ? matches.first : nil
    }

    /// True when the phrase's tokens occur consecutively.
    func contains(phrase: String) -> Bool {
        let p = HeaderTokens(phrase).tokens
        guard !p.isEmpty, p.count <= tokens.count else { return false }
        for i in 0...(tokens.count - p.count) where Array(tokens[i..<(i + p.count)]) == p { return true }
        return false
    }

    func containsAny(_ phrases: [String]) -> Bool { phrases.contains { contains(phrase: $0) } }

    /// A four-digit year between 1990 and 2099 among the tokens.
    var year: Int? {
        for t in tokens where t.count == 4 {
            if let y = Int(t), (1990...2099).contains(y) { return y }
        }
        return nil
    }
}

/// Roman numerals I–IV as quarter numbers.
func quarterNumber(_ token: String) -> Int? {
    switch token.lowercased() {
    case "i", "1": return 1
    case "ii", "2": return 2
    case "iii", "3": return 3
    case "iv", "4": return 4
    default: return nil
    }
}

/// Maps header cells to column roles through the synonyms of `pipeline.yml`.
struct HeaderMapper {
    var columns: NormalizeConfig.Columns

    /// Every word that may appear in a header cell.
    var vocabulary: Set<String> {
        let c = columns
        var v = Set<String>()
        for list in [c.number, c.tujuan, c.sasaran, c.name, c.indicator, c.formula, c.unit, c.target,
                     c.realisasi, c.capaian, c.money, c.kinerja, c.category, c.extraMarkers, c.code, c.ignored] {
            for phrase in list { v.formUnion(HeaderTokens(phrase).tokens) }
        }
        v.formUnion(["dan", "sub", "tahun", "triwulan", "tw", "i", "ii", "iii", "iv", "thn", "tw.", "s.d", "sd",
                     "pengukuran", "strategis", "utama", "akhir", "periode", "semester", "kumulatif", "fisik",
                     "rencana", "tingkat", "nilai", "jumlah", "no", "%", "rp", "-", "&", "atau", "per",
                     "ket", "ket.", "kode", "rekening", "kontrak", "nilai", "nomor", "tanggal", "rerata"])
        return v
    }

    /// True when most words of the cell are header words (and there is one).
    func isHeaderCell(_ text: String, vocabulary: Set<String>) -> Bool {
        let t = HeaderTokens(text).mended(vocabulary)
        guard !t.tokens.isEmpty else { return false }
        // A quarter's number after its word (`TW 1`, `Triwulan 2`) is a header word too.
        let quarterWords: Set<String> = ["tw", "tw.", "triwulan", "trw", "semester"]
        let known = t.tokens.indices.filter { i in
            let w = t.tokens[i]
            if vocabulary.contains(w) || t.year != nil && w == String(t.year!) { return true }
            return i > 0 && quarterWords.contains(t.tokens[i - 1]) && quarterNumber(w) != nil
        }.count
        return Double(known) / Double(t.tokens.count) >= 0.6 && t.tokens.count <= 12
    }

    /// The role of a column whose header cells read `path`, outermost first.
    func role(for path: [String]) -> ColumnRole {
        let words = vocabulary
        let cells = path.map { HeaderTokens($0).mended(words) }
        let all = HeaderTokens(tokens: cells.flatMap(\.tokens))
        guard !all.tokens.isEmpty else { return .ignored }
        let c = columns

        var period: PeriodHint?
        if let y = all.year { period = .year(y) }
        if let offset = HeaderMapper.relativeYear(in: path.joined(separator: " ")) { period = .relative(offset) }
        for (i, cell) in cells.enumerated() {
            // `TW I`, `Triwulan II`, or a header cell that is only `III`.
            if cell.tokens.count == 1, let q = quarterNumber(cell.tokens[0]),
               cell.tokens[0].allSatisfy({ $0 == "i" || $0 == "v" }) {
                period = .quarter(q)
            }
            for (j, t) in cell.tokens.enumerated() where (t == "tw" || t == "tw." || t == "triwulan") && j + 1 < cell.tokens.count {
                if let q = quarterNumber(cell.tokens[j + 1]) { period = .quarter(q) }
            }
            _ = i
        }

        if all.containsAny(c.ignored) { return .ignored }
        if all.containsAny(c.code) { return .code(path.joined(separator: " ")) }
        // Descriptive columns first: "Indikator Kinerja" holds "kinerja" too.
        if all.containsAny(c.indicator) { return .indicator }
        if all.containsAny(c.formula) { return .formula }
        if all.containsAny(c.unit) { return .unit }
        if all.containsAny(c.category) { return .category }

        // The family comes from the innermost header cell that names one;
        // that cell's words decide whether it is an `extra` column (a group
        // `Target dan Realisasi … Tahun Lalu` over `Target Renja 2015` is
        // not `Target Akhir`).
        var family: ValueField?
        var familyCell = all
        for cell in cells.reversed() {
            if let f = valueFamily(of: cell) { family = f; familyCell = cell; break }
        }
        let money = all.containsAny(c.money)
        // A money column named for one budget level (`ANGGARAN PER PAKET`,
        // `ANGGARAN SUB-KEGIATAN`, `PAGU PROGRAM`): whether it is one of
        // several per-level columns is settled in `resolve`.
        if money, family != .realisasi, family != .capaian, let level = HeaderMapper.budgetLevel(named: all) {
            return .levelPagu(level, path.joined(separator: " "))
        }
        if let f = family {
            if familyCell.containsAny(c.extraMarkers) { return .extra(path.joined(separator: " ")) }
            switch f {
            case .capaian: return .value(money ? .capaianAnggaran : .capaian, period)
            case .realisasi: return .value(money ? .realisasiRp : .realisasi, period)
            default: return .value(money ? .pagu : .target, period)
            }
        }
        if money && !all.containsAny(c.name) { return .value(.pagu, period) }
        if all.containsAny(c.sasaran) && !all.containsAny(c.name) { return .sasaran }
        if all.containsAny(c.tujuan) { return .tujuan }
        if all.containsAny(c.name) { return .name }
        if all.containsAny(c.number) && all.tokens.count <= 2 { return .number }
        return .extra(path.joined(separator: " "))
    }

    /// The budget level a money header names (`paket`, `sub kegiatan`,
    /// `sub-kegiatan`, `subkegiatan`, `kegiatan`, `program`), nil when none.
    static func budgetLevel(named header: HeaderTokens) -> BudgetLevel? {
        let t = header.tokens.flatMap { $0.split(separator: "-").map(String.init) }
        let joined = HeaderTokens(tokens: t)
        if joined.contains(phrase: "paket") { return .paket }
        if joined.contains(phrase: "sub kegiatan") || t.contains("subkegiatan") { return .subKegiatan }
        if joined.contains(phrase: "kegiatan") { return .kegiatan }
        if joined.contains(phrase: "program") { return .program }
        return nil
    }

    /// True when a header path marks a running total: `s/d`, `s.d.`, `sd`,
    /// `sampai dengan`, `kumulatif`.
    static func saysCumulative(_ path: [String]) -> Bool {
        let t = HeaderTokens(path.joined(separator: " ")).tokens
        if t.contains(where: { $0 == "s.d" || $0 == "sd" || $0 == "s.d." || $0 == "kumulatif" }) { return true }
        return zip(t, t.dropFirst()).contains { ($0 == "s" && $1 == "d") || ($0 == "sampai" && $1 == "dengan") }
    }

    /// The offset of a year printed relative to the plan year n: `(n-2)`,
    /// `(n- 1)`, `tahun n+1`, `(n)`; nil when the header prints none.
    static func relativeYear(in header: String) -> Int? {
        let s = Array(header.lowercased().filter { !$0.isWhitespace }.map { $0 == "–" || $0 == "−" ? "-" : $0 })
        for i in s.indices where s[i] == "n" {
            // `n` must stand alone: after `(` or `tahun`, not inside a word.
            let before = i > 0 ? s[i - 1] : " "
            let opens = before == "(" || (i >= 5 && String(s[(i - 5)..<i]) == "tahun")
            guard opens else { continue }
            // `(n)`, `tahun n` at the end or before a bracket: the plan year.
            if i + 1 == s.count || s[i + 1] == ")" || s[i + 1] == "," { return 0 }
            guard i + 2 < s.count, s[i + 1] == "-" || s[i + 1] == "+", let k = Int(String(s[i + 2])) else { continue }
            if i + 3 < s.count, s[i + 3].isNumber { continue }
            return s[i + 1] == "-" ? -k : k
        }
        return nil
    }

    /// The value family a header cell names. The longest synonym found
    /// decides (`% Realisasi` and `Tingkat Realisasi` are capaian, `Capaian
    /// Realisasi` a realisasi); between synonyms of one length realisasi
    /// comes before target, and both before capaian (`Realisasi (%)`).
    func valueFamily(of cell: HeaderTokens) -> ValueField? {
        let c = columns
        var best: (field: ValueField, length: Int)?
        for (field, phrases) in [(ValueField.realisasi, c.realisasi), (.target, c.target), (.capaian, c.capaian)] {
            for phrase in phrases where cell.contains(phrase: phrase) {
                let length = HeaderTokens(phrase).tokens.count
                if length > (best?.length ?? 0) { best = (field, length) }
            }
        }
        return best?.field
    }

    /// Settles columns whose header alone is ambiguous: in a budget table
    /// (pagu and realisasi Rp, no kinerja target) a lone `%` or `Capaian`
    /// column is the capaian anggaran.
    func resolve(_ roles: [ColumnRole], paths: [[String]] = []) -> [ColumnRole] {
        var roles = roles
        // A column named for one budget level is one of several per-level
        // pagu columns only when the table has another for a second level;
        // alone it is the table's pagu (`Anggaran Kegiatan`).
        let levels = Set(roles.compactMap { role -> BudgetLevel? in
            if case .levelPagu(let level, _) = role { return level } else { return nil }
        })
        if levels.count < 2 {
            roles = roles.map { role in
                role.isLevelPagu ? .value(.pagu, nil) : role
            }
        }
        // A bare `Rupiah` / `Rp` column to the right of the pagu columns is
        // the realisasi in rupiah (its group header left blank).
        var seenPagu = false
        for (c, role) in roles.enumerated() {
            switch role {
            case .levelPagu: seenPagu = true
            case .value(.pagu, let p):
                let tokens = c < paths.count ? HeaderTokens(paths[c].joined(separator: " ")).tokens : []
                if seenPagu, tokens == ["rupiah"] || tokens == ["rp"] || tokens == ["rp", "."] {
                    roles[c] = .value(.realisasiRp, p)
                }
                seenPagu = true
            default: break
            }
        }
        // A bare `%` right of the realisasi Rp is the capaian anggaran.
        for c in roles.indices.dropFirst() {
            let tokens = c < paths.count ? HeaderTokens(paths[c].joined(separator: " ")).tokens : []
            guard tokens == ["%"] || tokens == ["(%)"] else { continue }
            if case .value(.capaian, let p) = roles[c], case .value(.realisasiRp, _) = roles[c - 1] {
                roles[c] = .value(.capaianAnggaran, p)
            }
        }
        // Beside a year with both target and realisasi, a year with only
        // one of them (`Capaian Tahun 2015` beside 2016's Target /
        // Realisasi / %; the Renja form's `Realisasi … sd Tahun 2014` and
        // next year's `Target … tahun 2016` beside 2015) is context kept
        // under `extra`, not a period of its own.
        // A running total up to a year (`Realisasi … s/d tahun (n-1)`,
        // `s.d. tahun berjalan`) measures no period of its own: beside a
        // period with its own target and realisasi it is context too.
        let cumulative = roles.indices.map { c in
            roles[c].valueField != nil && c < paths.count && HeaderMapper.saysCumulative(paths[c])
        }
        var yearFields: [PeriodHint: Set<ValueField>] = [:]
        for (c, role) in roles.enumerated() where !cumulative[c] {
            if case .value(let f, let p?) = role { yearFields[p, default: []].insert(f) }
        }
        let measured = yearFields.contains { $0.value.isSuperset(of: [.target, .realisasi]) }
            || yearFields.contains { $0.value.isSuperset(of: [.pagu, .realisasiRp]) }
        if measured {
            for c in roles.indices where cumulative[c] && c < paths.count {
                roles[c] = .extra(paths[c].joined(separator: " "))
            }
            for (c, role) in roles.enumerated() {
                guard case .value(_, let y?) = role, let fields = yearFields[y], c < paths.count,
                      !fields.isSuperset(of: [.target, .realisasi]), !fields.isSuperset(of: [.pagu, .realisasiRp])
                else { continue }
                roles[c] = .extra(paths[c].joined(separator: " "))
            }
        }
        // One measured period (target and realisasi, or pagu and realisasi
        // Rp): value columns without a period of their own belong to it
        // (`Tingkat Realisasi (%)` beside `Target … (n-2)` and `Realisasi … (n-2)`).
        let measuredPeriods = roles.reduce(into: [PeriodHint: Set<ValueField>]()) { acc, role in
            if case .value(let f, let p?) = role { acc[p, default: []].insert(f) }
        }.filter { $0.value.isSuperset(of: [.target, .realisasi]) || $0.value.isSuperset(of: [.pagu, .realisasiRp]) }
        if measuredPeriods.count == 1, let only = measuredPeriods.first?.key {
            roles = roles.map { role in
                if case .value(let f, nil) = role { return .value(f, only) } else { return role }
            }
        }
        // A budget table (pagu, no kinerja target): its realisasi is in
        // rupiah and its `%` or `Capaian` is the capaian anggaran.
        let fields = roles.compactMap(\.valueField)
        let budgetOnly = (fields.contains(.pagu) || roles.contains(where: \.isLevelPagu))
            && !fields.contains(.target)
        guard budgetOnly else { return roles }
        return roles.enumerated().map { c, role in
            // `REALISASI FISIK › REALISASI` stays a kinerja figure.
            let kinerja = c < paths.count && HeaderTokens(paths[c].joined(separator: " ")).containsAny(columns.kinerja)
            if case .value(.capaian, let p) = role, !kinerja { return .value(.capaianAnggaran, p) }
            if case .value(.realisasi, let p) = role, !kinerja { return .value(.realisasiRp, p) }
            return role
        }
    }
}
