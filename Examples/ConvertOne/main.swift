// Converts one report PDF through the KinerjaPipeline library: its records
// as JSON Lines on standard output, its findings on standard error.
//
//     swift run ConvertOne report.pdf
import Foundation
import KinerjaPipeline

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: ConvertOne FILE.pdf\n".utf8))
    exit(64)
}
let pipeline = Pipeline(config: try Pipeline.configuration(at: nil))
let result = pipeline.read(URL(fileURLWithPath: CommandLine.arguments[1]))
guard result.summary.status != .failed else {
    FileHandle.standardError.write(Data("\(result.summary.error)\n".utf8))
    exit(1)
}
let checked = pipeline.validate([result])
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
for record in checked.records { print(String(decoding: try encoder.encode(record), as: UTF8.self)) }
for finding in checked.discrepancies {
    FileHandle.standardError.write(Data("page \(finding.page) row \(finding.row): \(finding.message)\n".utf8))
}
