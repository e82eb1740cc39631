// swift-tools-version: 6.0
import PackageDescription

// Times the SQLite directory store on its own: a million users in batches into a fresh store, then
// the same users again (all unchanged). Kept out of the root package so the main build stays lean.
let package = Package(
    name: "DirectoryStoreBenchmark",
    dependencies: [.package(name: "onboard", path: "../..")],
    targets: [
        .executableTarget(
            name: "directory-store-benchmark",
            dependencies: [
                .product(name: "DirectoryStore", package: "onboard"),
                .product(name: "OnboardCore", package: "onboard"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
