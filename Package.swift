// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kinerja",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kinerja", targets: ["kinerja"]),
        // PDFs -> records and findings, for other Swift programs.
        .library(name: "KinerjaPipeline", targets: ["KinerjaPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // poppler-glib (PDF text, rendering through cairo) as a system library.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]
        ),
        // poppler's core C++ library (pkg-config `poppler`, headers from
        // libpoppler-private-dev), for CPathCollector.
        .systemLibrary(
            name: "CPopplerCore",
            pkgConfig: "poppler",
            providers: [.apt(["libpoppler-private-dev"])]
        ),
        // The paths a PDF page paints (rulings, boxes, connectors), collected
        // by poppler's interpreter with an output device that draws nothing.
        .target(name: "CPathCollector", dependencies: ["CPopplerCore"]),
        // libxml2's xmlTextWriter, for the XML parts of kinerja.xlsx.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Tesseract OCR (pages without a usable text layer) as a system library.
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-ind", "tesseract-ocr-eng", "tesseract-ocr-osd"])]
        ),
        // The typed document model every stage hands forward.
        .target(name: "Model"),
        // Stage 1: PDF -> pages of positioned words, rulings and table grids.
        .target(
            name: "Ingest",
            dependencies: [
                "CPoppler", "CPathCollector", "CTesseract", "Model",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Stage 2: table grids -> records.
        .target(name: "Normalize", dependencies: ["Model"]),
        // Stage 3: records -> discrepancies.
        .target(name: "Validate", dependencies: ["Model"]),
        // Pictures of table rows cut from the original PDF pages (evidence
        // for the discrepancy report).
        .target(name: "Evidence", dependencies: ["CPoppler", "Model"]),
        // Stage 4: records, discrepancies, documents -> files.
        .target(
            name: "Export",
            dependencies: [
                "Model", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Loads the output into PostgreSQL.
        .target(
            name: "Warehouse",
            dependencies: [
                "Model", "Export",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The whole run as a library: input discovery, worker processes, the
        // result cache, validation, the indicator catalog and the outputs.
        .target(
            name: "KinerjaPipeline",
            dependencies: [
                "Model", "Ingest", "Normalize", "Validate", "Export", "Evidence", "Warehouse",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command line: argument parsing, the progress bar, log lines.
        .executableTarget(
            name: "kinerja",
            dependencies: [
                "KinerjaPipeline", "Model", "Ingest", "Export", "Evidence", "Warehouse",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Converts one PDF through the library (the README's example).
        .executableTarget(name: "ConvertOne", dependencies: ["KinerjaPipeline"], path: "Examples/ConvertOne"),
        // Paths to ../shared and a runner for command-line tools, for every test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Model", "TestSupport"]),
        // OCR: scans built from the dev corpus, read back and compared with their text layer.
        .testTarget(name: "OCRTests", dependencies: ["Ingest", "Normalize", "Validate", "Model", "CPoppler", "TestSupport"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "Ingest", "Model", "TestSupport"]),
        .testTarget(name: "ValidateTests", dependencies: ["Validate", "Model", "TestSupport"]),
        .testTarget(
            name: "ExportTests",
            dependencies: ["Export", "Model", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["kinerja", "KinerjaPipeline", "Model", "Export", "TestSupport"]),
        // The indicator catalog: performance trees read, linked to records, written.
        .testTarget(name: "CatalogTests", dependencies: ["Ingest", "Normalize", "Validate", "Export", "Model", "TestSupport"]),
        .testTarget(name: "EvidenceTests", dependencies: ["Evidence", "Model", "CPoppler", "TestSupport"]),
        .testTarget(name: "OutputTests", dependencies: ["kinerja", "Export", "Warehouse", "Model", "TestSupport", .product(name: "Yams", package: "Yams")]),
        // Fuzzing (scripts/fuzz builds these with libFuzzer; a plain build
        // gives programs that replay saved inputs).
        .target(name: "FuzzKit", dependencies: ["Ingest", "Normalize", "Model"], path: "Fuzz/FuzzKit"),
        .executableTarget(name: "FuzzNumbers", dependencies: ["FuzzKit"], path: "Fuzz/FuzzNumbers"),
        .executableTarget(name: "FuzzTables", dependencies: ["FuzzKit"], path: "Fuzz/FuzzTables"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzKit"]),
    ],
    // poppler 22's headers (CPathCollector) need C++17.
    cxxLanguageStandard: .cxx17
)
