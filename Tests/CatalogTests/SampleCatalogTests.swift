import Foundation
import Model
import Testing
import Validate

/// The generated samples in `samples/pohon/`: every field of every entry,
/// as the generator (`generate.py`) wrote it into the PDF.
@Suite struct SampleCatalogTests {
    static let tableOwner = "DINAS SOSIAL KOTA SUKAMAJU"

    /// The table form: mandate › outcome › output rows, the second group
    /// cut by the page break (the definition of "Rasio kekerasan …" runs on
    /// to page 2, its mandate cell merged over both pages), the header
    /// repeated, a sign-off block and verification table after it that are
    /// not data.
    @Test func tableForm() throws {
        let (result, normalized, docs) = try Pipeline.batch([Pipeline.sample("pohon_tabel_2024_dinsos_kota_sukamaju.pdf")])
        #expect(normalized[0].kind == .pohon)
        #expect(normalized[0].records.isEmpty)
        #expect(normalized[0].agency == "dinas sosial kota sukamaju")
        let entries = result.indicators
        let expected: [ExpectedEntry] = [
            ExpectedEntry(
                page: 1, level: .outcome, goal: "Meningkatnya cakupan PPKS yang mendapat pelayanan sosial",
                indicator: "Persentase PPKS yang tertangani", parent: "Menurunnya masalah kesejahteraan sosial",
                definition: "Perseorangan, keluarga, kelompok, dan/atau masyarakat yang karena suatu hambatan, kesulitan, atau gangguan tidak dapat melaksanakan fungsi sosialnya, sehingga memerlukan pelayanan sosial untuk memenuhi kebutuhan hidupnya secara memadai dan wajar",
                formula: "Jml PPKS yang memperoleh bantuan sosial dalam 1 tahun / Jumlah PPKS dalam 1 tahun yang seharusnya memperoleh bantuan X 100%",
                numerator: "Jml PPKS yang memperoleh bantuan sosial dalam 1 tahun",
                denominator: "Jumlah PPKS dalam 1 tahun yang seharusnya memperoleh bantuan", multiplier: 100,
                targetRaw: "85,50%", targetValue: 85.5, unit: "%",
                crosscutting: ["DINAS KESEHATAN", "DINAS PENDIDIKAN DAN KEBUDAYAAN", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"],
                polarity: .positive),
            ExpectedEntry(
                page: 1, level: .output,
                goal: "Meningkatnya jumlah PPKS yang menerima layanan rehabilitasi sosial, bantuan sosial atau konseling",
                indicator: "Jumlah PPKS terdaftar yang telah menerima layanan sosial", parent: "Persentase PPKS yang tertangani",
                definition: "PPKS yang tercatat dalam sistem layanan sosial dan telah menerima sedikitnya satu layanan rehabilitasi sosial, bantuan sosial atau konseling dalam tahun berjalan",
                formula: "Jumlah PPKS terdaftar yang menerima layanan sosial dalam 1 tahun",
                targetRaw: "1.250 Orang", targetValue: 1250, unit: "Orang",
                crosscutting: ["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"], polarity: .positive),
            ExpectedEntry(
                page: 1, level: .outcome, goal: "Berkurangnya ketergantungan lanjut usia terlantar",
                indicator: "Rasio ketergantungan lanjut usia terlantar", parent: "Menurunnya masalah kesejahteraan sosial",
                definition: "Perbandingan antara jumlah lanjut usia terlantar yang bergantung sepenuhnya pada bantuan pemerintah dengan jumlah seluruh lanjut usia di daerah",
                formula: "Jumlah lanjut usia terlantar yang bergantung pada bantuan / Jumlah lanjut usia X 1.000",
                numerator: "Jumlah lanjut usia terlantar yang bergantung pada bantuan", denominator: "Jumlah lanjut usia",
                multiplier: 1000, targetRaw: "35", targetValue: 35, crosscutting: ["DINAS KESEHATAN"], polarity: .negative),
            ExpectedEntry(
                page: 1, level: .outcome, goal: "Meningkatnya perlindungan perempuan dan anak dari tindak kekerasan",
                indicator: "Rasio kekerasan terhadap perempuan dan anak (per 100.000 penduduk)",
                parent: "Menurunnya angka kekerasan terhadap perempuan dan anak",
                definition: "Jumlah kasus kekerasan terhadap perempuan dan anak yang dilaporkan dan tercatat pada unit layanan terpadu dibandingkan dengan jumlah penduduk perempuan dan anak pada tahun yang sama",
                formula: "Jumlah kasus kekerasan terhadap perempuan dan anak / Jumlah penduduk perempuan dan anak X 100.000",
                numerator: "Jumlah kasus kekerasan terhadap perempuan dan anak", denominator: "Jumlah penduduk perempuan dan anak",
                multiplier: 100_000, targetRaw: "12,50", targetValue: 12.5,
                crosscutting: ["DINAS KESEHATAN", "RSUD KOTA SUKAMAJU", "DINAS PENDIDIKAN DAN KEBUDAYAAN"],
                polarity: .negative),
            ExpectedEntry(
                page: 2, level: .output,
                goal: "Tersedianya akses cepat ke layanan pengaduan kekerasan terhadap perempuan dan anak",
                indicator: "Persentase pengaduan kekerasan yang ditindaklanjuti",
                parent: "Rasio kekerasan terhadap perempuan dan anak (per 100.000 penduduk)",
                definition: "Laporan kekerasan terhadap perempuan dan anak yang diterima melalui hotline dan pos pengaduan dan ditindaklanjuti oleh petugas terlatih paling lambat 1 x 24 jam",
                formula: "(Jumlah pengaduan yang ditindaklanjuti) / (Jumlah pengaduan yang diterima) x 100 %",
                numerator: "Jumlah pengaduan yang ditindaklanjuti", denominator: "Jumlah pengaduan yang diterima",
                multiplier: 100, targetRaw: "95%", targetValue: 95, unit: "%",
                crosscutting: ["DINAS KOMUNIKASI DAN INFORMATIKA"], polarity: .positive),
            ExpectedEntry(
                page: 2, level: .outcome, goal: "Menurunnya angka stunting pada balita",
                indicator: "Prevalensi stunting pada balita",
                parent: "Meningkatnya pengendalian pertumbuhan penduduk dan keluarga berencana",
                definition: "Persentase balita dengan tinggi badan menurut umur di bawah minus dua standar deviasi dari median standar pertumbuhan anak",
                formula: "Jumlah balita stunting / Jumlah balita yang diukur X 100%",
                numerator: "Jumlah balita stunting", denominator: "Jumlah balita yang diukur", multiplier: 100,
                targetRaw: "14,00%", targetValue: 14, unit: "%",
                crosscutting: ["DINAS KESEHATAN", "DINAS PANGAN DAN PERTANIAN"], polarity: .negative),
            ExpectedEntry(
                page: 2, level: .output, goal: "Meningkatnya aksi percepatan penanganan keluarga yang berisiko stunting",
                indicator: "Persentase Pasangan Usia Subur yang mendapatkan fasilitasi dan pembinaan 1000 HPK",
                parent: "Prevalensi stunting pada balita",
                definition: "Jumlah PUS yang hamil atau yang mempunyai anak balita yang mendapatkan pembinaan / pendampingan 1000 Hari Pertama Kehidupan",
                formula: "Jumlah PUS yang mendapatkan fasilitasi dan pembinaan 1000 HPK / Jumlah PUS hamil + PUS yang memiliki baduta X 100%",
                numerator: "Jumlah PUS yang mendapatkan fasilitasi dan pembinaan 1000 HPK",
                denominator: "Jumlah PUS hamil + PUS yang memiliki baduta", multiplier: 100,
                targetRaw: "75%", targetValue: 75, unit: "%", crosscutting: ["DINAS KESEHATAN"], polarity: .positive),
        ]
        #expect(entries.count == expected.count, "\(entries.map(\.indicator))")
        for (e, x) in zip(entries, expected) { x.check(e, in: docs[0], period: "2024-2026", owner: Self.tableOwner) }
        // Keys number the entries of the document.
        #expect(entries.map(\.key) == (1...entries.count).map { IndicatorEntry.key(docID: entries[0].docID, number: $0) })
    }

    static let listOwner = "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK KABUPATEN SUKAJAYA"

    /// The cascading list form: numbered goals and indicators of the region
    /// and the agency, then the cascade under each agency indicator, with a
    /// `LANJUTAN INDIKATOR 1` page.
    @Test func listForm() throws {
        let (result, normalized, docs) = try Pipeline.batch([Pipeline.sample("pohon_cascading_2023_dinsos_kab_sukajaya.pdf")])
        #expect(normalized[0].kind == .pohon)
        let pmks = "Persentase penanganan Penyandang Masalah Kesejahteraan Sosial (PMKS)/ Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
        let kekerasan = "Rasio kekerasan terhadap perempuan, termasuk TPPO (per 100.000 penduduk perempuan)"
        let dasar = "Jumlah pemenuhan kebutuhan dasar bagi Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial"
        let bencana = "Jumlah orang yang mendapatkan perlindungan sosial korban bencana alam dan sosial Kabupaten/Kota"
        let terlayani = "Jumlah perempuan korban kekerasan yang terlayani sesuai standar"
        let expected: [ExpectedEntry] = [
            ExpectedEntry(page: 1, level: .tujuan,
                          goal: "Meningkatnya cakupan pemenuhan kebutuhan dan layanan dasar yang berkualitas",
                          indicator: "Persentase penurunan Pemerlu Pelayanan Kesejahteraan Sosial/ Penyandang Masalah Kesejahteraan Sosial",
                          parent: nil, polarity: .positive),
            ExpectedEntry(page: 1, level: .tujuan, goal: "Meningkatnya kesetaraan gender dan perlindungan anak",
                          indicator: "Indeks pemberdayaan gender", parent: nil, polarity: .positive),
            ExpectedEntry(page: 1, level: .tujuan,
                          goal: "Menurunnya Penyandang Masalah Kesejahteraan Sosial (PMKS)/ Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)",
                          indicator: pmks,
                          parent: "Persentase penurunan Pemerlu Pelayanan Kesejahteraan Sosial/ Penyandang Masalah Kesejahteraan Sosial",
                          polarity: .positive),
            ExpectedEntry(page: 1, level: .tujuan,
                          goal: "Meningkatnya peran perempuan dalam pembangunan dengan memperhatikan hak-hak anak",
                          indicator: kekerasan, parent: "Indeks pemberdayaan gender", multiplier: 100_000,
                          polarity: .negative),
            ExpectedEntry(page: 2, level: .program, goal: nil,
                          indicator: "Persentase penyandang disabilitas terlantar yang terpenuhi kebutuhan dasarnya di luar panti",
                          parent: pmks, polarity: .positive),
            ExpectedEntry(page: 2, level: .program, goal: nil,
                          indicator: "Persentase anak terlantar yang terpenuhi kebutuhan dasarnya di luar panti",
                          parent: pmks, polarity: .positive),
            ExpectedEntry(page: 2, level: .program, goal: nil,
                          indicator: "Persentase lanjut usia terlantar yang terpenuhi kebutuhan dasarnya di luar panti",
                          parent: pmks, polarity: .positive),
            ExpectedEntry(page: 2, level: .kegiatan, goal: nil, indicator: dasar, parent: pmks, polarity: .positive),
            ExpectedEntry(page: 2, level: .subKegiatan, goal: nil,
                          indicator: "Jumlah orang yang mendapatkan pemenuhan kebutuhan permakanan sesuai dengan standar gizi minimal kewenangan Kabupaten/Kota",
                          parent: dasar, polarity: .positive),
            ExpectedEntry(page: 2, level: .subKegiatan, goal: nil,
                          indicator: "Jumlah orang yang menerima pakaian dan kelengkapan lainnya yang tersedia dalam 1 tahun kewenangan Kabupaten/Kota",
                          parent: dasar, polarity: .positive),
            ExpectedEntry(page: 3, level: .kegiatan, goal: nil, indicator: bencana, parent: pmks, polarity: .positive),
            ExpectedEntry(page: 3, level: .subKegiatan, goal: nil,
                          indicator: "Jumlah orang yang mendapatkan permakanan 3x1 hari dalam masa tanggap darurat (pengungsian) kewenangan Kabupaten/ Kota",
                          parent: bencana, polarity: .positive),
            ExpectedEntry(page: 3, level: .subKegiatan, goal: nil,
                          indicator: "Jumlah tempat penampungan pengungsian kewenangan Kabupaten/ Kota",
                          parent: bencana, polarity: .positive),
            ExpectedEntry(page: 3, level: .program, goal: nil,
                          indicator: "Cakupan perempuan korban kekerasan yang mendapatkan penanganan pengaduan oleh petugas terlatih di unit layanan terpadu",
                          parent: kekerasan, polarity: .positive),
            ExpectedEntry(page: 3, level: .kegiatan, goal: nil, indicator: terlayani, parent: kekerasan, polarity: .positive),
            ExpectedEntry(page: 3, level: .subKegiatan, goal: nil,
                          indicator: "Jumlah perempuan korban kekerasan tingkat Kabupaten/ Kota yang mendapatkan layanan pengaduan",
                          parent: terlayani, polarity: .positive),
        ]
        let entries = result.indicators
        #expect(entries.count == expected.count, "\(entries.map(\.indicator))")
        for (e, x) in zip(entries, expected) { x.check(e, in: docs[0], period: "2023", owner: Self.listOwner) }
    }

    /// A batch of the table-form catalog and a report of the same agency:
    /// matching records take the catalog's polarity and name their entry;
    /// the report computes the lower-is-better "Rasio ketergantungan …" as
    /// realisasi / target, which its catalog contradicts.
    @Test func linkingToTheCatalog() throws {
        let urls = [Pipeline.sample("pohon_tabel_2024_dinsos_kota_sukamaju.pdf"),
                    Pipeline.sample("lkjip_2024_dinsos_kota_sukamaju.pdf")]
        let (result, normalized, docs) = try Pipeline.batch(urls)
        #expect(normalized[1].agency == "dinas sosial kota sukamaju")
        let key = { (n: Int) in IndicatorEntry.key(docID: docs[0].docID, number: n) }
        let records = result.records.filter { $0.docID == docs[1].docID }
        func record(_ indicator: String) -> Record? { records.first { $0.indicator == indicator } }
        #expect(records.count == 5)

        let ppks = try #require(record("Persentase PPKS tertangani"))
        #expect(ppks.indicatorRef == key(1))
        #expect(ppks.polarity == .positive)

        let lansia = try #require(record("Rasio ketergantungan lanjut usia terlantar"))
        #expect(lansia.indicatorRef == key(3))
        #expect(lansia.polarity == .negative)

        let rasio = try #require(record("Rasio kekerasan terhadap perempuan dan anak per 100.000 penduduk"))
        #expect(rasio.indicatorRef == key(4))
        #expect(rasio.polarity == .negative)

        let aduan = try #require(record("Persentase pengaduan kekerasan yang ditindaklanjuti"))
        #expect(aduan.indicatorRef == key(5))

        let sakip = try #require(record("Nilai SAKIP Dinas Sosial"))
        #expect(sakip.indicatorRef == nil)

        // The one conflict: 40 / 35 × 100 = 114,29 printed; the catalog's
        // lower-is-better reading gives (2 × 35 − 40) / 35 × 100 = 85,71.
        let conflicts = result.discrepancies.filter { $0.rule == .polarityConflict }
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(c.severity == .warning)
        #expect(c.field == "capaian")
        #expect(c.reported == "114,29")
        #expect(abs((c.expected ?? 0) - 85.714285) < 1e-4)
        #expect(c.row == lansia.row && c.sourceFile == "lkjip_2024_dinsos_kota_sukamaju.pdf")
        // No other finding on the report (the rest compute as their catalog says).
        #expect(result.discrepancies.filter { $0.docID == docs[1].docID }.count == 1)
    }

    /// Without the catalog the same report raises nothing: the wording of
    /// "Rasio ketergantungan …" alone reads higher-is-better.
    @Test func theReportAloneHasNoConflict() throws {
        let (result, _, _) = try Pipeline.batch([Pipeline.sample("lkjip_2024_dinsos_kota_sukamaju.pdf")])
        #expect(result.records.count == 5)
        #expect(result.records.allSatisfy { $0.indicatorRef == nil })
        #expect(result.discrepancies.isEmpty)
    }

    /// A catalog of another agency is not linked.
    @Test func anotherAgencysCatalogIsNotLinked() throws {
        let urls = [Pipeline.sample("pohon_tabel_2024_dinsos_kota_sukamaju.pdf"),
                    Pipeline.sample("lkjip_2024_dinsos_kota_sukamaju.pdf")]
        let docs = try urls.map { try Pipeline.normalize($0) }
        let agencies = [docs[0].0.docID: "dinas sosial kota sukamaju", docs[1].0.docID: "dinas sosial kota lain"]
        let (result, _, _) = try Pipeline.batch(urls, agencies: agencies)
        #expect(result.records.allSatisfy { $0.indicatorRef == nil })
        #expect(!result.discrepancies.contains { $0.rule == .polarityConflict })
    }
}
