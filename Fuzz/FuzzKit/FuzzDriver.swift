import Foundation

/// The `main` of a fuzz program.
///
/// Built by `scripts/fuzz` (with `-DFUZZING`, sanitizer coverage and
/// libFuzzer linked in), it hands the arguments to libFuzzer. Built plainly
/// it replays the files (or folders of files) named on the command line,
/// so a saved crash can be run under a debugger.
public enum FuzzDriver {
    public static func main(_ target: @escaping ([UInt8]) -> Void) -> Int32 {
        #if FUZZING
        current = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv) { data, count in
            FuzzDriver.current?(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
            return 0
        }
        #else
        for path in CommandLine.arguments.dropFirst() {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target([UInt8](data))
                print("ok \(file)")
            }
        }
        return 0
        #endif
    }

    /// The fuzz target libFuzzer calls back (a C callback captures nothing).
    nonisolated(unsafe) static var current: (([UInt8]) -> Void)?

    /// The file at `path`, or the files in the folder at `path`.
    public static func files(at path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        guard isDir.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
#endif
