import Foundation

/// The order the built-in packs load in: the top-level packs that define the
/// intents first, then the folders that extend them (`examples/`), each by
/// path. The binary and the build (which trains the built-in model) use the
/// same order, so both see the same library.
package enum BuiltinPackOrder {
    package static func precedes(_ a: String, _ b: String) -> Bool {
        (a.contains("/") ? 1 : 0, a) < (b.contains("/") ? 1 : 0, b)
    }
}
