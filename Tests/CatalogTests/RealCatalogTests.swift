import Foundation
import Model
import Testing

/// The performance trees among the real reports (`shared/corpus/real`), all
/// in the diagram form. The expectations were read off the PDFs by eye
/// (pages rendered to images): a few indicators per file with their level,
/// target and the box they hang from.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Pipeline.real.path)))
struct RealCatalogTests {
    static func entries(_ name: String) throws -> [IndicatorEntry] {
        try Pipeline.batch([Pipeline.real.appendingPathComponent(name)]).0.indicators
    }

    /// Compared without case, punctuation or spacing.
    static func same(_ a: String?, _ b: String?) -> Bool {
        func key(_ s: String?) -> String? {
            s.map { String($0.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init)) }
        }
        return key(a) == key(b)
    }

    static func entry(_ entries: [IndicatorEntry], _ indicator: String, period: String? = nil) -> IndicatorEntry? {
        entries.first { same($0.indicator, indicator) && (period == nil || $0.period == period) }
    }

    /// Kab. Grobogan DPUPR (Excel): Misi box, Tujuan Renstra and Sasaran
    /// Strategis tables, then Program › Kegiatan › Subkegiatan boxes, each a
    /// small table with Sasaran | Indikator | Target 2022 2023 2024.
    @Test func grobogan() throws {
        let entries = try Self.entries("pohon-cascading-2022-dpupr-kab-grobogan.pdf")
        #expect(entries.allSatisfy { $0.owner == "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN GROBOGAN" })

        let tujuan = try #require(Self.entry(entries, "Persentase infrastruktur jalan, drainase dan sumberdaya air kondisi baik"))
        #expect(tujuan.level == .tujuan)
        #expect(tujuan.target.raw == "85.06%" && tujuan.target.value == 85.06)
        #expect(tujuan.period == "2022")
        #expect(Self.same(tujuan.goal, "Meningkatkan Kualitas Pengelolaan Infrastruktur dan penataan ruang sesuai dengan Rencana Tata Ruang"))
        #expect(Self.same(tujuan.parent, "Membangun infrastruktur sesuai potensi daerah, memperhatikan kelestarian lingkungan dan risiko bencana"))

        let jalan = try #require(Self.entry(entries, "Tingkat kemantapan jalan (PMDN 18/2020)"))
        #expect(jalan.level == .sasaran)
        #expect(jalan.target.raw == "85.17%")
        #expect(Self.same(jalan.goal, "Meningkatnya kualitas penyelenggaraan jalan dan drainase perkotaan"))

        let sakip = try #require(Self.entry(entries, "Nilai SAKIP OPD"))
        #expect(sakip.level == .sasaran)
        #expect(sakip.target.raw == "B (65)" && sakip.target.value == nil)

        // Program box: one entry per target year.
        let drainase = ["2022": "65.00%", "2023": "66.00%", "2024": "67.00%"]
        for (year, target) in drainase {
            let e = try #require(Self.entry(entries, "Persentase Drainase kondisi baik", period: year))
            #expect(e.level == .program)
            #expect(e.target.raw == target)
            #expect(Self.same(e.name, "Pengelolaan dan Pengembangan Sistem Drainase"))
            #expect(Self.same(e.parent, "Meningkatnya kualitas penyelenggaraan jalan dan drainase perkotaan"))
        }

        let panjang = try #require(Self.entry(entries, "Panjang Drainase Kondisi Baik", period: "2022"))
        #expect(panjang.level == .kegiatan)
        #expect(panjang.target.raw == "12,000")
        #expect(Self.same(panjang.parent, "Persentase Drainase kondisi baik"))

        let embung = try #require(Self.entry(entries, "Jumlah Embung Dan Penampung Air Lainnya yang Dibangun", period: "2024"))
        #expect(embung.level == .subKegiatan)
        #expect(embung.target.raw == "2" && embung.target.value == 2)
        #expect(Self.same(embung.goal, "Terbangunnya Embung dan Penampung Air Lainnya"))
    }

    /// Kab. Tanah Bumbu BKD (Excel): a Tujuan box, then Eselon II, III and IV
    /// bands of "Kinerja Utama / Indikator Kinerja" boxes joined by arrows;
    /// no targets.
    @Test func tanahBumbu() throws {
        let entries = try Self.entries("pohon-cascading-bkd-kab-tanah-bumbu.pdf")
        #expect(entries.allSatisfy { $0.owner == "BADAN KEPEGAWAIAN DAERAH KABUPATEN TANAH BUMBU" })
        #expect(entries.allSatisfy { $0.target.raw == nil })

        let jabatan = try #require(Self.entry(entries, "Persentase Jabatan yang Diisi Sesuai dengan Kompetensi"))
        #expect(jabatan.level == .sasaran)
        #expect(jabatan.goal == "Tersedianya ASN yang Memenuhi Kompetensi")
        #expect(jabatan.parent == "Mewujudkan Sumber Daya Manusia (SDM) Aparatur yang Memiliki Kompetensi dan Profesional")

        let pim = try #require(Self.entry(entries, "Persentase ASN yang Memiliki Sertifikat Diklat PIM II"))
        #expect(pim.level == .program)
        #expect(pim.goal == "Peningkatan Kompetensi SDM ASN")
        #expect(pim.parent == "Meningkatnya Kompetensi SDM ASN")

        let ujian = try #require(Self.entry(entries, "Jumlah ASN yang Mengikuti Ujian Dinas"))
        #expect(ujian.level == .kegiatan)
        #expect(ujian.goal == "Terlaksananya Ujian Dinas")
        #expect(ujian.parent == "Peningkatan Kompetensi SDM ASN")

        let cuti = try #require(Self.entry(entries, "Jumlah ASN yang sudah terpenuhi Hak Cuti"))
        #expect(cuti.level == .kegiatan)
        #expect(cuti.goal == "Terlaksananya Pemberian Cuti")
    }

    /// Prov. Jawa Barat Diskominfo (Visio, A0): Misi › Tujuan › Sasaran boxes
    /// in the Renstra band, then an "Indikator n – …" box with a TARGET box
    /// beside it under each sasaran (the IKU OPD band).
    @Test func diskominfo() throws {
        let entries = try Self.entries("pohon-2016-diskominfo-prov-jabar.pdf")
        #expect(entries.filter { $0.level == .sasaran }.allSatisfy { $0.owner == "DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAWA BARAT" })

        let sdm = try #require(Self.entry(entries, "Jumlah SDM yang memiliki kompetensi dan bersertifikat di Bidang TIK"))
        #expect(sdm.level == .sasaran)
        #expect(sdm.target.raw == "50 Org" && sdm.target.value == 50 && sdm.unit == "Org")
        #expect(sdm.period == "2016")
        #expect(sdm.goal == "Tersedianya SDM yang memiliki kompetensi di bidang TIK")
        #expect(sdm.parent == "MENINGKATKAN PROFESIONALISME SUMBER DAYA APARATUR BIDANG TIK")

        let pos = try #require(Self.entry(entries, "Persentase cakupan area infrastruktur pos dan telekomunikasi"))
        #expect(pos.level == .sasaran)
        #expect(pos.target.raw == "70%" && pos.target.value == 70)

        let sengketa = try #require(Self.entry(entries, "Presentase sengketa informasi yang diselesaikan"))
        #expect(sengketa.target.raw == "80%")
        #expect(sengketa.goal == "Meningkatnya mediasi dan ajudikasi sengketa informasi")

        let digital = try #require(Self.entry(entries, "Jumlah konektivitas digital"))
        #expect(digital.target.raw == "176 Titik" && digital.target.value == 176)
        #expect(digital.goal == "Meningkatnya konektivitas jaringan komunikasi digital di Jawa Barat")

        // Program band: a bidang's numbered indicators (`2.1.1` | text), the
        // bidang their owner; under them the seksi's (kegiatan) indicators.
        let area = try #require(Self.entry(entries, "Persentase Area Layanan Infrastruktur Pos dan Telekomunikasi"))
        #expect(area.level == .program)
        #expect(area.owner == "BIDANG POS DAN TELEKOMUNIKASI")
        #expect(area.parent == "Persentase cakupan area infrastruktur pos dan telekomunikasi")

        let kapasitas = try #require(Self.entry(entries, "Persentase peningkatan kapasitas SDM di bidang TIK"))
        #expect(kapasitas.level == .program)
        #expect(kapasitas.owner == "BIDANG TELEMATIKA")
        #expect(kapasitas.parent == "Jumlah SDM yang memiliki kompetensi dan bersertifikat di Bidang TIK")

        let bersertifikat = try #require(Self.entry(entries, "Jumlah SDM dengan kompetensi dan telah bersertifikat di bidang TIK"))
        #expect(bersertifikat.level == .kegiatan)
        #expect(bersertifikat.owner == "SEKSI STANDARDISASI DAN MONITORING EVALUASI TELEMATIKA")
    }

    /// The scanned tree has no text layer: no entries (and no error).
    @Test func scannedTreeGivesNothingWithoutOCR() throws {
        let url = Pipeline.real.appendingPathComponent("pohon-2016-dishub-prov-jabar-scan.pdf")
        let (document, normalized) = try Pipeline.normalize(url)
        if document.pages.allSatisfy({ $0.textSource != .ocr }) {
            #expect(normalized.indicators.isEmpty)
        }
    }
}
