import Model
import Testing
import Validate

/// Which records a catalog entry claims: small wording differences match, a
/// count and a percentage of the same thing do not, other agencies' entries
/// are not candidates, an unknown agency falls back to the batch.
@Suite struct LinkMatchingTests {
    static func entry(_ indicator: String, agency: String?, number: Int) -> IndicatorEntry {
        IndicatorEntry(docID: "catalog", sourceFile: "pohon.pdf", page: 1, bbox: nil, level: .outcome,
                       indicator: indicator, key: IndicatorEntry.key(docID: "catalog", number: number), agency: agency)
    }

    static func record(_ indicator: String, row: Int) -> Record {
        Record(docID: "report", sourceFile: "lkjip.pdf", page: 1, bbox: nil, table: 1, row: row,
               period: Period(year: 2024), indicator: indicator,
               target: ValueCell(raw: "10", value: 10), realisasi: ValueCell(raw: "8", value: 8))
    }

    static let entries = [
        entry("Jumlah kasus kekerasan terhadap perempuan", agency: "dinas sosial kota a", number: 1),
        entry("Persentase penduduk miskin yang menerima bantuan sosial", agency: "dinas sosial kota a", number: 2),
        entry("Persentase balita gizi buruk yang ditangani", agency: "dinas kesehatan kota b", number: 3),
    ]

    func refs(_ agencies: [String: String], _ records: [Record]) -> [String?] {
        let catalog = IndicatorCatalog(entries: Self.entries, agencies: agencies)
        return Validator(config: ValidateConfig()).validate(records, catalog: catalog).records.map(\.indicatorRef)
    }

    @Test func wordingDifferencesMatch() {
        let records = [
            Self.record("Persentase penduduk miskin menerima bantuan sosial", row: 1),
            Self.record("Jumlah Kasus Kekerasan Terhadap Perempuan", row: 2),
            Self.record("Persentase kasus kekerasan terhadap perempuan", row: 3),
        ]
        #expect(refs(["report": "dinas sosial kota a"], records) == ["catalog#2", "catalog#1", nil])
    }

    @Test func anotherAgencysEntryIsNoCandidate() {
        let records = [Self.record("Persentase balita gizi buruk yang ditangani", row: 1)]
        #expect(refs(["report": "dinas sosial kota a"], records) == [nil])
        // Without a known agency for the report, the batch is the agency.
        #expect(refs([:], records) == ["catalog#3"])
    }
}
