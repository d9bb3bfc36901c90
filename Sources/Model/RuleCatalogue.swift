/// Every rule code kinerja emits, with the severity its findings carry,
/// the fields it marks and what it means in Indonesian and English (the
/// report's glossary is a view of this list). A rule declares the codes it
/// emits (`ValidationRule.emits`); the tests check each has a spec here.
public struct RuleSpec: Sendable, Equatable {
    public let code: RuleCode
    public let severity: Severity
    /// A miss within one unit of the printed figure's last decimal (a
    /// figure truncated instead of rounded, or computed from rounded
    /// figures) is a `warning` instead.
    public let minorIsWarning: Bool
    /// The `field` values of its findings (`value field`: any of target,
    /// realisasi, capaian, pagu, realisasi_rp, capaian_anggaran).
    public let fields: [String]
    /// Short name.
    public let titleID: String
    public let titleEN: String
    /// What the rule checks, one or two sentences.
    public let explanationID: String
    public let explanationEN: String

    init(code: RuleCode, severity: Severity, minorIsWarning: Bool = false, fields: [String],
         titleID: String, titleEN: String, explanationID: String, explanationEN: String) {
        self.code = code
        self.severity = severity
        self.minorIsWarning = minorIsWarning
        self.fields = fields
        self.titleID = titleID
        self.titleEN = titleEN
        self.explanationID = explanationID
        self.explanationEN = explanationEN
    }
}

