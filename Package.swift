// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kefu",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kefu", targets: ["kefu"]),
        .library(name: "KefuCore", targets: ["KefuCore"]),
        .library(name: "KefuEngine", targets: ["KefuPlugins", "KefuBuiltinSnippets", "KefuExternalPlugins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries from Debian; `make setup` installs them.
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        // libedit: the REPL's line editor (fixed-arity wrappers in shim.h).
        .systemLibrary(
            name: "CLibedit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),

        // The pipeline: normalise → detect → extract → rank → render, packs, protocols.
        .target(
            name: "KefuCore",
            dependencies: ["COpenCC", .product(name: "Yams", package: "Yams")],
            // PackRegex calls the ICU under Foundation for its step budget.
            linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]
        ),

        // Built-in code plugins, one folder each under Plugins/, registered in KefuPlugins.
        .target(name: "KefuTone", dependencies: ["KefuCore"], path: "Plugins/Tone"),
        .target(name: "KefuLogistics", dependencies: ["KefuCore"], path: "Plugins/Logistics"),
        .target(name: "KefuCompliance", dependencies: ["KefuCore"], path: "Plugins/Compliance"),
        .target(name: "KefuUpsell", dependencies: ["KefuCore", .product(name: "Yams", package: "Yams")], path: "Plugins/Upsell"),
        .target(name: "KefuPlugins", dependencies: ["KefuCore", "KefuTone", "KefuLogistics", "KefuCompliance", "KefuUpsell"]),

        // External plugins: executables in any language, over JSON Lines.
        .target(name: "KefuExternalPlugins", dependencies: ["KefuCore", .product(name: "Yams", package: "Yams")]),

        // The top-level snippets/ folder, embedded into the binary at build time.
        // It also trains the built-in linear model (KefuCore's trainer), so
        // the binary never trains for its own packs.
        .executableTarget(name: "EmbedSnippetsTool", dependencies: ["KefuCore"]),
        .plugin(
            name: "EmbedSnippetsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedSnippetsTool"],
            path: "Sources/EmbedSnippetsPlugin"
        ),
        .target(
            name: "KefuBuiltinSnippets",
            dependencies: ["KefuCore"],
            exclude: ["snippets"],
            plugins: ["EmbedSnippetsPlugin"]
        ),

        // Front ends: the interactive REPL, the commands, and the thin executable.
        .target(name: "KefuREPL", dependencies: ["KefuCore", "CLibedit"]),
        .target(
            name: "KefuCommands",
            dependencies: [
                "KefuCore", "KefuPlugins", "KefuBuiltinSnippets", "KefuREPL", "KefuExternalPlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kefu", dependencies: ["KefuCommands"]),

        .testTarget(
            name: "KefuCoreTests",
            dependencies: ["KefuCore", "KefuPlugins", "KefuTone", "KefuBuiltinSnippets", "KefuTestSupport"],
            exclude: ["Fixtures"]
        ),
        // Shared by the test targets: the sandbox, polling, the binary's path.
        .target(name: "KefuTestSupport", path: "Tests/KefuTestSupport"),
        .testTarget(name: "KefuComplianceTests", dependencies: ["KefuCompliance", "KefuCore"]),
        .testTarget(name: "KefuUpsellTests", dependencies: ["KefuUpsell", "KefuCore", "KefuTestSupport"]),
        .testTarget(name: "KefuLogisticsTests", dependencies: ["KefuLogistics", "KefuCore"]),
        .testTarget(
            name: "KefuExternalPluginsTests",
            dependencies: ["KefuExternalPlugins", "KefuCore", "KefuTestSupport"]
        ),
        .testTarget(
            name: "KefuCLITests",
            dependencies: ["kefu", "KefuCommands", "KefuCore", "KefuTestSupport"]
        ),
        .testTarget(
            name: "KefuREPLTests",
            dependencies: ["kefu", "KefuREPL", "KefuCore", "KefuTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
