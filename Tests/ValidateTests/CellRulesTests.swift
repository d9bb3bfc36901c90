import Testing
import Model
@testable import Validate

struct CellRulesTests {
    @Test(arguments: ["12,5,3", "9.985.639. 757,-", "Rp 1.2.3"])
    func garbledNumbersAreUnparsed(_ raw: String) {
        let r = record("Belanja", level: .subKegiatan, name: "Belanja", pagu: cell(raw))
        #expect(rules([r]) == ["value.unparsed"])
    }

    @Test(arguments: ["Pratama", "A", "BB", "Tdk ada penilaian", "-", "n/a"])
    func textIsNotUnparsed(_ raw: String) {
        #expect(!CellRules.looksNumeric(raw))
    }

    @Test func spreadsheetErrorsOutsideCapaian() {
        let r = record("Indeks", target: cell("#REF!"), realisasi: cell("#####"))
        let found = findings([r])
        #expect(found.map(\.rule.rawValue) == ["value.spreadsheet_error", "value.spreadsheet_error"])
        #expect(found[1].message.contains("too narrow"))
    }
}
