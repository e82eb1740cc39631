// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "onboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "onboard", targets: ["onboard"]),
        .library(name: "CSVStream", targets: ["CSVStream"]),
        .library(name: "OnboardCore", targets: ["OnboardCore"]),
        .library(name: "OnboardKit", targets: ["OnboardKit"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "DirectoryStore", targets: ["DirectoryStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The executable: parses options into a configuration and calls OnboardKit; nothing else.
        .executableTarget(
            name: "onboard",
            dependencies: [
                "OnboardKit", "CSVStream",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The pipeline: intake (schemas, validation, dedup), planning, sample generation.
        .target(
            name: "OnboardKit",
            dependencies: [
                "OnboardCore", "CSVStream", "DirectoryStore", "Reports",
                .product(name: "Logging", package: "swift-log"),
                // The configuration file (onboard.toml).
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The domain core: value types, invariants, the Directory port. No I/O.
        .target(name: "OnboardCore", dependencies: ["CSystemCalls"]),
        // XML and HTML reports (libxml2), credential sheets, rejects files.
        .target(
            name: "Reports",
            dependencies: [
                "CLibXML2", "CSystemCalls", "OnboardCore", "CSVStream",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // syncfs(2) and getrandom(2), which Swift's Glibc module does not expose.
        .target(name: "CSystemCalls"),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Streaming CSV reader and safe CSV writer. Knows nothing of tenants.
        .target(name: "CSVStream"),
        // The embedded SQLite store: implements the Directory port on one database file.
        .target(
            name: "DirectoryStore",
            dependencies: [
                "OnboardCore", .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for the hot loops of a batch import (see RawStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // Salted digests of temporary passwords (the credential ledger).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "CSVStreamTests", dependencies: ["CSVStream"]),
        .testTarget(name: "OnboardCoreTests", dependencies: ["OnboardCore"]),
        // Test helpers shared by test targets: reading reports back with libxml2.
        .target(name: "ReportTestSupport", dependencies: ["CLibXML2"], path: "Tests/ReportTestSupport"),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "CLibXML2", "OnboardCore", "ReportTestSupport"]),
        .testTarget(
            name: "DirectoryStoreTests",
            dependencies: ["DirectoryStore", "OnboardCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "OnboardKitTests",
            dependencies: [
                "OnboardKit", "OnboardCore", "CSVStream", "Reports", "CLibXML2", "DirectoryStore", "ReportTestSupport",
            ]),
        // Runs the real `onboard` binary on fixture files in a temporary folder.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "onboard", "OnboardCore", "DirectoryStore", "ReportTestSupport",
                // Another connection holding the store's write lock, another program's database.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
