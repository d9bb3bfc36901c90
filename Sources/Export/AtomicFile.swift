import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file-system call while writing output.
public struct ExportError: Error, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    /// `errno` of the failed call, 0 when the failure was not a system call.
    public var code: Int32

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        code == 0 ? "\(operation) \(path)" : "\(operation) \(path): \(String(cString: strerror(code)))"
    }
}

/// Replaces a file's content all at once: readers see the old file or the
/// new one, never a half-written one, and a crash leaves the old file.
public enum AtomicFile {
    /// Writes `data` to a temporary file next to `url` (same directory, so
    /// the same file system), fsyncs it, renames it over `url` and fsyncs the
    /// directory so the rename itself is durable. On failure the temporary
    /// file is removed and `url` is left as it was. The new file gets mode
    /// 0666 minus the umask.
    public static func write(_ data: Data, to url: URL) throws {
        let target = url.standardizedFileURL.path
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temp = (directory as NSString).appendingPathComponent(".\(name).\(getpid()).\(suffix).tmp")

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw ExportError(operation: "create", path: temp, code: errno) }
        var done = false
        var isOpen = true
        defer {
            if isOpen { close(fd) }
            if !done { unlink(temp) }
        }

        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let n = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ExportError(operation: "write", path: temp, code: errno)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw ExportError(operation: "fsync", path: temp, code: errno) }
        isOpen = false
        guard close(fd) == 0 else { throw ExportError(operation: "close", path: temp, code: errno) }
        guard rename(temp, target) == 0 else {
            throw ExportError(operation: "rename to \(target)", path: temp, code: errno)
        }
        done = true

        // Make the rename durable. Some file systems refuse to fsync a
        // directory (EINVAL); the data is written by then, so that is no error.
        let dirFD = posixOpen(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }
}

// File-scope wrappers: inside `AtomicFile` the name `write` is its own.
private func posixWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buf, count)
}

private func posixOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
