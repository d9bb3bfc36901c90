import Export
import Foundation
import Model
import Testing

/// indicators.jsonl / indicators.csv as the contract lays them out.
@Suite struct IndicatorExportTests {
    @Test func writesTheCatalogAsJSONLinesAndCSV() throws {
        let (result, _, _) = try Pipeline.batch([Pipeline.sample("pohon_tabel_2024_dinsos_kota_sukamaju.pdf")])
        let entries = result.indicators
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("indicators-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try OutputWriter(directory: dir).writeIndicators(entries)

        let jsonl = try String(contentsOf: dir.appendingPathComponent("indicators.jsonl"), encoding: .utf8)
        let lines = jsonl.split(separator: "\n")
        #expect(lines.count == entries.count)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        for key in ["schema", "doc_id", "source_file", "page", "bbox", "level", "goal", "indicator", "parent",
                    "definition", "formula", "numerator", "denominator", "multiplier", "target", "unit", "period",
                    "owner", "crosscutting", "polarity"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["schema"] as? String == "indicators/1")
        #expect(first["multiplier"] as? Double == 100)
        #expect((first["target"] as? [String: Any])?["raw"] as? String == "85,50%")
        let decoded = try lines.map { try JSONDecoder().decode(IndicatorEntry.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.indicator) == entries.map(\.indicator))
        #expect(decoded.map(\.polarity) == entries.map(\.polarity))

        let csv = try String(contentsOf: dir.appendingPathComponent("indicators.csv"), encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == entries.count + 1)
        #expect(rows[0] == CSVLayout.indicators.joined(separator: ","))
        #expect(rows[1].contains(",DINAS KESEHATAN; DINAS PENDIDIKAN DAN KEBUDAYAAN; DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL,"))
        #expect(rows[1].contains(",85,50%") == false) // the raw target is quoted: it holds a comma
        #expect(rows[1].contains("\"85,50%\",85.5,"))
    }
}
