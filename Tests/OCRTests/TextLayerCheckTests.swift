import Foundation
@testable import Ingest
import Model
import Testing

@Suite("Is the text layer usable?")
struct TextLayerCheckTests {
    let check = TextLayerCheck()

    func verdict(_ text: String) -> TextLayerVerdict {
        check.verdict(text: Array(text.unicodeScalars))
    }

    @Test("Printed Indonesian and English text is usable")
    func usable() {
        #expect(verdict("Capaian Indikator Kinerja Sasaran Strategis Kesatu: persentase keluarga miskin dalam DTKS yang telah diverifikasi") == .usable)
        #expect(verdict("Realisasi Anggaran Belanja Langsung Tahun 2023 5.075.327.604 4.753.517.107 93,66%") == .usable)
        // Short pages (a page number, a title) say too little for the vowel test.
        #expect(verdict("12") == .usable)
        #expect(verdict("BAB III") == .usable)
    }

    @Test("No text, or only white space, is absent")
    func absent() {
        #expect(verdict("") == .absent)
        #expect(verdict(" \n\t ") == .absent)
    }

    @Test("Unmapped glyph codes are garbage")
    func unmapped() {
        // Private-use code points, controls and replacement characters: a
        // font without a Unicode map.
        #expect(verdict("\u{E001}\u{E002}\u{E003} \u{E004}\u{E005} ab") == .garbled)
        #expect(verdict("\u{1}\u{2}\u{3}\u{4}\u{5}\u{6} \u{7}\u{8}") == .garbled)
        #expect(verdict("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} ok") == .garbled)
        // A few stray ones in real text do not condemn the page.
        #expect(verdict("Persentase keluarga miskin \u{E001} dalam DTKS yang telah diverifikasi") == .usable)
    }

    @Test("Letters in a shifted encoding are garbage")
    func shifted() {
        // "Persentase keluarga miskin dalam DTKS yang telah diverifikasi dan
        // divalidasi" with every letter moved three places on, as a subset
        // font without a Unicode map prints it.
        let plain = "Persentase keluarga miskin dalam DTKS yang telah diverifikasi dan divalidasi oleh dinas sosial"
        let shiftedText = String(String.UnicodeScalarView(plain.unicodeScalars.map { s in
            guard s.properties.isAlphabetic, s.isASCII else { return s }
            let base: UInt32 = s.properties.isUppercase ? 65 : 97
            return Unicode.Scalar((s.value - base + 3) % 26 + base)!
        }))
        #expect(verdict(plain) == .usable)
        #expect(verdict(shiftedText) == .garbled)
    }

    @Test("Pictures of print that no text covers make the layer sparse")
    func pictures() {
        let text = Array("Tabel 3.2 Capaian Indikator Kinerja Sasaran Strategis Kedua".unicodeScalars)
        // A pasted screenshot of a table: mostly paper, some ink, no text on it.
        let screenshot = PictureInk(pixels: 10_000, paper: 8_500, ink: 900, coveredInk: 0)
        // The same picture under a hidden OCR text layer (a searchable scan).
        let searchable = PictureInk(pixels: 10_000, paper: 8_500, ink: 900, coveredInk: 700)
        // A photograph: little paper.
        let photo = PictureInk(pixels: 10_000, paper: 1_500, ink: 4_000, coveredInk: 0)
        // A logo or a faint background: almost no ink.
        let faint = PictureInk(pixels: 10_000, paper: 9_990, ink: 5, coveredInk: 0)
        #expect(check.verdict(text: text, pictures: [screenshot]) == .sparse)
        #expect(check.verdict(text: text, pictures: [searchable]) == .usable)
        #expect(check.verdict(text: text, pictures: [photo, faint]) == .usable)
        #expect(check.verdict(text: [], pictures: [searchable]) == .absent)
    }

