import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) or SIGTERM during a run: one line saying the finished
/// documents are kept, then exit 128 + the signal (130, 143), the status a
/// shell gives a process the signal ended. Readers notice the run is gone
/// and stop (`Worker.exitWhenOrphaned`). A signal the caller set to be
/// ignored (a background job of a script) stays ignored.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func exitOnSignals(resumeHint: String) {
        for (sig, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            var old = sigaction()
            sigaction(sig, nil, &old)
            #if canImport(Darwin)
            let handler = old.__sigaction_u.__sa_handler
            #else
            let handler = old.__sigaction_handler.sa_handler
            #endif
            if unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                let line = "\rkinerja: interrupted by \(name): \(resumeHint)\n"
                _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
                _exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
