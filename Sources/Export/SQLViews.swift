/// Views for the questions people ask of the databases, the same SQL in
/// SQLite and PostgreSQL. They name `table` and `row` `table_no` and
/// `row_no`, so queries on them need no quoting.
public enum SQLViews {
    public struct View: Sendable {
        public var name: String
        public var description: String
        /// The `SELECT` the view stands for.
        public var query: String

        public var createSQL: String { "CREATE VIEW \(name) AS \(query)" }
    }

    public static let all: [View] = [
        View(name: "indicator_capaian",
             description: "Records with a target, realisasi or capaian: where each is printed, and what.",
             query: """
                SELECT r.source_file, r.period, r.level, r.path, r.name, r.indicator, r.unit,
                       r.target_raw, r.target, r.realisasi_raw, r.realisasi, r.capaian_raw, r.capaian,
                       r.polarity, r.page, r."table" AS table_no, r."row" AS row_no, r.doc_id
                FROM records r
                WHERE r.row_kind = 'item'
                  AND (r.target IS NOT NULL OR r.realisasi IS NOT NULL OR r.capaian IS NOT NULL)
                """),
        View(name: "findings_by_rule",
             description: "Findings per rule and severity, and in how many documents.",
             query: """
                SELECT d.rule, d.severity, COUNT(*) AS findings, COUNT(DISTINCT d.doc_id) AS documents
                FROM discrepancies d
                GROUP BY d.rule, d.severity
                """),
        View(name: "findings_by_document",
             description: "Per input file: status, records, and findings by severity.",
             query: """
                SELECT m.source_file, m.status, m.kind, m.pages, m.records,
                       COALESCE(SUM(CASE WHEN d.severity = 'error' THEN 1 ELSE 0 END), 0) AS errors,
                       COALESCE(SUM(CASE WHEN d.severity = 'warning' THEN 1 ELSE 0 END), 0) AS warnings,
                       COALESCE(SUM(CASE WHEN d.severity = 'info' THEN 1 ELSE 0 END), 0) AS infos
                FROM documents m
                LEFT JOIN discrepancies d ON d.source_file = m.source_file AND d.doc_id = m.doc_id
                GROUP BY m.source_file, m.status, m.kind, m.pages, m.records
                """),
        View(name: "finding_rows",
             description: "Each finding beside the figures of the row it is about.",
             query: """
                SELECT d.source_file, d.page, d."table" AS table_no, d."row" AS row_no, d.period, d.rule, d.severity,
                       d.field, d.reported, d.expected, r.indicator, r.name, r.target_raw, r.realisasi_raw,
                       r.capaian_raw, r.pagu_raw, r.realisasi_rp_raw, r.capaian_anggaran_raw, d.message
                FROM discrepancies d
                LEFT JOIN records r ON r.doc_id = d.doc_id AND r."table" = d."table" AND r."row" = d."row"
                                   AND r.period = d.period
                """),
    ]
}
