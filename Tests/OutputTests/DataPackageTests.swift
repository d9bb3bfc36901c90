import Foundation
import Testing

/// datapackage.json against the CSV files it describes, on the corpus run.
@Suite("datapackage.json on the corpus")
struct CorpusDataPackageTests {
    @Test func everyValueFitsItsSchema() throws {
        let run = try CorpusRun.get()
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: run.file("datapackage.json")))
        let resources = try #require((json as? [String: Any])?["resources"] as? [[String: Any]])
        #expect(resources.count == 3)
        for resource in resources {
            let path = try #require(resource["path"] as? String)
            let schema = try #require(resource["schema"] as? [String: Any])
            let fields = try #require(schema["fields"] as? [[String: Any]])
            let key = try #require(schema["primaryKey"] as? [String])
            let (header, rows) = try readCSV(run.file(path))
            #expect(header == fields.compactMap { $0["name"] as? String }, "\(path): columns")
            #expect(!rows.isEmpty, "\(path): no rows")

            var problems: [String] = []
            for (n, row) in rows.enumerated() {
                for (i, field) in fields.enumerated() where i < row.count {
                    let value = row[i]
                    let name = field["name"] as? String ?? "?"
                    let required = (field["constraints"] as? [String: Any])?["required"] as? Bool ?? false
                    if value.isEmpty {
                        if required { problems.append("\(path) row \(n + 2): \(name) is required") }
                        continue
                    }
                    let fits: Bool
                    switch field["type"] as? String {
                    case "integer": fits = Int(value) != nil
                    case "number": fits = Double(value) != nil
                    case "object":
                        fits = (try? JSONSerialization.jsonObject(with: Data(value.utf8))) is [String: Any]
                    case "string": fits = true
                    default: fits = false
                    }
                    if !fits { problems.append("\(path) row \(n + 2): \(name) = \(value.prefix(40)) is no \(field["type"] ?? "?")") }
                }
                if row.count != fields.count { problems.append("\(path) row \(n + 2): \(row.count) fields") }
            }
            #expect(problems.isEmpty, "\(problems.count) problems, first: \(problems.prefix(5))")

            let keyIndexes = key.compactMap { header.firstIndex(of: $0) }
            #expect(keyIndexes.count == key.count)
            let keys = rows.map { row in keyIndexes.map { row[$0] }.joined(separator: "\u{1F}") }
            #expect(Set(keys).count == rows.count, "\(path): primary key \(key) not unique")
        }
    }
}
