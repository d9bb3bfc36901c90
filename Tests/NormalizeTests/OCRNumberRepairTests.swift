import Model
import Normalize
import Testing

@Suite("OCR repairs of printed figures")
struct OCRNumberRepairTests {
    /// A capaian column as an Indonesian LKjIP prints it.
    static let percentColumn = OCRNumberRepair.ColumnFormat(
        cells: ["96,2", "103,42%", "112,02", "92,48", "", "B"], style: .indonesian)
    /// A Rupiah column of whole amounts with dot thousands.
    static let moneyColumn = OCRNumberRepair.ColumnFormat(
        cells: ["5.075.327.604", "3.702.908.000", "187.150.000", "0"], style: .indonesian)
    /// A realisasi column that prints decimals.
    static let decimalColumn = OCRNumberRepair.ColumnFormat(
        cells: ["81,9", "3,41", "84,33", "1.234,5"], style: .indonesian)

    @Test("The column format is read from the column's cells")
    func formats() {
        #expect(Self.percentColumn.printsPercent)
        #expect(!Self.percentColumn.groupedWholeAmounts)
        #expect(Self.moneyColumn.groupedWholeAmounts)
        #expect(!Self.moneyColumn.printsPercent)
        #expect(!Self.decimalColumn.groupedWholeAmounts)
        // Whole numbers without any separator say nothing about grouping.
        #expect(!OCRNumberRepair.ColumnFormat(cells: ["12", "40", "7"], style: .indonesian).groupedWholeAmounts)
    }

    @Test("Letters read for digits inside a figure", arguments: [
        ("1O2,5", "102,5"), ("8l,9", "81,9"), ("I00", "100"), ("9|,63", "91,63"), ("4O,5%", "40,5%"),
        ("Rp 1.5OO.000", "Rp 1.500.000"),
    ])
    func lookalikes(raw: String, repaired: String) {
        #expect(OCRNumberRepair.repair(raw, format: Self.decimalColumn) == repaired)
    }

    @Test("Letters are not taken for digits in a column of words")
    func wordColumn() {
        // A Kategori-like column: a stray figure in it is not repaired.
        let words = OCRNumberRepair.ColumnFormat(cells: ["Sangat berhasil", "Berhasil", "B", "12"], style: .indonesian)
        #expect(!words.mostlyNumbers)
        #expect(OCRNumberRepair.repair("1O", format: words) == nil)
        #expect(Self.decimalColumn.mostlyNumbers)
    }

    @Test("Text values and words without digits are left alone", arguments: [
        "B", "BB", "Pratama", "lOO", "Sangat berhasil", "O", "Tdk ada penilaian",
    ])
    func textStaysText(raw: String) {
        #expect(OCRNumberRepair.repair(raw, format: Self.decimalColumn) == nil)
        #expect(OCRNumberRepair.repair(raw, format: Self.percentColumn) == nil)
    }

    @Test("A figure that already reads needs no repair")
    func cleanFigures() {
        for raw in ["81,9", "103,42%", "5.075.327.604", "0", "-"] {
            #expect(OCRNumberRepair.repair(raw, format: Self.moneyColumn) == nil)
        }
    }

    @Test("A misread thousands separator in a column of whole grouped amounts")
    func thousandsSeparators() {
        #expect(OCRNumberRepair.repair("4.753.517,107", format: Self.moneyColumn) == "4.753.517.107")
        #expect(OCRNumberRepair.repair("4,753.517.107", format: Self.moneyColumn) == "4.753.517.107")
        #expect(OCRNumberRepair.repair("Rp 4.753,517.107,-", format: Self.moneyColumn) == "Rp 4.753.517.107,-")
        // The same text in a column that prints decimals is a real decimal
        // comma (or ambiguous): no repair.
        #expect(OCRNumberRepair.repair("4.753.517,107", format: Self.decimalColumn) == nil)
        // Groups that are not all three digits cannot be thousands.
        #expect(OCRNumberRepair.repair("4.75,517", format: Self.moneyColumn) == nil)
        // English-style columns group with commas.
        let english = OCRNumberRepair.ColumnFormat(cells: ["99,414,481", "1,250,000"], style: .english)
        #expect(OCRNumberRepair.repair("99,414.481", format: english) == "99,414,481")
    }

    @Test("A percent sign read as Yo, only in a column that prints percent signs")
    func percentSigns() {
        #expect(OCRNumberRepair.repair("93,66 Yo", format: Self.percentColumn) == "93,66%")
        #expect(OCRNumberRepair.repair("105,19Yo", format: Self.percentColumn) == "105,19%")
        #expect(OCRNumberRepair.repair("95,97 %o", format: Self.percentColumn) == "95,97%")
        #expect(OCRNumberRepair.repair("93,66 Yo", format: Self.moneyColumn) == nil)
        #expect(OCRNumberRepair.repair("Yo", format: Self.percentColumn) == nil)
    }

    @Test("Repaired figures read as the column's numbers")
    func repairedValues() {
        let fixed = OCRNumberRepair.repair("8l,9", format: Self.decimalColumn)
        #expect(fixed.map { NumberParser.read($0, style: .indonesian).value } == 81.9)
        let money = OCRNumberRepair.repair("4.753.517,107", format: Self.moneyColumn)
        #expect(money.map { NumberParser.read($0, style: .indonesian).value } == 4_753_517_107)
    }
}
