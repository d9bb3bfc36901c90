import Foundation
import Model

extension Ingestor {
    /// Reads the file at `url`; `onPage` is told the pages read so far and
    /// the document's page count. `threads` is how many threads the pages
    /// may be spread over.
    public func read(_ url: URL, sourceFile: String, threads: Int,
                     onPage: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> IngestedDocument {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw IngestError.unreadable((error as NSError).localizedDescription)
        }
        // `threads` bounds the document's pages in OCR at once.
        return try read(data: data, sourceFile: sourceFile, ocrThreads: threads, onPage: onPage)
    }
}