    @Test("A searchable scan keeps its own text layer")
    func searchableScan() throws {
        let folder = try ScanFixtures.folder("searchable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(ScanFixtures.original?.pages.first { $0.number == ScanFixtures.tablePage })
        let pdf = folder.appendingPathComponent("searchable.pdf")
        try ScanFixtures.searchablePDF(of: ScanFixtures.lk01, page: ScanFixtures.tablePage, words: original.words, to: pdf)
        let page = try #require(try Ingestor().read(pdf, sourceFile: "searchable.pdf").pages.first)
        #expect(page.textSource == .textLayer)
        #expect(page.words.allSatisfy { $0.confidence == nil })
        // The hidden words come back (their splitting into words may differ
        // with the font, so count characters).
        func characters(_ words: [Word]) -> [String] { words.flatMap { $0.text.map(String.init) } }
        #expect(ScanFixtures.share(of: characters(original.words), in: characters(page.words)) >= 0.98)
    }

    @Test("Words a hidden OCR layer misread, and words a typed page prints")
    func misreadWords() {
        // Digits read as letters, letters as symbols, case flipped inside a word.
        for word in ["20t4", "42,Lt", "1009o", "0,?2vo", "KirErJa", "keErsedlaan", "Reatisa$", "R€nJa", "benn6r"] {
            #expect(TextLayerCheck.isMisread(TextLayerCheck.trimmed(word)), "\(word)")
        }
        // Figures, codes, units, acronyms and currency as reports print them.
        for word in ["2014", "1.135,442", "(100,00%)", "01.2.09", "056.2/090.99/V/2022", "3R/TPS", "B3", "(IK2):",
                     "US$", "Rp.9.985.639.757,-", "LKjIP", "RPJMD", "2.1.1.", "m2", "Km", "PelabuhanRatu"] {
            #expect(!TextLayerCheck.isMisread(TextLayerCheck.trimmed(word)), "\(word)")
        }
    }

    @Test("A scan's OCR layer that misread a tenth of its words is read again; one with a few slips is kept")
    func misreadLayer() {
        let words = (0..<100).map { i in ["Persentase", "capaian", "indikator", "kinerja", "2014", "88,50%"][i % 6] }
        func misreading(every n: Int) -> [String] {
            words.enumerated().map { i, w in i % n == 0 ? (w.first!.isNumber ? "20t4" : "KirErJa") : w }
        }
        #expect(check.verdict(ocrLayerWords: words) == .usable)
        #expect(check.verdict(ocrLayerWords: misreading(every: 10)) == .garbled)
        #expect(check.verdict(ocrLayerWords: misreading(every: 25)) == .garbled)
        #expect(check.verdict(ocrLayerWords: misreading(every: 60)) == .usable)
        // Too few words to judge.
        #expect(check.verdict(ocrLayerWords: Array(misreading(every: 5).prefix(20))) == .usable)
    }

    @Test("A searchable scan whose hidden layer misread its words is read by OCR")
    func misreadSearchableScan() throws {
        let folder = try ScanFixtures.folder("misread")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try #require(ScanFixtures.original?.pages.first { $0.number == ScanFixtures.tablePage })
        // Every eighth word of three characters or more misread as OCR tools do.
        var n = 0
        let misread = original.words.map { w -> Word in
            var w = w
            guard w.text.count >= 3 else { return w }
            n += 1
            if n % 8 == 0 {
                w.text = w.text.first!.isNumber ? w.text.replacingOccurrences(of: "1", with: "l").replacingOccurrences(of: "0", with: "O") + "o"
                    : String(w.text.prefix(1)) + "$" + String(w.text.dropFirst(2))
            }
            return w
        }
        let pdf = folder.appendingPathComponent("misread.pdf")
        try ScanFixtures.searchablePDF(of: ScanFixtures.lk01, page: ScanFixtures.tablePage, words: misread, to: pdf)
        let page = try #require(try Ingestor().read(pdf, sourceFile: "misread.pdf").pages.first)
        #expect(page.textSource == .ocr)
        #expect(page.words.allSatisfy { $0.confidence != nil })
        let share = ScanFixtures.share(of: original.words.map(\.text), in: page.words.map(\.text))
        #expect(share >= 0.7, "\(share) of the page's words read")
    }

    @Test("A typed page with a picture of a table under its text is read by text and OCR together")
    func pastedPicture() throws {
        let folder = try ScanFixtures.folder("pasted")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A picture of the budget table page (portrait), put under the
        // typed cover page of the same report.
        let budgetPage = 13
        let picture = folder.appendingPathComponent("picture.pdf")
        try ScanFixtures.pictureOnlyPDF(of: ScanFixtures.lk01, page: budgetPage, to: picture)
        let cover = folder.appendingPathComponent("cover.pdf")
        try ScanFixtures.tool("qpdf", ["--empty", "--pages", ScanFixtures.lk01.path, "1", "--", cover.path])
        let pasted = folder.appendingPathComponent("pasted.pdf")
        try ScanFixtures.tool("qpdf", [cover.path, "--underlay", picture.path, "--", pasted.path])

        let page = try #require(try Ingestor().read(pasted, sourceFile: "pasted.pdf").pages.first)
        let original = try #require(ScanFixtures.original)
        let coverWords = try #require(original.pages.first).words.map(\.text)
        let tableWords = try #require(original.pages.first { $0.number == budgetPage }).words.map(\.text)
        #expect(page.textSource == .ocr)
        // The cover's own text is kept as typed…
        let typed = page.words.filter { $0.confidence == nil }.map(\.text)
        #expect(ScanFixtures.share(of: coverWords, in: typed) == 1)
        // …and the picture's words come in beside it.
        let read = page.words.filter { $0.confidence != nil }.map(\.text)
        let share = ScanFixtures.share(of: tableWords, in: read)
        #expect(share >= 0.7, "\(share) of the picture's words read")
    }
}
