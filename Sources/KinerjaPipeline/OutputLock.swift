import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One run at a time in an output folder: `kinerja run` holds an exclusive
/// lock on `OUT/.kinerja.lock` (with its process id inside) until it ends,
/// so two runs never mix their files or rows. The kernel drops the lock
/// when the process dies, even by `kill -9`.
final class OutputLock {
    static let fileName = ".kinerja.lock"

    struct Busy: Error, CustomStringConvertible {
        var directory: String
        var holder: String
        var description: String {
            "\(directory) is in use by another kinerja run\(holder.isEmpty ? "" : " (process \(holder))"); wait for it to finish or choose another --out"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "cannot lock \(path): \(String(cString: strerror(code)))" }
    }

    private let fd: Int32

    /// Takes the lock on `directory` (created when missing), then removes
    /// the temporary files an interrupted run left there.
    init(directory: URL) throws {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(Self.fileName).path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failed(path: path, code: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(fd)
            if code == EWOULDBLOCK { throw Busy(directory: directory.path, holder: holder) }
            throw Failed(path: path, code: code)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        Self.removeTemporaryFiles(in: directory)
    }

    deinit { close(fd) }

    /// Removes `.NAME.PID.RANDOM.tmp` files (see `AtomicFile`; SQLite's
    /// journal beside one ends in `.tmp-journal`) in `directory`
    /// and its hidden sub-folders: a run killed while writing leaves them,
    /// and no run but the lock holder can be writing them now.
    static func removeTemporaryFiles(in directory: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names {
            let url = directory.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                if name.hasPrefix(".") { removeTemporaryFiles(in: url) }
            } else if name.hasPrefix("."), name.hasSuffix(".tmp") || name.contains(".tmp-") {
                try? fm.removeItem(at: url)
            }
        }
    }
}
