import Foundation

/// A PDF to read and the name it goes by in the output.
struct InputFile: Hashable {
    var url: URL
    /// Path relative to the input root it was found under.
    var sourceFile: String
}

/// Finds the PDFs named on the command line: a file is taken as it is, a
/// folder is searched recursively for `*.pdf` (symbolic links to folders
/// are not followed, so a link loop cannot trap the search).
enum InputDiscovery {
    static func files(in paths: [String]) -> (files: [InputFile], problems: [InputFile: String]) {
        var files: [InputFile] = []
        var problems: [InputFile: String] = [:]
        let fm = FileManager.default
        for path in paths {
            let root = URL(fileURLWithPath: path).standardizedFileURL
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDir) else {
                problems[InputFile(url: root, sourceFile: path)] = "no such file or folder"
                continue
            }
            if !isDir.boolValue {
                files.append(InputFile(url: root, sourceFile: root.lastPathComponent))
                continue
            }
            guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                             options: [], errorHandler: { url, error in
                problems[InputFile(url: url, sourceFile: url.path)] = "cannot list: \(error.localizedDescription)"
                return true
            }) else { continue }
            let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
            for case let url as URL in walker where url.pathExtension.lowercased() == "pdf" {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                let full = url.standardizedFileURL.path
                let relative = full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent
                if values?.isSymbolicLink == true {
                    // A link to a file is read; a link to a folder is not followed.
                    var linkIsDir: ObjCBool = false
                    guard fm.fileExists(atPath: url.path, isDirectory: &linkIsDir) else {
                        problems[InputFile(url: url, sourceFile: relative)] =
                            "broken symbolic link (its target is missing, or the link points back to itself)"
                        continue
                    }
                    guard !linkIsDir.boolValue else { continue }
                } else if values?.isRegularFile != true {
                    continue
                }
                files.append(InputFile(url: url, sourceFile: relative))
            }
        }
        files.sort { $0.sourceFile < $1.sourceFile }
        return (files, problems)
    }
}
