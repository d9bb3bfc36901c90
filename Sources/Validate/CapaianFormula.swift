import Model

/// Capaian (achievement, %) of an indicator from its target and realisasi.
/// - positive polarity (higher is better): realisasi / target × 100;
/// - negative polarity (lower is better):
///   (2 × target − realisasi) / target × 100, the form both LKjIP
///   (LAN 239/2003) and the quarterly workbooks state.
enum CapaianFormula {
    static func capaian(_ polarity: Polarity, target: Double, realisasi: Double) -> Double {
        switch polarity {
        case .positive: return realisasi / target * 100
        case .negative: return (2 * target - realisasi) / target * 100
        }
    }

    /// Capaian anggaran (budget absorption, "serapan"): realisasi Rp / pagu × 100.
    static func anggaran(pagu: Double, realisasiRp: Double) -> Double {
        realisasiRp / pagu * 100
    }

    /// How a reviewer reads the formula.
    static func describe(_ polarity: Polarity) -> String {
        switch polarity {
        case .positive: return "realisasi / target × 100"
        case .negative: return "(2 × target − realisasi) / target × 100"
        }
    }
}
