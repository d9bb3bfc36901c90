import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A PDF to read and the name it goes by in the output.
struct InputFile: Hashable, Sendable {
    var url: URL
    /// Path relative to the input root it was found under; unique in a run.
    var sourceFile: String
}

/// What the command line's paths hold.
struct Inputs {
    /// Regular files to read, sorted by `sourceFile`.
    var files: [InputFile] = []
    /// Paths that could not be searched or do not exist (`failed` rows).
    var unreadable: [(file: InputFile, why: String)] = []
    /// `*.pdf` entries that are not regular files (FIFOs, sockets, devices):
    /// never opened, listed as `skipped` rows.
    var skipped: [(file: InputFile, why: String)] = []
    /// What the search left out and why, for the log: folders reached twice
    /// through symbolic links, a path named twice.
    var notes: [String] = []
}

/// Finds the PDFs named on the command line: a file is taken as it is, a
/// folder is searched recursively for `*.pdf`. Symbolic links are followed,
/// folders among them once each (a link back to a folder already searched,
/// a loop, is noted and not followed again). Only regular files are read: a
/// FIFO named `x.pdf` would block the reader for ever.
///
/// `sourceFile` is the path below the folder given (the file name for a
/// file given); when two inputs would share one, both keep as many of their
/// parent folders as it takes to tell them apart (`dinkes/lkjip.pdf`,
/// `dinsos/lkjip.pdf`).
public enum InputDiscovery {
    static func files(in paths: [String]) -> Inputs {
        var inputs = Inputs()
        // Each found file with its name so far and, for a FIFO, socket or
        // device, what it is.
        var found: [(url: URL, name: [String], special: String?)] = []
        var searched: [String: String] = [:]   // real folder path → the path it was searched as
        let fm = FileManager.default

        func walk(_ folder: URL, _ name: [String]) {
            let real = realPath(folder.path)
            if let first = searched[real] {
                inputs.notes.append("\(folder.path): not searched again (the same folder as \(first), reached through a symbolic link)")
                return
            }
            searched[real] = folder.path
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: folder.path).sorted()
            } catch {
                inputs.unreadable.append((InputFile(url: folder, sourceFile: folder.path),
                                          "cannot list: \((error as NSError).localizedDescription)"))
                return
            }
            for entry in entries {
                let url = folder.appendingPathComponent(entry)
                switch kind(of: url.path) {
                case .folder:
                    walk(url, name + [entry])
                case .missing(let why):
                    if entry.lowercased().hasSuffix(".pdf") {
                        inputs.unreadable.append((InputFile(url: url, sourceFile: (name + [entry]).joined(separator: "/")), why))
                    }
                case .file:
                    if entry.lowercased().hasSuffix(".pdf") { found.append((url, name + [entry], nil)) }
                case .special(let what):
                    if entry.lowercased().hasSuffix(".pdf") { found.append((url, name + [entry], what)) }
                }
            }
        }

        var given = Set<String>()
        for path in paths {
            let root = URL(fileURLWithPath: path).standardizedFileURL
            guard given.insert(root.path).inserted else {
                inputs.notes.append("\(path): named twice, read once")
                continue
            }
            switch kind(of: root.path) {
            case .missing(let why):
                inputs.unreadable.append((InputFile(url: root, sourceFile: path), why))
            case .folder:
                walk(root, [])
            case .file:
                found.append((root, [root.lastPathComponent], nil))
            case .special(let what):
                found.append((root, [root.lastPathComponent], what))
            }
        }

        // Each found file once (a file inside a folder also named as a file).
        var seen = Set<String>()
        found = found.filter { seen.insert(realPath($0.url.path)).inserted }
        let names = uniqueNames(found.map { ($0.url, $0.name) })
        for (i, entry) in found.enumerated() {
            let file = InputFile(url: entry.url, sourceFile: names[i])
            if let what = entry.special {
                inputs.skipped.append((file, "not a regular file (\(what)); only regular files are read"))
            } else {
                inputs.files.append(file)
            }
        }
        inputs.files.sort { $0.sourceFile < $1.sourceFile }
        inputs.skipped.sort { $0.file.sourceFile < $1.file.sourceFile }
        inputs.unreadable.sort { $0.file.sourceFile < $1.file.sourceFile }
        return inputs
    }

    /// Names joined from `name`, each lengthened by the folders above it
    /// (from its full path) while another name equals it.
    static func uniqueNames(_ files: [(url: URL, name: [String])]) -> [String] {
        var names = files.map(\.name)
        let full = files.map { $0.url.standardizedFileURL.pathComponents.filter { $0 != "/" } }
        while true {
            let joined = names.map { $0.joined(separator: "/") }
            let counts = Dictionary(joined.map { ($0, 1) }, uniquingKeysWith: +)
            var grew = false
            for i in names.indices where counts[joined[i]]! > 1 && names[i].count < full[i].count {
                names[i] = Array(full[i].suffix(names[i].count + 1))
                grew = true
            }
            if !grew { return names.map { $0.joined(separator: "/") } }
        }
    }

    /// The path with every symbolic link resolved (itself when that fails).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public enum Kind: Sendable {
        case file, folder
        /// A FIFO, socket or device.
        case special(String)
        case missing(String)
    }

    /// What is at `path`, following symbolic links.
    public static func kind(of path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                return .missing(code == ELOOP ? "symbolic link loop" : "broken symbolic link (its target is missing)")
            }
            return .missing(code == ENOENT ? "no such file or folder" : String(cString: strerror(code)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFIFO: return .special("a FIFO")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("not a file")
        }
    }
}
