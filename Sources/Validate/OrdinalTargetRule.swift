import Model

/// `capaian.ordinal` (optional): a qualitative target and realisasi — KLA
/// (Kabupaten/Kota Layak Anak) Pratama < Madya < Nindya < Utama < KLA, SAKIP
/// grades D < C < CC < B < BB < A < AA, BPK opinions TMP < TW < WDP < WTP —
/// compared by rank (rules.md R1.6). Flags a capaian of 100 or more printed
/// although the realisasi ranks below the target.
struct OrdinalTargetRule: ValidationRule {
    var emits: [RuleCode] { [.capaianOrdinal] }

    let scales: [ValidateConfig.OrdinalScale]

    func findings(in input: ValidationInput) -> [Finding] {
        input.records.indices.compactMap { i in
            let r = input.records[i]
            guard input.roles[i] == .item, r.target.value == nil, r.realisasi.value == nil,
                  let t = r.target.trimmedRaw, let x = r.realisasi.trimmedRaw,
                  let capaian = r.capaian.value, capaian >= 100 else { return nil }
            let target = Words(t).joined, real = Words(x).joined
            for scale in scales {
                guard let rt = scale.ranks.firstIndex(of: target), let rx = scale.ranks.firstIndex(of: real) else { continue }
                guard rx < rt else { return nil }
                return input.finding(i, field: "capaian", rule: .capaianOrdinal,
                                     reported: r.capaian.trimmedRaw, expected: nil, message:
                    "Capaian \(Wording.printed(r.capaian)) of '\(Wording.label(r))' (\(Wording.location(r))) says the target was met, but realisasi '\(x)' ranks below target '\(t)' on the \(scale.name) scale (\(scale.ranks.joined(separator: " < "))).")
            }
            return nil
        }
    }
}
