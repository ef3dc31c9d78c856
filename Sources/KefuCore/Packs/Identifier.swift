/// The one rule for the id of a pack, an intent, a snippet, a plugin and a
/// warning, wherever it comes from (a pack file, a plugin's answer, `kefu
/// plugins new`): lower-case ASCII letters, digits, `.`, `_` and `-`, at
/// most 64 characters. Ids are compared as written, so one spelling each.
package enum Identifier {
    package static let maxLength = 64
    /// How the rule reads in an error message.
    package static let rule = "use a-z, 0-9, '.', '_' and '-', at most \(maxLength) characters"

    package static func isValid(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= maxLength
            && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }
}
