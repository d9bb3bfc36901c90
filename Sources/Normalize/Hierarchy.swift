import Model

/// Where a row sits: tujuan › sasaran for outcome rows, program › kegiatan ›
/// sub kegiatan for budgeted rows.
struct Placement: Equatable {
    var level: Level?
    var path: [String]
    var name: String?
}

/// The hierarchy facts of one body row, as read from its cells.
struct HierarchyInput {
    /// Text of the name cell when it starts in this row.
    var ownName: String?
    var tujuan: String?
    var sasaran: String?
    /// True when the tujuan or sasaran cell starts in this row.
    var outcomeStartsHere: Bool
    var bold: Bool
    var italic: Bool
    /// Pagu and realisasi Rp of the row, one entry per period of the table.
    var budgets: [Budget]
    var isTotal: Bool
    /// True for the agency's own row (`DINAS SOSIAL`) above its programs.
    var isOrganisation: Bool = false
    /// Number of dot-separated parts of the row's budget code, when the
    /// table prints one.
    var codeDepth: Int? = nil
    /// The row's list number (`No` column: 1, 2, 3 …), when it prints one.
    var listNumber: Int? = nil
}

/// A row's pagu (budget ceiling) and realisasi Rp in one period.
struct Budget: Equatable {
    var pagu: Double?
    var realisasiRp: Double?
}

extension HierarchyInput {
    /// True when the row prints a pagu or realisasi Rp in some period.
    var hasBudget: Bool { budgets.contains { $0.pagu != nil || $0.realisasiRp != nil } }
}

/// Assigns levels, paths and names to the rows of one table.
///
/// Program rows are bold, in capitals or start with "Program". Below a
/// program, kegiatan (activity) and sub kegiatan (sub-activity) rows are
/// told apart by their face where the document uses one (kegiatan in
/// italics), and otherwise by the sums: a kegiatan's pagu is the sum of the
/// sub kegiatan below it. A row with no name of its own (a second indicator)
/// takes the place of the row above it.
enum HierarchyBuilder {
    static func place(_ rows: [HierarchyInput], hasNameColumn: Bool) -> [Placement] {
        if rows.contains(where: { $0.codeDepth != nil }) { return placeByCode(rows) }
        if isNumberedList(rows) {
            // Items, except those that name themselves programmes.
            return rows.map { row in
                let program = row.ownName?.lowercased().hasPrefix("program") == true && !row.isTotal
                return Placement(level: program ? .program : nil, path: [], name: row.isTotal ? nil : row.ownName)
            }
        }
        var out = Array(repeating: Placement(level: nil, path: [], name: nil), count: rows.count)
        var programIndex: Int?
        var previous: Placement?
        var block: [Int] = []  // named non-program rows of the current program
        // In a budget table a heading in capitals without figures of its
        // own (`PAKET LPSE`) is a section label, not a program.
        let budgeted = rows.contains { $0.budgets.contains { $0.pagu != nil || $0.realisasiRp != nil } }
        let isProgram = { (row: HierarchyInput) in
            HierarchyBuilder.isProgram(row)
                && (!budgeted || row.hasBudget || row.ownName?.lowercased().hasPrefix("program") == true)
        }
        let anyProgram = rows.contains { !$0.isTotal && isProgram($0) }
        var currentTujuan: String?

        func closeBlock() {
            guard !block.isEmpty else { return }
            let levels = classify(block.map { rows[$0] })
            var kegiatan: String?
            let program = programIndex.flatMap { rows[$0].ownName }
            for (i, row) in block.enumerated() {
                let name = rows[row].ownName
                if levels[i] == .kegiatan {
                    kegiatan = name
                    out[row] = Placement(level: .kegiatan, path: program.map { [$0] } ?? [], name: name)
                } else {
                    out[row] = Placement(level: .subKegiatan, path: [program, kegiatan].compactMap { $0 }, name: name)
                }
            }
            block.removeAll()
        }

        for (i, row) in rows.enumerated() {
            if row.isTotal {
                out[i] = Placement(level: nil, path: [], name: nil)
                continue
            }
            if row.isOrganisation, let name = row.ownName {
                closeBlock()
                programIndex = nil
                out[i] = Placement(level: nil, path: [], name: name)
                previous = nil
                continue
            }
            if let name = row.ownName, !name.isEmpty {
                if isProgram(row) {
                    closeBlock()
                    programIndex = i
                    out[i] = Placement(level: .program, path: [], name: name)
                } else if anyProgram || hasNameColumn && rows.contains(where: { $0.tujuan != nil || $0.sasaran != nil }) {
                    block.append(i)
                } else {
                    // A flat list (Belanja Tidak Langsung): no hierarchy.
                    out[i] = Placement(level: nil, path: [], name: name)
                }
                previous = nil
                continue
            }
            if let sasaran = row.sasaran, row.outcomeStartsHere || previous?.level == .sasaran || previous?.level == .tujuan {
                closeBlock()
                programIndex = nil
                out[i] = Placement(level: .sasaran, path: (row.tujuan ?? currentTujuan).map { [$0] } ?? [], name: sasaran)
            } else if let tujuan = row.tujuan, row.outcomeStartsHere || previous?.level == .tujuan {
                closeBlock()
                programIndex = nil
                out[i] = Placement(level: .tujuan, path: [], name: tujuan)
                currentTujuan = tujuan
            } else if i > 0 {
                // A second indicator: same place as the row above (resolved
                // once the block is classified).
                out[i] = Placement(level: nil, path: [], name: nil)
                previous = nil
                continue
            }
            previous = out[i]
        }
        closeBlock()

        // Second-indicator rows copy the row above.
        for (i, row) in rows.enumerated() where i > 0 && (row.ownName ?? "").isEmpty && !row.isTotal
            && out[i].level == nil && out[i].name == nil {
            out[i] = out[i - 1]
        }
        return out
    }

