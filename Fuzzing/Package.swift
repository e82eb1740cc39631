// swift-tools-version: 6.0
import Foundation
import PackageDescription

// libFuzzer targets for onboard's parsers: a package of its own, so the main package's executable and
// tests are never built with `-sanitize=fuzzer` (libFuzzer brings its own `main`). Build and run them
// with `scripts/fuzz.sh` (see README.md here).
//
// The main package is a path dependency; its identity is its folder's name, which differs between
// clones and worktrees, so it is read from this file's location. (For the same reason this folder is
// not called `Fuzz`: a worktree named `fuzz` would have the same identity as this package.)
let onboard = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

/// A fuzz target: one executable whose `main.swift` hands its test function to libFuzzer.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: onboard) }
    )
}

let package = Package(
    name: "OnboardFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        // Turning fuzzer bytes into options and values; the failure report every target uses.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // libFuzzer's driver entry point, declared for Swift.
        .systemLibrary(name: "CLibFuzzer"),
        fuzzTarget("FuzzCSVReader", ["CSVStream"]),
        fuzzTarget("FuzzCSVRoundTrip", ["CSVStream"]),
        fuzzTarget("FuzzIntake", ["CSVStream", "OnboardKit", "OnboardCore"]),
        fuzzTarget("FuzzConfiguration", ["OnboardKit"]),
    ],
    swiftLanguageModes: [.v6]
)
