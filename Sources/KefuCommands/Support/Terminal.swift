import KefuCore

enum Terminal {
    /// Untrusted text on one line of a listing: controls shown visibly
    /// (`OutputSanitizer`), line breaks as ⏎.
    static func inert(_ text: String) -> String {
        OutputSanitizer.visible(text).replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}
