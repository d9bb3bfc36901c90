import Foundation
import FuzzKit
import Testing

/// Every input in Fuzz/Regressions (seeds, and each crash the fuzzers
/// found, kept once fixed) replayed through its fuzz target: none may
/// crash or break a property the target checks.
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions")

    static func inputs(_ target: String) -> [String] {
        FuzzDriver.files(at: folder.appendingPathComponent(target).path)
    }

    @Test func numberParserInputs() throws {
        let files = Self.inputs("numbers")
        #expect(!files.isEmpty)
        for file in files {
            NumberParserFuzz.run([UInt8](try #require(FileManager.default.contents(atPath: file))))
        }
    }

    @Test func tableInputs() throws {
        let files = Self.inputs("tables")
        #expect(!files.isEmpty)
        for file in files {
            TableFuzz.run([UInt8](try #require(FileManager.default.contents(atPath: file))))
        }
    }
}