public enum RuleCatalogue {
    /// The spec of `code`; nil for a code kinerja does not emit.
    public static func spec(_ code: RuleCode) -> RuleSpec? { byCode[code] }

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    public static let all: [RuleSpec] = [
        RuleSpec(
            code: .capaianMismatch, severity: .error, minorIsWarning: true, fields: ["capaian"],
            titleID: "Capaian tidak sesuai", titleEN: "Achievement does not match",
            explanationID: "Capaian kinerja yang tercetak berbeda dari hasil hitung ulang dari target dan realisasi (realisasi ÷ target × 100, atau rumus kebalikannya untuk indikator yang makin kecil makin baik), melebihi selisih pembulatan.",
            explanationEN: "The printed capaian (achievement) differs from the value recomputed from target and realisasi (realisasi ÷ target × 100, or the inverse formula for lower-is-better indicators) by more than rounding."),
        RuleSpec(
            code: .capaianPolarity, severity: .error, fields: ["capaian"],
            titleID: "Rumus polaritas terbalik", titleEN: "Wrong-polarity formula",
            explanationID: "Capaian dihitung dengan rumus polaritas yang salah: indikator yang makin kecil makin baik dihitung seperti yang makin besar makin baik, atau sebaliknya.",
            explanationEN: "The capaian was computed with the other polarity's formula: a lower-is-better indicator computed as higher-is-better, or the reverse."),
        RuleSpec(
            code: .capaianDiv0, severity: .error, fields: ["capaian", "capaian_anggaran"],
            titleID: "Galat pembagian padahal bisa dihitung", titleEN: "Spreadsheet error where a value is computable",
            explanationID: "Sel menampilkan galat lembar kerja (#DIV/0! dan sejenisnya) padahal target tidak nol, sehingga capaian bisa dihitung.",
            explanationEN: "The cell shows a spreadsheet error (#DIV/0! and the like) although the target is not zero, so the figure can be computed."),
        RuleSpec(
            code: .capaianDiv0TargetZero, severity: .info, fields: ["capaian", "capaian_anggaran"],
            titleID: "Galat pembagian karena target kosong", titleEN: "Division error from an empty or zero target",
            explanationID: "Sel menampilkan galat pembagian karena target kosong atau nol; catatan, bukan kesalahan hitung.",
            explanationEN: "The cell shows a division error because the target is empty or zero; a note, not a miscalculation."),
        RuleSpec(
            code: .capaianCap, severity: .warning, fields: ["capaian"],
            titleID: "Capaian dibatasi tanpa keterangan", titleEN: "Capped achievement, cap not declared",
            explanationID: "Capaian tercetak tepat pada batas (mis. 100 atau 120) padahal hitungan sebenarnya lebih tinggi, dan dokumen tidak menyatakan batas tersebut.",
            explanationEN: "The capaian is printed at a cap value (e.g. 100 or 120) while the computed value is higher, and the document declares no cap."),
        RuleSpec(
            code: .capaianNoData, severity: .warning, fields: ["capaian"],
            titleID: "Capaian tanpa data realisasi", titleEN: "Achievement printed without data",
            explanationID: "Capaian dicetak padahal realisasi kosong atau dinyatakan belum ada data.",
            explanationEN: "A capaian is printed although the realisasi is missing or stated as not yet available."),
        RuleSpec(
            code: .capaianOrdinal, severity: .warning, fields: ["capaian"],
            titleID: "Capaian target kualitatif", titleEN: "Qualitative target achievement",
            explanationID: "Target berupa peringkat (mis. Pratama, BB, WTP) dibandingkan dengan realisasinya menurut urutan peringkat.",
            explanationEN: "A ranked target (e.g. Pratama, BB, WTP) compared with its realisasi by rank."),
        RuleSpec(
            code: .anggaranMismatch, severity: .error, minorIsWarning: true, fields: ["capaian_anggaran"],
            titleID: "Capaian anggaran tidak sesuai", titleEN: "Budget absorption does not match",
            explanationID: "Capaian anggaran yang tercetak berbeda dari realisasi anggaran ÷ pagu × 100, melebihi selisih pembulatan.",
            explanationEN: "The printed capaian anggaran (budget absorption) differs from budget spent ÷ pagu (budget ceiling) × 100 by more than rounding."),
        RuleSpec(
            code: .anggaranOverrun, severity: .warning, fields: ["realisasi_rp"],
            titleID: "Realisasi anggaran melebihi pagu", titleEN: "Spending above the budget ceiling",
            explanationID: "Realisasi anggaran (Rp) lebih besar dari pagunya.",
            explanationEN: "Budget spent (Rp) is greater than its pagu (budget ceiling)."),
        RuleSpec(
            code: .rollupPagu, severity: .error, fields: ["pagu"],
            titleID: "Pagu induk ≠ jumlah rinciannya", titleEN: "Parent budget ≠ sum of its parts",
            explanationID: "Pagu program atau kegiatan tidak sama dengan jumlah pagu kegiatan atau sub kegiatan di bawahnya.",
            explanationEN: "The pagu (budget ceiling) of a programme or kegiatan (activity) is not the sum of the pagu of the activities or sub-activities below it."),
        RuleSpec(
            code: .rollupRealisasiRp, severity: .error, fields: ["realisasi_rp"],
            titleID: "Realisasi induk ≠ jumlah rinciannya", titleEN: "Parent spending ≠ sum of its parts",
            explanationID: "Realisasi anggaran program atau kegiatan tidak sama dengan jumlah realisasi di bawahnya.",
            explanationEN: "The budget spent by a programme or kegiatan is not the sum of the spending below it."),
        RuleSpec(
            code: .totalMismatch, severity: .error, fields: ["value field"],
            titleID: "Baris jumlah tidak sesuai", titleEN: "Printed total does not match",
            explanationID: "Baris Jumlah/Total tidak sama dengan penjumlahan baris-baris yang dijumlahkannya.",
            explanationEN: "A printed Jumlah/Total row is not the sum of the rows it totals."),
        RuleSpec(
            code: .categoryMismatch, severity: .error, fields: ["category"],
            titleID: "Kategori tidak sesuai capaian", titleEN: "Rating does not match the achievement",
            explanationID: "Kategori (mis. Sangat Berhasil) tidak sesuai dengan nilai capaian menurut skala penilaian dokumen.",
            explanationEN: "The rating label (e.g. Sangat Berhasil, very successful) disagrees with the capaian under the document's rating scale."),
        RuleSpec(
            code: .averageMismatch, severity: .error, minorIsWarning: true, fields: ["capaian"],
            titleID: "Rata-rata tidak sesuai", titleEN: "Printed average does not match",
            explanationID: "Baris rata-rata capaian tidak sama dengan rata-rata hitung ulang dari barisnya.",
            explanationEN: "A printed group average (Rata-rata) differs from the average recomputed from its rows."),
        RuleSpec(
            code: .quarterRegression, severity: .warning, fields: ["realisasi", "realisasi_rp"],
            titleID: "Realisasi kumulatif turun", titleEN: "Cumulative value went down",
            explanationID: "Realisasi kumulatif suatu triwulan lebih kecil dari triwulan sebelumnya.",
            explanationEN: "A cumulative quarterly realisasi is lower than the previous quarter's."),
        RuleSpec(
            code: .valueUnparsed, severity: .warning, fields: ["value field"],
            titleID: "Angka tidak terbaca", titleEN: "Unreadable figure",
            explanationID: "Sel pada kolom angka tidak dapat dibaca sebagai angka.",
            explanationEN: "A cell in a numeric column could not be read as a number."),
        RuleSpec(
            code: .valueSpreadsheetError, severity: .warning, fields: ["value field"],
            titleID: "Galat lembar kerja", titleEN: "Spreadsheet error cell",
            explanationID: "Sel menampilkan galat lembar kerja (#VALUE!, #REF!, #N/A, #####).",
            explanationEN: "A cell shows a spreadsheet error (#VALUE!, #REF!, #N/A, #####)."),
        RuleSpec(
            code: .polarityConflict, severity: .warning, fields: ["capaian"],
            titleID: "Polaritas bertentangan dengan katalog", titleEN: "Polarity contradicts the catalog",
            explanationID: "Dokumen menghitung indikator dengan polaritas yang bertentangan dengan katalog indikatornya sendiri.",
            explanationEN: "The document computes an indicator with the polarity its own indicator catalog contradicts."),
    ]
}
