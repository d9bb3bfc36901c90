import Testing
import Model
@testable import Validate

struct PolarityClassifierTests {
    let classifier = PolarityClassifier(ValidateConfig.PolarityRules())

    func polarity(_ indicator: String, formula: String? = nil, level: Level? = nil,
                  name: String? = nil, path: [String] = []) -> PolarityDecision {
        classifier.classify(record(indicator, level: level, path: path, name: name,
                                   target: cell("5", 5), formula: formula))
    }

    @Test(arguments: [
        "Persentase masyarakat miskin",
        "Persentase penduduk miskin",
        "Angka kemiskinan ekstrem",
        "Rasio KDRT",
        "Rasio kekerasan terhadap perempuan dan anak",
        "Prevalensi stunting pada balita",
        "Persentase balita gizi buruk",
        "Angka kematian bayi per 1.000 kelahiran hidup",
        "Angka kesakitan demam berdarah dengue per 100.000 penduduk",
        "Angka kebutuhan ber-KB tidak terlayani (Unmet Need)",
        "Tingkat pengangguran terbuka",
        "Angka putus sekolah",
        "Persentase desa rentan rawan pangan",
        "Persentase kasus penyakit hewan menular strategis",
        "Persentase balita yang mengalami stunting",
        "Persentase kasus kekerasan yang tidak tertangani",
        "Jumlah pengaduan yang belum ditindaklanjuti",
        "Tingkat Pengangguran Terbuka (TPT)",
        "Laju Pertumbuhan Penduduk",
        "Total Fertility Rate (TFR)",
        "Persentase perkawinan anak",
        "Persentase rumah tidak layak huni",
    ])
    func lowerIsBetter(_ indicator: String) {
        let d = polarity(indicator)
        #expect(d.polarity == .negative, "\(indicator): \(d.basis)")
    }

    @Test(arguments: [
        "Persentase anak korban kekerasan yang tertangani",
        "Persentase perempuan korban kekerasan yang mendapat layanan",
        "Persentase penurunan kasus kekerasan",
        "Persentase PMKS yang tertangani",
        "Angka prevalensi pemakaian kontrasepsi (CPR)",
        "Persentase penduduk miskin yang menjadi peserta PBI jaminan kesehatan daerah",
        "Persentase keluarga miskin dalam DTKS yang telah diverifikasi dan divalidasi",
        "Persentase ternak yang bebas penyakit hewan menular strategis",
        "Jumlah PPKS penerima layanan permakanan",
        "Angka keberhasilan pengobatan TBC (success rate)",
        "Indeks Kepuasan Masyarakat terhadap layanan perangkat daerah",
        "Persentase penurunan temuan BPK",
        "Cakupan penanganan PMKS",
        "Indeks Pembangunan Gender",
        "Persentase tindak lanjut temuan",
    ])
    func higherIsBetter(_ indicator: String) {
        let d = polarity(indicator)
        #expect(d.polarity == .positive, "\(indicator): \(d.basis)")
    }

    @Test func basisExplainsTheDecision() {
        #expect(polarity("Persentase masyarakat miskin").basis == "keyword: 'miskin'")
        #expect(polarity("Persentase anak korban kekerasan yang tertangani").basis == "exception: 'tertangani'")
        #expect(polarity("Persentase organisasi perempuan yang aktif").basis == "default")
        // `terlayani` inside `tidak terlayani` is no exception.
        #expect(polarity("Angka kebutuhan ber-KB tidak terlayani").basis == "keyword: 'tidak terlayani'")
        // A negated exception is a negative keyword.
        #expect(polarity("Persentase kasus kekerasan yang tidak tertangani").basis == "keyword: 'kasus'")
        #expect(polarity("Persentase PPKS yang belum tertangani").basis == "keyword: 'ppks'")
        #expect(polarity("Persentase dokumen yang belum terverifikasi").basis == "keyword: 'belum terverifikasi'")
    }

    @Test func formulaTextDecides() {
        let d = polarity("Indeks risiko bencana", formula: "((2 x Rencana) - Realisasi) / Rencana x 100%")
        #expect(d.polarity == .negative)
        #expect(d.basis == "formula: '2 x rencana'")
        #expect(polarity("Rasio KDRT", formula: "Bersifat positif").polarity == .positive)
    }

    @Test func overrideWins() {
        var rules = ValidateConfig.PolarityRules()
        rules.overrides = ["Persentase  masyarakat MISKIN": .positive]
        let d = PolarityClassifier(rules).classify(record("Persentase masyarakat miskin", target: cell("5", 5)))
        #expect(d == PolarityDecision(polarity: .positive, basis: "override in pipeline.yml"))
    }

    @Test func parentGoalVerbNamesTheObject() {
        // "Menurunnya angka penyalahgunaan narkoba": the indicator names the object.
        let d = polarity("Prevalensi penyalahgunaan narkoba", level: .sasaran,
                         name: "Menurunnya angka penyalahgunaan narkoba")
        #expect(d.polarity == .negative)
        #expect(d.basis == "parent goal reduces 'penyalahgunaan'")
        // …but a success rate under "Menurunnya angka kesakitan" stays positive.
        #expect(polarity("Angka keberhasilan pengobatan TBC", level: .sasaran,
                         name: "Menurunnya angka kesakitan penyakit menular").polarity == .positive)
    }

    @Test func budgetLinesArePositive() {
        let line = budget("Iuran Jaminan Kematian PNS", nil, row: 1, pagu: cell("21.591.000", 21_591_000),
                          spent: cell("14.667.413", 14_667_413))
        let d = classifier.classify(line)
        #expect(d.polarity == .positive)
        #expect(d.basis.hasPrefix("default: budget line"))
    }

    @Test func validatorStoresPolarityAndBasis() {
        let out = Validator(config: ValidateConfig()).validate([record("Rasio KDRT", target: cell("0,01", 0.01))]).records
        #expect(out[0].polarity == .negative)
        #expect(out[0].polarityBasis == "keyword: 'kdrt'")
    }
}
