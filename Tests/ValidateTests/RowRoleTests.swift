import Testing
import Model
@testable import Validate

struct RowRoleTests {
    let resolver = RowRoleResolver(config: ValidateConfig())

    @Test func labelsWithoutFigures() {
        #expect(resolver.role(of: record("Rata-rata data kelompok tertimbang", capaian: cell("94,71", 94.71))) == .average)
        #expect(resolver.role(of: record("TOTAL", pagu: cell("1", 1))) == .total)
        #expect(resolver.role(of: record("Jumlah", pagu: cell("1", 1))) == .total)
    }

    @Test func indicatorsStartingWithJumlahStayItems() {
        // "Jumlah dokumen DPA-SKPD" is an indicator (a count), not a total.
        #expect(resolver.role(of: record("Jumlah dokumen DPA-SKPD", level: .subKegiatan, target: cell("1", 1))) == .item)
        #expect(resolver.role(of: record("Jumlah Tunjangan Beras", pagu: cell("1", 1))) == .item)
    }

    @Test func normalizedKindIsKept() {
        #expect(resolver.role(of: record("Sub Total Belanja", pagu: cell("1", 1), rowKind: .total)) == .total)
    }
}
