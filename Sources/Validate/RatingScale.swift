import Model

/// A rating scale for the Kategori column: LAN 239/2003 (Sangat Berhasil …
/// Tidak Berhasil) in LKjIPs, Permendagri 86/2017 (Sangat Tinggi … Sangat
/// Rendah) in RKPD/Renja evaluations, or one from pipeline.yml.
struct RatingScale: Sendable {
    let name: String
    private let bands: [ValidateConfig.RatingBand]

    init(_ config: ValidateConfig.RatingScale) {
        name = config.name
        bands = config.bands
    }

    /// The band label a capaian falls in.
    func rate(_ capaian: Double) -> String? {
        bands.first { band in
            if let above = band.above { return capaian > above }
            if let atLeast = band.atLeast { return capaian >= atLeast }
            return true
        }?.label
    }

    /// True when `label` is one of the scale's labels (case and spacing ignored).
    func knows(_ label: String) -> Bool {
        bands.contains { Self.same($0.label, label) }
    }

    static func same(_ a: String, _ b: String) -> Bool { Words(a) == Words(b) }
}

/// Picks each document's scale: the configured one, or under `auto` the
/// scale that knows every label the document prints. A document that
/// prints labels of its own (`Sangat baik`, `Baik`, `Sedang`, `Kurang`)
/// rates on its own scale, not on a regulation's that shares one word.
struct RatingScaleChooser: Sendable {
    let scales: [RatingScale]
    let fixed: String?

    init(config: ValidateConfig) {
        scales = config.ratingScales.map(RatingScale.init)
        fixed = config.ratingScale.lowercased() == "auto" ? nil : config.ratingScale
    }

    func scale(forLabels labels: [String]) -> RatingScale? {
        if let fixed { return scales.first { $0.name == fixed } }
        var distinct: [String] = []
        for label in labels where !distinct.contains(where: { RatingScale.same($0, label) }) { distinct.append(label) }
        guard !distinct.isEmpty else { return nil }
        return scales.first { scale in distinct.allSatisfy(scale.knows) }
    }
}
