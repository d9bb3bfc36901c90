import Foundation
import Ingest
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--shard K/N`: this run takes the K-th of N disjoint parts of the input,
/// chosen by each file's SHA-256, so N machines given the same corpus split
/// it without overlap or gaps, whatever the order or the paths they see.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            return nil
        }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the file with this SHA-256 (lowercase hex) belongs here.
    func contains(hash: String) -> Bool {
        let prefix = UInt64(hash.prefix(16), radix: 16) ?? 0
        return Int(prefix % UInt64(count)) == index - 1
    }

    /// For a file that cannot be read (so has no content hash): decided by
    /// its name instead, still the same on every machine.
    func contains(unreadable sourceFile: String) -> Bool {
        contains(hash: Ingestor.documentID(of: Data(sourceFile.utf8)))
    }
}

/// SHA-256 of a file's bytes, the same digest as a document's `doc_id`.
enum FileHash {
    /// Why a file's bytes cannot be read, as the system says it.
    struct Unreadable: Error, Sendable {
        var reason: String
    }

    static func sha256(of url: URL) throws(Unreadable) -> String {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Unreadable(reason: String(cString: strerror(errno))) }
        close(fd)
        do {
            return Ingestor.documentID(of: try Data(contentsOf: url, options: .alwaysMapped))
        } catch {
            throw Unreadable(reason: (error as NSError).localizedDescription)
        }
    }
}
