import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process whose standard input and output are pipes to us, read
/// line by line with a deadline.
final class ChildProcess {
    /// How a child process ended.
    enum Exit: Equatable, CustomStringConvertible {
        case status(Int32)
        case signal(Int32)

        var description: String {
            switch self {
            case .status(let code): return "exited with status \(code)"
            case .signal(let sig):
                let name = strsignal(sig).map { String(cString: $0) } ?? "signal"
                return "killed by signal \(sig) (\(name))"
            }
        }
    }

    /// What waiting for a line gave.
    enum ReadResult {
        case line(Data)
        /// The child closed its output or died; the exit is known.
        case ended(Exit)
        case timedOut
    }

    let pid: pid_t
    private var input: Int32
    private var output: Int32
    private var buffer = Data()
    /// How many bytes at the start of `buffer` hold no line end (a long
    /// line arrives in many reads: each read's bytes are searched once).
    private var searched = 0
    private var exit: Exit?

    /// Pipes are created and the child spawned under one lock, so a child
    /// spawned by another thread never inherits the ends of this one's
    /// pipes (which would hide this child's death behind an open pipe).
    private static let spawnLock = NSLock()

    /// Starts `executable` with `arguments`; its standard error goes to
    /// `errorLog` (appended), or is inherited when nil.
    init(executable: String, arguments: [String], errorLog: String?) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw SpawnError(call: "pipe", code: errno) }
        guard pipe(&fromChild) == 0 else {
            let code = errno
            close(toChild[0]); close(toChild[1])
            throw SpawnError(call: "pipe", code: code)
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        if let errorLog {
            posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }

        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard rc == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw SpawnError(call: "posix_spawn \(executable)", code: rc)
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
    }

    deinit {
        if exit == nil { kill(pid, SIGKILL); _ = reap(blocking: true) }
        if input >= 0 { close(input) }
        if output >= 0 { close(output) }
    }

    /// Writes `data` to the child's standard input; false when the child
    /// is gone.
    func send(_ data: Data) -> Bool {
        guard input >= 0 else { return false }
        return writeAll(input, data)
    }

    /// The next line the child writes, waiting until `deadline` at most.
    func readLine(until deadline: Date?) -> ReadResult {
        while true {
            if let nl = buffer[(buffer.startIndex + searched)...].firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<nl]
                buffer.removeSubrange(buffer.startIndex...nl)
                searched = 0
                return .line(Data(line))
            }
            searched = buffer.count
            if let exit { return .ended(exit) }
            if let deadline, Date() >= deadline { return .timedOut }
            // Wake up at least twice a second to notice a dead child even
            // if something else still holds its output pipe open.
            let wait = deadline.map { min(500, max(1, Int32($0.timeIntervalSinceNow * 1000))) } ?? 500
            var fds = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                terminate()
                continue
            }
            if ready == 0 {
                if reap(blocking: false) { drain() }
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = read(output, &chunk, chunk.count)
            if n > 0 {
                chunk.withUnsafeBufferPointer { buffer.append($0.baseAddress!, count: n) }
            } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                // End of output: the child exited or closed it.
                _ = reap(blocking: true)
            }
        }
    }

    /// Kills the child (if still running) and waits for it.
    @discardableResult
    func terminate() -> Exit {
        if let exit { return exit }
        kill(pid, SIGKILL)
        _ = reap(blocking: true)
        return exit ?? .signal(SIGKILL)
    }

    /// Closes the child's input: a worker takes that as the end of work.
    func closeInput() {
        if input >= 0 { close(input); input = -1 }
    }

    /// Reads what is left in the pipe without blocking.
    private func drain() {
        let flags = fcntl(output, F_GETFL)
        _ = fcntl(output, F_SETFL, flags | O_NONBLOCK)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(output, &chunk, chunk.count)
            guard n > 0 else { break }
            chunk.withUnsafeBufferPointer { buffer.append($0.baseAddress!, count: n) }
        }
    }

    /// Collects the child's exit status; true once it has exited.
    private func reap(blocking: Bool) -> Bool {
        if exit != nil { return true }
        var status: Int32 = 0
        let rc = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        if rc == 0 { return false }
        if rc < 0 {
            if errno == EINTR { return reap(blocking: blocking) }
            exit = .status(-1)
            return true
        }
        // WIFEXITED / WTERMSIG are C macros: decode the status by hand.
        let signal = status & 0x7f
        exit = signal == 0 ? .status((status >> 8) & 0xff) : .signal(signal)
        return true
    }
}

/// A failed system call while starting a child process.
struct SpawnError: Error, CustomStringConvertible {
    var call: String
    var code: Int32
    var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// Writes all of `data` to `fd`; false on an error (a closed pipe).
public func writeAll(_ fd: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
