/// One line of `documents.csv`: what became of one input file.
public struct DocumentSummary: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        /// `empty`: read, holds tables with figures, gave no records
        /// (`error` says why, `tables.csv` per table).
        case ok, partial, empty, failed, skipped
    }

    /// Whether the pages carry a usable text layer.
    public enum TextLayer: String, Sendable, Codable {
        case yes, no, partial
    }

    /// What kind of report the document is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// LKjIP / LAKIP / LKIP: the annual performance accountability report.
        case lkjip
        /// Perjanjian Kinerja: the performance agreement (targets only).
        case pk
        /// Pengukuran Kinerja dan Anggaran / Renja evaluation: quarterly tables.
        case triwulan
        /// Pohon Kinerja / cascading: the performance tree.
        case pohon
        /// Realisasi Fisik dan Keuangan: the monthly physical and financial
        /// progress sheet.
        case rfk
        /// Renja: the annual work plan.
        case renja
        /// Evaluation of the Renja (form J-1 / Tabel 2.1).
        case renjaEval = "renja_eval"
        /// Renstra: the five-year strategic plan.
        case renstra
        /// Rencana Kinerja Tahunan: the annual performance plan.
        case rkt
        /// Rencana Aksi: the action plan (quarterly targets) and its monitoring.
        case renaksi
        /// Indikator Kinerja Utama: the key indicators and their prints.
        case iku
        case other

        /// Plans and agreements: their tables give targets and budgets
        /// before any result is printed, so a target-only table is data.
        public var isPlan: Bool {
            switch self {
            case .pk, .renja, .renstra, .rkt, .renaksi, .iku: return true
            default: return false
            }
        }
    }

    public var docID: String
    public var sourceFile: String
    public var status: Status
    public var pages: Int
    public var textLayer: TextLayer?
    public var tables: Int
    public var records: Int
    public var discrepancies: Int
    /// One line, naming what went wrong; empty when nothing did.
    public var error: String
    public var seconds: Double
    public var kind: Kind?
    public var ocrPages: Int

    public init(docID: String, sourceFile: String, status: Status, pages: Int = 0, textLayer: TextLayer? = nil,
                tables: Int = 0, records: Int = 0, discrepancies: Int = 0, error: String = "",
                seconds: Double = 0, kind: Kind? = nil, ocrPages: Int = 0) {
        self.docID = docID
        self.sourceFile = sourceFile
        self.status = status
        self.pages = pages
        self.textLayer = textLayer
        self.tables = tables
        self.records = records
        self.discrepancies = discrepancies
        self.error = error
        self.seconds = seconds
        self.kind = kind
        self.ocrPages = ocrPages
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case docID = "doc_id"
        case sourceFile = "source_file"
        case status, pages
        case textLayer = "text_layer"
        case tables, records, discrepancies, error, seconds, kind
        case ocrPages = "ocr_pages"
    }
}
