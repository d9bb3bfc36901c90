import Foundation
import Testing
import TestSupport

/// Whether any record was made from running prose. Prose is told apart
/// from tables by `pdftotext -layout`, not by kinerja: a paragraph line is
/// a line of ten words or more with no wide gap in it (a table row's cells
/// stand apart by runs of spaces). A record whose indicator holds such a
/// line was made from a paragraph.
enum ProseCheck {
    struct Finding: CustomStringConvertible {
        var file: String
        var page: Int
        var indicator: String
        var line: String
        var description: String { "\(file) p\(page): record '\(indicator.prefix(80))' holds prose '\(line.prefix(80))'" }
    }

    /// Findings over the records of `out/records.jsonl` whose PDFs are in `corpus`.
    static func findings(out: URL, corpus: URL) throws -> (checked: Int, findings: [Finding]) {
        let text = try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8)
        var pages: [String: [Int: [String]]] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = object["source_file"] as? String, let page = object["page"] as? Int,
                  let indicator = object["indicator"] as? String else { continue }
            pages[file, default: [:]][page, default: []].append(collapse(indicator))
        }
        var checked = 0
        var found: [Finding] = []
        for (file, byPage) in pages {
            let pdf = corpus.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: pdf.path) else { continue }
            for (page, indicators) in byPage {
                let layout = try Tool.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"])
                let prose = layout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.contains("   ") && $0.split(separator: " ").count >= 10 }
                    .map(collapse)
                for indicator in indicators {
                    checked += 1
                    if let line = prose.first(where: { indicator.contains($0) }) {
                        found.append(Finding(file: file, page: page, indicator: indicator, line: line))
                    }
                }
            }
        }
        return (checked, found)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
