import Model

/// Each rule in plain words, Indonesian and English, for the report.
public enum RuleGlossary {
    public struct Entry: Sendable, Equatable {
        /// Short name.
        public var titleID: String
        public var titleEN: String
        /// What the rule checks, one or two sentences.
        public var id: String
        public var en: String
    }

    public static func entry(_ rule: RuleCode) -> Entry {
        entries[rule.rawValue] ?? Entry(
            titleID: rule.rawValue, titleEN: rule.rawValue,
            id: "Aturan tambahan \(rule.rawValue); lihat pesan temuan.",
            en: "Additional rule \(rule.rawValue); see the finding's message.")
    }

    static let entries: [String: Entry] = [
        "capaian.mismatch": Entry(
            titleID: "Capaian tidak sesuai", titleEN: "Achievement does not match",
            id: "Capaian kinerja yang tercetak berbeda dari hasil hitung ulang dari target dan realisasi (realisasi ÷ target × 100, atau rumus kebalikannya untuk indikator yang makin kecil makin baik), melebihi selisih pembulatan.",
            en: "The printed capaian (achievement) differs from the value recomputed from target and realisasi (realisasi ÷ target × 100, or the inverse formula for lower-is-better indicators) by more than rounding."),
        "capaian.polarity": Entry(
            titleID: "Rumus polaritas terbalik", titleEN: "Wrong-polarity formula",
            id: "Capaian dihitung dengan rumus polaritas yang salah: indikator yang makin kecil makin baik dihitung seperti yang makin besar makin baik, atau sebaliknya.",
            en: "The capaian was computed with the other polarity's formula: a lower-is-better indicator computed as higher-is-better, or the reverse."),
        "capaian.div0": Entry(
            titleID: "Galat pembagian padahal bisa dihitung", titleEN: "Spreadsheet error where a value is computable",
            id: "Sel menampilkan galat lembar kerja (#DIV/0! dan sejenisnya) padahal target tidak nol, sehingga capaian bisa dihitung.",
            en: "The cell shows a spreadsheet error (#DIV/0! and the like) although the target is not zero, so the figure can be computed."),
        "capaian.div0_target_zero": Entry(
            titleID: "Galat pembagian karena target kosong", titleEN: "Division error from an empty or zero target",
            id: "Sel menampilkan galat pembagian karena target kosong atau nol; catatan, bukan kesalahan hitung.",
            en: "The cell shows a division error because the target is empty or zero; a note, not a miscalculation."),
        "capaian.cap": Entry(
            titleID: "Capaian dibatasi tanpa keterangan", titleEN: "Capped achievement, cap not declared",
            id: "Capaian tercetak tepat pada batas (mis. 100 atau 120) padahal hitungan sebenarnya lebih tinggi, dan dokumen tidak menyatakan batas tersebut.",
            en: "The capaian is printed at a cap value (e.g. 100 or 120) while the computed value is higher, and the document declares no cap."),
        "capaian.no_data": Entry(
            titleID: "Capaian tanpa data realisasi", titleEN: "Achievement printed without data",
            id: "Capaian dicetak padahal realisasi kosong atau dinyatakan belum ada data.",
            en: "A capaian is printed although the realisasi is missing or stated as not yet available."),
        "capaian.ordinal": Entry(
            titleID: "Capaian target kualitatif", titleEN: "Qualitative target achievement",
            id: "Target berupa peringkat (mis. Pratama, BB, WTP) dibandingkan dengan realisasinya menurut urutan peringkat.",
            en: "A ranked target (e.g. Pratama, BB, WTP) compared with its realisasi by rank."),
        "anggaran.mismatch": Entry(
            titleID: "Capaian anggaran tidak sesuai", titleEN: "Budget absorption does not match",
            id: "Capaian anggaran yang tercetak berbeda dari realisasi anggaran ÷ pagu × 100, melebihi selisih pembulatan.",
            en: "The printed capaian anggaran (budget absorption) differs from budget spent ÷ pagu (budget ceiling) × 100 by more than rounding."),
        "anggaran.overrun": Entry(
            titleID: "Realisasi anggaran melebihi pagu", titleEN: "Spending above the budget ceiling",
            id: "Realisasi anggaran (Rp) lebih besar dari pagunya.",
            en: "Budget spent (Rp) is greater than its pagu (budget ceiling)."),
        "rollup.pagu": Entry(
            titleID: "Pagu induk ≠ jumlah rinciannya", titleEN: "Parent budget ≠ sum of its parts",
            id: "Pagu program atau kegiatan tidak sama dengan jumlah pagu kegiatan atau sub kegiatan di bawahnya.",
            en: "The pagu (budget ceiling) of a programme or kegiatan (activity) is not the sum of the pagu of the activities or sub-activities below it."),
        "rollup.realisasi_rp": Entry(
            titleID: "Realisasi induk ≠ jumlah rinciannya", titleEN: "Parent spending ≠ sum of its parts",
            id: "Realisasi anggaran program atau kegiatan tidak sama dengan jumlah realisasi di bawahnya.",
            en: "The budget spent by a programme or kegiatan is not the sum of the spending below it."),
        "total.mismatch": Entry(
            titleID: "Baris jumlah tidak sesuai", titleEN: "Printed total does not match",
            id: "Baris Jumlah/Total tidak sama dengan penjumlahan baris-baris yang dijumlahkannya.",
            en: "A printed Jumlah/Total row is not the sum of the rows it totals."),
        "category.mismatch": Entry(
            titleID: "Kategori tidak sesuai capaian", titleEN: "Rating does not match the achievement",
            id: "Kategori (mis. Sangat Berhasil) tidak sesuai dengan nilai capaian menurut skala penilaian dokumen.",
            en: "The rating label (e.g. Sangat Berhasil, very successful) disagrees with the capaian under the document's rating scale."),
        "average.mismatch": Entry(
            titleID: "Rata-rata tidak sesuai", titleEN: "Printed average does not match",
            id: "Baris rata-rata capaian tidak sama dengan rata-rata hitung ulang dari barisnya.",
            en: "A printed group average (Rata-rata) differs from the average recomputed from its rows."),
        "quarter.regression": Entry(
            titleID: "Realisasi kumulatif turun", titleEN: "Cumulative value went down",
            id: "Realisasi kumulatif suatu triwulan lebih kecil dari triwulan sebelumnya.",
            en: "A cumulative quarterly realisasi is lower than the previous quarter's."),
        "value.unparsed": Entry(
            titleID: "Angka tidak terbaca", titleEN: "Unreadable figure",
            id: "Sel pada kolom angka tidak dapat dibaca sebagai angka.",
            en: "A cell in a numeric column could not be read as a number."),
        "value.spreadsheet_error": Entry(
            titleID: "Galat lembar kerja", titleEN: "Spreadsheet error cell",
            id: "Sel menampilkan galat lembar kerja (#VALUE!, #REF!, #N/A, #####).",
            en: "A cell shows a spreadsheet error (#VALUE!, #REF!, #N/A, #####)."),
        "polarity.conflict": Entry(
            titleID: "Polaritas bertentangan dengan katalog", titleEN: "Polarity contradicts the catalog",
            id: "Dokumen menghitung indikator dengan polaritas yang bertentangan dengan katalog indikatornya sendiri.",
            en: "The document computes an indicator with the polarity its own indicator catalog contradicts."),
    ]
}
