// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kinerja",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kinerja", targets: ["kinerja"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // poppler-glib (PDF text, rendering through cairo) as a system library.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]
        ),
        // Tesseract OCR (pages without a usable text layer) as a system library.
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-ind", "tesseract-ocr-eng"])]
        ),
        // The typed document model every stage hands forward.
        .target(name: "Model"),
        // Stage 1: PDF -> pages of positioned words, rulings and table grids.
        .target(
            name: "Ingest",
            dependencies: [
                "CPoppler", "CTesseract", "Model",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Stage 2: table grids -> records.
        .target(name: "Normalize", dependencies: ["Model"]),
        // Stage 3: records -> discrepancies.
        .target(name: "Validate", dependencies: ["Model"]),
        // Stage 4: records, discrepancies, documents -> files.
        .target(name: "Export", dependencies: ["Model"]),
        .executableTarget(
            name: "kinerja",
            dependencies: [
                "Model", "Ingest", "Normalize", "Validate", "Export",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Model"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "Ingest", "Model"]),
        .testTarget(name: "ValidateTests", dependencies: ["Validate", "Model"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Model"]),
        .testTarget(name: "EndToEndTests", dependencies: ["kinerja", "Model"]),
        // The indicator catalog: performance trees read, linked to records, written.
        .testTarget(name: "CatalogTests", dependencies: ["Ingest", "Normalize", "Validate", "Export", "Model"]),
        // Fuzzing (scripts/fuzz builds these with libFuzzer; a plain build
        // gives programs that replay saved inputs).
        .target(name: "FuzzKit", dependencies: ["Ingest", "Normalize", "Model"], path: "Fuzz/FuzzKit"),
        .executableTarget(name: "FuzzNumbers", dependencies: ["FuzzKit"], path: "Fuzz/FuzzNumbers"),
        .executableTarget(name: "FuzzTables", dependencies: ["FuzzKit"], path: "Fuzz/FuzzTables"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzKit"]),
    ]
)
