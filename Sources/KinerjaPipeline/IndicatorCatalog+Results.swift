import Model
import Validate

extension IndicatorCatalog {
    /// The catalog of documents read together: every performance tree's
    /// entries, and each document's agency for linking records to the
    /// entries of their own agency.
    init(results: [DocumentResult], config: CatalogConfig) {
        let agencies = Dictionary(results.compactMap { r in r.agency.map { (r.summary.docID, $0) } },
                                  uniquingKeysWith: { a, _ in a })
        self.init(entries: results.flatMap(\.indicators), agencies: agencies, config: config)
    }
}
