import Foundation
import Testing
import TestSupport

/// `kinerja run` on the Pohon Kinerja samples, as users run it: the
/// catalog is written to indicators.jsonl/csv, the trees are listed as
/// `pohon` in documents.csv, and the report of the same agency is linked.
@Suite struct CatalogRunTests {
    static let packageRoot = SharedFolder.packageRoot

    static var executable: URL {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        return me.deletingLastPathComponent().appendingPathComponent("kinerja")
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    @Test func samplesBatch() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-catalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = Self.executable
        p.arguments = ["run", Self.packageRoot.appendingPathComponent("samples/pohon").path, "--out", out.path, "--quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)

        let documents = try String(contentsOf: out.appendingPathComponent("documents.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        #expect(documents.count == 3)
        #expect(documents.filter { $0.hasSuffix(",pohon,0") }.count == 2)

        // 7 entries of the table form, 16 of the list form.
        let indicators = try Self.lines(out.appendingPathComponent("indicators.jsonl"))
        #expect(indicators.count == 23)
        let csv = try String(contentsOf: out.appendingPathComponent("indicators.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(csv.count == 24)

        let records = try Self.lines(out.appendingPathComponent("records.jsonl"))
        #expect(records.count == 5)
        #expect(records.filter { $0.contains("\"indicator_ref\":\"") }.count == 4)
        let conflicts = try Self.lines(out.appendingPathComponent("discrepancies.jsonl"))
            .filter { $0.contains("\"rule\":\"polarity.conflict\"") }
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.contains("\"severity\":\"warning\"") == true)
    }
}
