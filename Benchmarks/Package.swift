// swift-tools-version: 6.1
// Benchmarks for kefu, kept out of the main package so that `swift build` and
// `swift test` there stay free of package-benchmark. Run from this folder:
//   swift package benchmark [--filter REGEX]
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name: the main package is
// whatever folder this one sits in (a clone may not be called "kefu").
let kefu = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "KefuBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KefuCore", package: kefu),
                .product(name: "KefuEngine", package: kefu),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
