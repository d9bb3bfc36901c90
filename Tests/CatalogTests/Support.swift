import Foundation
import Ingest
import Model
import Normalize
import Testing
import Validate
import TestSupport

/// Reads PDFs the way `kinerja run` does (Ingest, Normalize, then Validate
/// with the batch's catalog), for the catalog tests.
enum Pipeline {
    static let packageRoot = SharedFolder.packageRoot
    static let samples = packageRoot.appendingPathComponent("samples/pohon")
    static let real = SharedFolder.real

    static func sample(_ name: String) -> URL { samples.appendingPathComponent(name) }

    /// Ingest and Normalize of one file.
    static func normalize(_ url: URL) throws -> (IngestedDocument, NormalizedDocument) {
        let document = try Ingestor().read(url, sourceFile: url.lastPathComponent)
        return (document, Normalizer().normalize(document))
    }

    /// Several files as one batch: records validated against the batch's
    /// catalog, entries with their polarity decided.
    static func batch(_ urls: [URL], agencies override: [String: String]? = nil) throws -> (ValidationResult, [NormalizedDocument], [IngestedDocument]) {
        var docs: [IngestedDocument] = []
        var normalized: [NormalizedDocument] = []
        for url in urls {
            let (d, n) = try normalize(url)
            docs.append(d)
            normalized.append(n)
        }
        var agencies: [String: String] = [:]
        for (d, n) in zip(docs, normalized) { if let a = n.agency { agencies[d.docID] = a } }
        let catalog = IndicatorCatalog(entries: normalized.flatMap(\.indicators), agencies: override ?? agencies)
        let result = Validator(config: ValidateConfig()).validate(normalized.flatMap(\.records), catalog: catalog)
        return (result, normalized, docs)
    }
}

/// What a test expects of one catalog entry, written from what the sample
/// generator (`samples/pohon/generate.py`) puts into the document.
struct ExpectedEntry {
    var page: Int
    var level: CatalogLevel
    var goal: String?
    var indicator: String
    var parent: String?
    var definition: String? = nil
    var formula: String? = nil
    var numerator: String? = nil
    var denominator: String? = nil
    var multiplier: Double? = nil
    var targetRaw: String? = nil
    var targetValue: Double? = nil
    var unit: String? = nil
    var crosscutting: [String] = []
    var polarity: Polarity

    /// Checks every contract field of `e` (document, period and owner are
    /// the document's, given by the caller).
    func check(_ e: IndicatorEntry, in document: IngestedDocument, period: String?, owner: String?,
               sourceLocation: SourceLocation = #_sourceLocation) {
        let what = "entry '\(indicator)'"
        #expect(e.schema == "indicators/1", "\(what)", sourceLocation: sourceLocation)
        #expect(e.docID == document.docID, "\(what) doc_id", sourceLocation: sourceLocation)
        #expect(e.sourceFile == document.sourceFile, "\(what) source_file", sourceLocation: sourceLocation)
        #expect(e.page == page, "\(what) page", sourceLocation: sourceLocation)
        // The box lies on the page.
        if let b = e.bbox, let pageBox = document.pages.first(where: { $0.number == e.page }) {
            #expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= pageBox.width && b.y1 <= pageBox.height && b.x0 < b.x1 && b.y0 < b.y1,
                    "\(what) bbox \(b)", sourceLocation: sourceLocation)
        } else {
            Issue.record("\(what) has no bbox", sourceLocation: sourceLocation)
        }
        #expect(e.level == level, "\(what) level", sourceLocation: sourceLocation)
        #expect(e.goal == goal, "\(what) goal", sourceLocation: sourceLocation)
        #expect(e.indicator == indicator, sourceLocation: sourceLocation)
        #expect(e.parent == parent, "\(what) parent", sourceLocation: sourceLocation)
        #expect(e.definition == definition, "\(what) definition", sourceLocation: sourceLocation)
        #expect(e.formula == formula, "\(what) formula", sourceLocation: sourceLocation)
        #expect(e.numerator == numerator, "\(what) numerator", sourceLocation: sourceLocation)
        #expect(e.denominator == denominator, "\(what) denominator", sourceLocation: sourceLocation)
        #expect(e.multiplier == multiplier, "\(what) multiplier", sourceLocation: sourceLocation)
        #expect(e.target.raw == targetRaw, "\(what) target raw", sourceLocation: sourceLocation)
        #expect(e.target.value == targetValue, "\(what) target value", sourceLocation: sourceLocation)
        #expect(e.unit == unit, "\(what) unit", sourceLocation: sourceLocation)
        #expect(e.period == period, "\(what) period", sourceLocation: sourceLocation)
        #expect(e.owner == owner, "\(what) owner", sourceLocation: sourceLocation)
        #expect(e.crosscutting == crosscutting, "\(what) crosscutting", sourceLocation: sourceLocation)
        #expect(e.polarity == polarity, "\(what) polarity (\(e.polarityBasis ?? ""))", sourceLocation: sourceLocation)
    }
}
