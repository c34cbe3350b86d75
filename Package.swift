// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Confab",
    products: [
        .executable(name: "confab", targets: ["confab"]),
        .library(name: "ConfabCore", targets: ["ConfabCore"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(
            name: "ConfabCore",
            dependencies: ["CSQLite"]
        ),
        .target(
            name: "ConfabCLI",
            dependencies: ["ConfabCore"]
        ),
        .executableTarget(
            name: "confab",
            dependencies: ["ConfabCLI"]
        ),
        .testTarget(
            name: "ConfabCoreTests",
            dependencies: ["ConfabCore"]
        ),
        .testTarget(
            name: "ConfabCLITests",
            dependencies: ["ConfabCLI", "ConfabCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