    /// Levels from budget codes (Permendagri 90/2019 nomenclature): the
    /// shallowest code in the table is a program (`1-03.01`), one part more
    /// a kegiatan (`01.2.01`), two more a sub kegiatan (`01.2.01.01`). A
    /// named row without a code is a paket (a procurement package) under
    /// the sub kegiatan above it: no level, the three names as its path.
    static func placeByCode(_ rows: [HierarchyInput]) -> [Placement] {
        let shallowest = rows.compactMap(\.codeDepth).min() ?? 0
        var program: String?, kegiatan: String?, sub: String?
        var out: [Placement] = []
        for row in rows {
            if row.isTotal {
                out.append(Placement(level: nil, path: [], name: nil))
            } else if let depth = row.codeDepth {
                let name = row.ownName
                switch depth - shallowest {
                case 0:
                    program = name; kegiatan = nil; sub = nil
                    out.append(Placement(level: .program, path: [], name: name))
                case 1:
                    kegiatan = name; sub = nil
                    out.append(Placement(level: .kegiatan, path: [program].compactMap { $0 }, name: name))
                default:
                    sub = name
                    out.append(Placement(level: .subKegiatan, path: [program, kegiatan].compactMap { $0 }, name: name))
                }
            } else if let name = row.ownName, !name.isEmpty {
                out.append(Placement(level: nil, path: [program, kegiatan, sub].compactMap { $0 }, name: name))
            } else {
                out.append(out.last ?? Placement(level: nil, path: [], name: nil))
            }
        }
        return out
    }

    /// Every named row with figures numbered 1, 2, 3 … in turn (counting
    /// may start again at 1 under a section heading such as `PAKET PL`):
    /// one flat list of items, the pekerjaan of a realisation report,
    /// whatever their faces.
    static func isNumberedList(_ rows: [HierarchyInput]) -> Bool {
        let items = rows.filter { !$0.isTotal && $0.ownName?.isEmpty == false && ($0.hasBudget || $0.listNumber != nil) }
        guard items.count >= 3 else { return false }
        let numbers = items.compactMap(\.listNumber)
        guard numbers.count == items.count, numbers.first == 1 else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 || $1 == 1 }
    }

    /// `01.2.01.06` → 4, `1-03.01` → 2; nil for text that is not a code.
    static func codeDepth(_ code: String) -> Int? {
        let token = code.split(separator: " ").first.map(String.init) ?? ""
        guard token.contains("."), token.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return token.split(separator: ".").count
    }

    static func isProgram(_ row: HierarchyInput) -> Bool {
        guard let name = row.ownName, !name.isEmpty else { return false }
        if name.lowercased().hasPrefix("program") { return true }
        let letters = name.filter(\.isLetter)
        let upper = letters.filter(\.isUppercase).count
        if letters.count >= 8, Double(upper) / Double(letters.count) > 0.85 { return true }
        return row.bold
    }

    /// Levels of the named rows under one program.
    static func classify(_ rows: [HierarchyInput]) -> [Level] {
        // Faces: kegiatan italic, sub kegiatan plain (or bold vs plain).
        let italic = rows.map(\.italic)
        if italic.contains(true), italic.contains(false) {
            return italic.map { $0 ? .kegiatan : .subKegiatan }
        }
        let bold = rows.map(\.bold)
        if bold.contains(true), bold.contains(false) {
            return bold.map { $0 ? .kegiatan : .subKegiatan }
        }
        return classifyBySums(rows)
    }

    /// Splits the rows into groups [kegiatan, sub kegiatan…] so that as
    /// many kegiatan as possible equal the sum of their sub kegiatan, in
    /// pagu or in realisasi of any period (dynamic programming over the
    /// split points).
    static func classifyBySums(_ rows: [HierarchyInput]) -> [Level] {
        let n = rows.count
        guard n > 0 else { return [] }
        func score(_ head: Int, _ end: Int) -> Int {  // group rows head..<end
            guard end - head >= 2 else { return 0 }
            var s = 0
            let children = rows[(head + 1)..<end]
            for (k, budget) in rows[head].budgets.enumerated() {
                func child(_ row: HierarchyInput) -> Budget? { k < row.budgets.count ? row.budgets[k] : nil }
                if let p = budget.pagu, p > 0 {
                    let sum = children.reduce(0.0) { $0 + (child($1)?.pagu ?? 0) }
                    if abs(sum - p) < 0.5 { s += 2 }
                }
                if let r = budget.realisasiRp, r > 0 {
                    let sum = children.reduce(0.0) { $0 + (child($1)?.realisasiRp ?? 0) }
                    if abs(sum - r) < 0.5 { s += 2 }
                }
            }
            return s
        }
        var best = Array(repeating: Int.min, count: n + 1)
        var from = Array(repeating: 0, count: n + 1)
        best[0] = 0
        for end in 1...n {
            for head in 0..<end where best[head] != Int.min {
                // Ties favour longer groups (fewer kegiatan).
                let s = best[head] + score(head, end)
                if s > best[end] || (s == best[end] && head < from[end]) {
                    best[end] = s
                    from[end] = head
                }
            }
        }
        // A group is a kegiatan over its sub kegiatan only where a sum
        // closes; where none does, nothing shows a parent, and its rows
        // are all kegiatan side by side.
        var levels = Array(repeating: Level.kegiatan, count: n)
        var end = n
        while end > 0 {
            let head = from[end]
            if score(head, end) > 0 {
                for i in (head + 1)..<end { levels[i] = .subKegiatan }
            }
            end = head
        }
        return levels
    }
}
