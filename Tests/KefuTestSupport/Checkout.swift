import Foundation

/// The package's own checkout, for tests that read its files (docs/examples,
/// the labelled sets, the binary it built).
public enum Checkout {
    /// <root>/Tests/KefuTestSupport/Checkout.swift → <root>
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The URL of `relative` (for example "docs/examples/shop.yaml") in the checkout.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The path of `relative` in the checkout.
    public static func path(_ relative: String) -> String { url(relative).path }
}
