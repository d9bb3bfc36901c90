import Model
import Validate

extension Array where Element == DocumentOutcome {
    /// The batch's indicator catalog: every performance tree's entries, and
    /// each document's agency for linking records to the entries of their
    /// own agency.
    func catalog(_ config: CatalogConfig) -> IndicatorCatalog {
        let agencies = Dictionary(compactMap { o in o.agency.map { (o.summary.docID, $0) } },
                                  uniquingKeysWith: { a, _ in a })
        return IndicatorCatalog(entries: flatMap(\.indicators), agencies: agencies, config: config)
    }
}
