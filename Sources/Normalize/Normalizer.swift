import Model

/// What Normalize hands forward: the document's records and what it
/// learned about the document.
public struct NormalizedDocument: Sendable {
    public var records: [Record]
    /// Logical tables found (a table running over pages counts once).
    public var tableCount: Int
    public var kind: DocumentSummary.Kind
    public var reportYear: Int?

    public init(records: [Record], tableCount: Int, kind: DocumentSummary.Kind, reportYear: Int?) {
        self.records = records
        self.tableCount = tableCount
        self.kind = kind
        self.reportYear = reportYear
    }
}

/// Stage 2: table grids → records (header mapping, number parsing,
/// hierarchy, one record per indicator per period).
public struct Normalizer: Sendable {
    public var config: NormalizeConfig

    public init(config: NormalizeConfig = .init()) {
        self.config = config
    }

    public func normalize(_ document: IngestedDocument) -> NormalizedDocument {
        let context = DocumentContext(document)
        let assembler = TableAssembler(mapper: HeaderMapper(columns: config.columns))
        let tables = assembler.assemble(document, furniture: context.furniture)
        let builder = RecordBuilder(config: config, context: context, document: document)
        let records = tables.flatMap { builder.records(for: $0) }
        return NormalizedDocument(records: records, tableCount: tables.count, kind: context.kind,
                                  reportYear: context.reportYear)
    }
}
