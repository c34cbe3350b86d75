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
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "ConfabCore",
            dependencies: ["CSQLite"]
        ),
        .target(
            name: "ConfabTUI",
            dependencies: ["ConfabCore", "CNcursesw"]
        ),
        .target(
            name: "ConfabCLI",
            dependencies: ["ConfabCore", "ConfabTUI"]
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
            name: "ConfabTUITests",
            dependencies: ["ConfabTUI", "ConfabCore"]
        ),
        .testTarget(
            name: "ConfabCLITests",
            dependencies: ["ConfabCLI", "ConfabCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
