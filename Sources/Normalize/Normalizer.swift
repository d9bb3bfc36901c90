import Model

/// What Normalize hands forward: the document's records and what it
/// learned about the document.
public struct NormalizedDocument: Sendable {
    public var records: [Record]
    /// Logical tables found (a table running over pages counts once).
    public var tableCount: Int
    public var kind: DocumentSummary.Kind
    public var reportYear: Int?
    /// The indicator catalog of a performance tree (`kind == .pohon`).
    public var indicators: [IndicatorEntry]
    /// The agency the document belongs to, reduced for comparison (`dinas
    /// sosial kota sukamaju`), when its title names one.
    public var agency: String?

    /// Every table found, with what it was read as (`tables.csv`).
    public var tables: [TableSummary]

    public init(records: [Record], tableCount: Int, kind: DocumentSummary.Kind, reportYear: Int?,
                indicators: [IndicatorEntry] = [], agency: String? = nil, tables: [TableSummary] = []) {
        self.tables = tables
        self.records = records
        self.tableCount = tableCount
        self.kind = kind
        self.reportYear = reportYear
        self.indicators = indicators
        self.agency = agency
    }
}

/// Stage 2: table grids → records (header mapping, number parsing,
/// hierarchy, one record per indicator per period).
public struct Normalizer: Sendable {
    public var config: NormalizeConfig
    /// How performance trees are read into the indicator catalog.
    public var catalog: CatalogConfig

    public init(config: NormalizeConfig = .init(), catalog: CatalogConfig = .init()) {
        self.config = config
        self.catalog = catalog
    }

    public func normalize(_ document: IngestedDocument) -> NormalizedDocument {
        let context = DocumentContext(document)
        let assembler = TableAssembler(mapper: HeaderMapper(columns: config.columns))
        let tables = assembler.assemble(document, furniture: context.furniture)
        let builder = RecordBuilder(config: config, context: context, document: document)
        let built = tables.map { builder.records(for: $0) }
        var records = built.flatMap(\.records)
        // An indicator row printing nothing is a record only where the same
        // indicator prints in another period (its quarter not yet filled).
        let printed = Dictionary(grouping: records, by: BlankRowKey.init).mapValues { Set($0.map(\.period)) }
        let blank = built.flatMap(\.blank).filter { r in
            printed[BlankRowKey(r)]?.contains { $0 != r.period } ?? false
        }
        if !blank.isEmpty {
            records = (records + blank).sorted { ($0.table, $0.row, $0.period) < ($1.table, $1.row, $1.period) }
        }
        let perTable = Dictionary(grouping: records, by: \.table).mapValues(\.count)
        // A performance tree gives catalog entries, not records.
        let reader = CatalogReader(config: catalog)
        let indicators = context.kind == .pohon ? reader.entries(of: document) : []
        if !indicators.isEmpty { records = [] }
        let summaries = zip(tables, built).map { table, reading in
            let count = indicators.isEmpty ? (perTable[table.number] ?? 0) : 0
            let reason = !indicators.isEmpty && reading.printsFigures
                ? "a performance tree: its indicators go to the indicator catalog" : (count > 0 ? "" : reading.reason)
            return TableSummary(docID: document.docID, sourceFile: document.sourceFile, page: table.firstPage,
                                lastPage: table.lastPage, table: table.number, rows: table.rows.count,
                                columns: table.columnCount, header: table.paths, mapping: reading.mapping,
                                records: count, reason: reason)
        }
        return NormalizedDocument(records: records, tableCount: tables.count, kind: context.kind,
                                  reportYear: context.reportYear, indicators: indicators,
                                  agency: reader.agency(of: document)?.key, tables: summaries)
    }
}

/// The indicator row a record comes from, across the periods of a document.
private struct BlankRowKey: Hashable {
    let indicator: String
    let name: String?
    let level: Level?
    let path: [String]

    init(_ r: Record) {
        indicator = r.indicator
        name = r.name
        level = r.level
        path = r.path
    }
}
