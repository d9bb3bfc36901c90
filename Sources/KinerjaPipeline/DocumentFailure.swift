import Ingest

/// Why a file gave no document: the stage it stopped at, a kind a program
/// can act on, and the one-line detail `documents.csv` shows after the
/// file's name.
public struct DocumentFailure: Sendable, Codable, Equatable, Error {
    public enum Stage: String, Sendable, Codable {
        /// Finding and hashing the input.
        case discovery
        /// Opening and reading the PDF (in a worker process).
        case ingest
        /// The worker process itself.
        case worker
    }

    public enum Kind: String, Sendable, Codable {
        /// The file or folder cannot be opened (missing, no permission, a broken link).
        case unreadable
        case empty
        case notPDF = "not_pdf"
        case encrypted
        case damaged
        case noPages = "no_pages"
        /// `ingest.document_time_limit` or `ingest.page_time_limit` passed.
        case timeout
        /// The worker crashed, could not start or sent an unreadable reply.
        case workerFailure = "worker_failure"
        case other
    }

    public var stage: Stage
    public var kind: Kind
    public var detail: String

    public init(stage: Stage, kind: Kind, detail: String) {
        self.stage = stage
        self.kind = kind
        self.detail = detail
    }

    /// A PDF that could not be read.
    init(_ error: Error) {
        guard let e = error as? IngestError else {
            self.init(stage: .ingest, kind: .other, detail: "\(error)")
            return
        }
        let kind: Kind = switch e {
        case .unreadable: .unreadable
        case .empty: .empty
        case .notPDF: .notPDF
        case .encrypted: .encrypted
        case .damaged: .damaged
        case .noPages: .noPages
        }
        self.init(stage: .ingest, kind: kind, detail: e.description)
    }
}
