import Foundation
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// Runs the built `kinerja` binary and builds the PDFs the batch tests read.
enum BatchSupport {
    static let devCorpus = Corpus.dev
    static let realCorpus = Corpus.real

    /// The dev corpus PDFs with a text layer (gold next to each).
    static let devTextFiles = [
        "lk01_lkjip_2022_dp3a_kab_bantul",
        "lk02_lkjip_2021_dinkes_kota_cilegon",
        "tw01_pengukuran_kinerja_2022_dinkes_kab_tanah_datar",
        "tw02_pengukuran_kinerja_2024_dinsospmd_kab_lombok_timur",
        "tw03_pengukuran_kinerja_2024_dpkp_kab_lebak",
    ]

    static func devPDF(_ name: String) -> URL { devCorpus.appendingPathComponent(name + ".pdf") }

    /// Records in a dev file's gold.
    static func goldRecordCount(_ name: String) throws -> Int {
        let text = try String(contentsOf: devCorpus.appendingPathComponent(name + ".records.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.isEmpty }.count
    }

    /// The `kinerja` executable SwiftPM built next to the test bundle.
    static var executable: URL {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        return me.deletingLastPathComponent().appendingPathComponent("kinerja")
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kinerja-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A run's folders: `root` (removed by the caller), `root/in` made
    /// empty for the input PDFs, and `root/out` for the outputs.
    struct RunFolders {
        var root: URL
        var input: URL { root.appendingPathComponent("in") }
        var out: URL { root.appendingPathComponent("out") }
    }

    static func runFolders(_ name: String) throws -> RunFolders {
        let folders = RunFolders(root: try temporaryFolder(name))
        try FileManager.default.createDirectory(at: folders.input, withIntermediateDirectories: true)
        return folders
    }

    struct Finished {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts `kinerja` with `arguments`; output goes to files in `logs`.
    static func start(_ arguments: [String], logs: URL) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        FileManager.default.createFile(atPath: logs.appendingPathComponent("stdout").path, contents: nil)
        FileManager.default.createFile(atPath: logs.appendingPathComponent("stderr").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: logs.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: logs.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `kinerja` with `arguments` to the end.
    static func run(_ arguments: [String]) throws -> Finished {
        let logs = try temporaryFolder("logs")
        defer { try? FileManager.default.removeItem(at: logs) }
        let process = try start(arguments, logs: logs)
        process.waitUntilExit()
        return Finished(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: logs.appendingPathComponent("stdout"), encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: logs.appendingPathComponent("stderr"), encoding: .utf8)) ?? "")
    }

    @discardableResult
    static func tool(_ name: String, _ arguments: [String], okStatuses: Set<Int32> = [0]) throws -> String {
        try Tool.run(name, arguments, okStatuses: okStatuses)
    }

    /// A PDF of 1,008 pages: the cover page of a dev report 1,008 times (qpdf).
    static func thousandPagePDF(at url: URL) throws {
        let source = devPDF("lk01_lkjip_2022_dp3a_kab_bantul").path
        var arguments = ["--empty", "--pages"]
        for _ in 0..<1008 { arguments += [source, "1"] }
        arguments += ["--", url.path]
        try tool("qpdf", arguments, okStatuses: [0, 3])
    }

    /// The process ids of `pid`'s children (every thread's).
    static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var found: [Int32] = []
        for task in tasks {
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            found += text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return found
    }

    static func isAlive(_ pid: Int32) -> Bool {
        // A zombie is dead for our purpose: its state letter is Z.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return true }
        return !stat[close...].dropFirst(2).hasPrefix("Z")
    }

    /// Waits until `condition` holds, up to `timeout` seconds.
    static func wait(upTo timeout: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }
}

/// documents.csv (or tables.csv) read back: one dictionary per row, by column name.
struct DocumentsTable {
    var rows: [[String: String]]

    init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let records = Self.parse(text)
        guard let header = records.first else { rows = []; return }
        rows = records.dropFirst().map { fields in
            Dictionary(uniqueKeysWithValues: zip(header, fields + Array(repeating: "", count: max(0, header.count - fields.count))))
        }
    }

    func row(_ sourceFile: String) -> [String: String]? {
        rows.first { $0["source_file"] == sourceFile }
    }

    /// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field); field = ""
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
                fields = []
            } else {
                field.append(c)
            }
            i += 1
        }
        return records
    }
}
