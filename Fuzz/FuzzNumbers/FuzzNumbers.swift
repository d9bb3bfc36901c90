import FuzzKit
import Foundation

/// libFuzzer target: Normalize's number parser (see `NumberParserFuzz`).
@main
enum FuzzNumbers {
    static func main() {
        exit(FuzzDriver.main(NumberParserFuzz.run))
    }
}
