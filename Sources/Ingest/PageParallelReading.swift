import Foundation
import Model

extension Ingestor {
    /// Reads the file at `url`; `onPage` is told the pages read so far and
    /// the document's page count. `threads` is how many threads the pages
    /// may be spread over.
    public func read(_ url: URL, sourceFile: String, threads: Int,
                     onPage: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> IngestedDocument {
        let document = try read(url, sourceFile: sourceFile)
        onPage?(document.pages.count, document.pages.count)
        return document
    }
}
