// swift-tools-version: 6.0
import PackageDescription

// Benchmarks live outside the root package so the product build stays lean: the peers
// (yaslab/CSV.swift, swiftcsv/SwiftCSV) are resolved and built only here.
//
// Each measured reader is its own small executable, so a child process loads only what that
// reader needs: onboard's reader does not pay for Foundation in its peak RSS, the peers do
// (they need it). `onboard-bench` is the driver that runs them and prints the tables.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "onboard", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        // The driver: generates or reuses the input, runs every reader in a child process, prints tables.
        .executableTarget(
            name: "onboard-bench",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The small C launcher between the driver and each measured reader, so the reader's ru_maxrss is
        // its own (see its main.c); it times the child with a monotonic clock and reports its wait4 rusage.
        .executableTarget(name: "measure-child"),
        // Process spawning with per-child rusage, clocks, formatting; shared by the driver and children.
        .target(name: "BenchmarkSupport"),
        // Child: onboard's CSVReader, in count mode or building CSVRecords.
        .executableTarget(
            name: "read-onboard",
            dependencies: ["BenchmarkSupport", .product(name: "CSVStream", package: "onboard")]
        ),
        // Child: yaslab/CSV.swift's streaming reader.
        .executableTarget(
            name: "read-yaslab",
            dependencies: [.product(name: "CSV", package: "CSV.swift")]
        ),
        // Child: swiftcsv/SwiftCSV, which loads the whole file.
        .executableTarget(
            name: "read-swiftcsv",
            dependencies: [.product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        // Child: records N realistic users in a dedup table (intake's, or a plain one) and reports its own
        // memory before and after.
        .executableTarget(
            name: "dedup-keys",
            dependencies: [
                "BenchmarkSupport", .product(name: "CSVStream", package: "onboard"),
                .product(name: "OnboardCore", package: "onboard"), .product(name: "OnboardKit", package: "onboard"),
            ]
        ),
        .testTarget(name: "BenchmarkSupportTests", dependencies: ["BenchmarkSupport"]),
        .testTarget(name: "OnboardBenchTests", dependencies: ["onboard-bench", "BenchmarkSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
