import FuzzKit
import Foundation

/// libFuzzer target: table reconstruction from word boxes (see `TableFuzz`).
@main
enum FuzzTables {
    static func main() {
        exit(FuzzDriver.main(TableFuzz.run))
    }
}
