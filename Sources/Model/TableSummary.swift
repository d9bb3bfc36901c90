/// One line of `tables.csv`: a table as the reader found it, what each of
/// its columns was read as, and why it gave no records when it gave none.
public struct TableSummary: Hashable, Sendable, Codable {
    public var docID: String
    public var sourceFile: String
    /// Page the table starts on, and the page it ends on.
    public var page: Int
    public var lastPage: Int
    /// 1-based table number within the document (as in records).
    public var table: Int
    /// Body rows and grid columns.
    public var rows: Int
    public var columns: Int
    /// Each column's header path, group cells over the leaf, outermost first.
    public var header: [[String]]
    /// What each column was read as: `target@2022`, `realisasi_rp@2023-Q2`,
    /// `pagu:kegiatan`, `name`, `indicator`, `extra`, `ignored` …
    public var mapping: [String]
    public var records: Int
    /// One sentence: why a table that prints figures gave no records; empty
    /// otherwise.
    public var reason: String

    public init(docID: String, sourceFile: String, page: Int, lastPage: Int, table: Int, rows: Int, columns: Int,
                header: [[String]], mapping: [String], records: Int, reason: String) {
        self.docID = docID
        self.sourceFile = sourceFile
        self.page = page
        self.lastPage = lastPage
        self.table = table
        self.rows = rows
        self.columns = columns
        self.header = header
        self.mapping = mapping
        self.records = records
        self.reason = reason
    }

    /// The contract's `header` column: paths joined with ` › `, columns with ` | `.
    public var headerText: String { header.map { $0.joined(separator: " › ") }.joined(separator: " | ") }
    /// The contract's `mapping` column, columns separated by ` | `.
    public var mappingText: String { mapping.joined(separator: " | ") }
}
