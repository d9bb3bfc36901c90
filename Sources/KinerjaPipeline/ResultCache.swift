import Export
import Foundation
import Ingest
import Model

/// Each finished document's outcome (summary and records, before
/// validation), kept under the output folder so that a rerun, after an
/// interruption or with more files, reads only what it has not read yet.
///
/// An entry is keyed by the file's SHA-256, the program that read it and the
/// settings of the stages it keeps (ingest, normalize, catalog): change any
/// of them and the file is read again.
/// Entries are written atomically, so a run killed at any moment leaves
/// whole entries or none.
public struct ResultCache: Sendable {
    /// The cache folder's name inside the output folder.
    public static let folderName = ".kinerja-cache"
    /// Bumped when the entry format changes.
    static let formatVersion = "outcome/1"

    let directory: URL
    /// SHA-256 over the format version, the program and the reading settings.
    let fingerprint: String

    init(outputDirectory: URL, config: PipelineConfig) throws {
        directory = outputDirectory.appendingPathComponent(Self.folderName, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var identity = Data("\(Self.formatVersion)\n\(Self.programHash)\n".utf8)
        // Only the settings of the stages whose results it keeps: a change to
        // validation or export reuses what was read.
        identity.append(try SettingsDigest.json(ReadingSettings(ingest: config.ingest, normalize: config.normalize,
                                                           catalog: config.catalog)))
        fingerprint = Ingestor.documentID(of: identity)
        removeLeftovers()
    }

    /// The stored outcome of the file with SHA-256 `fileHash`, under the
    /// name it has now; nil when there is none (or it cannot be read).
    func outcome(fileHash: String, sourceFile: String) -> DocumentResult? {
        guard let data = FileManager.default.contents(atPath: entry(fileHash).path),
              let outcome = try? WorkerProtocol.decode(DocumentResult.self, from: data),
              outcome.summary.docID == fileHash else { return nil }
        return outcome.renamed(to: sourceFile)
    }

    /// Stores `outcome` for the file with SHA-256 `fileHash`.
    func store(_ outcome: DocumentResult, fileHash: String) throws {
        try AtomicFile.write(try WorkerProtocol.line(outcome), to: entry(fileHash))
    }

    private func entry(_ fileHash: String) -> URL {
        directory.appendingPathComponent("\(fileHash).\(fingerprint.prefix(16)).json")
    }

    /// Temporary files of writes a killed run did not finish.
    private func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// SHA-256 of the running executable: a rebuilt program may read files
    /// differently, so it does not reuse the old one's outcomes.
    static let programHash: String = {
        guard let path = executablePath,
              let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return "unknown" }
        return Ingestor.documentID(of: data)
    }()

    /// The running executable's path.
    static var executablePath: String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath
    }
}

/// The settings a kept result depends on.
private struct ReadingSettings: Encodable {
    var ingest: IngestConfig
    var normalize: NormalizeConfig
    var catalog: CatalogConfig
}
