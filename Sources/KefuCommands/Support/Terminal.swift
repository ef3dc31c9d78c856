import KefuCore

enum Terminal {
    /// Buyer text made safe to print: control and escape sequences removed,
    /// line breaks shown as ⏎.
    static func inert(_ text: String) -> String {
        ControlSequences.strip(text).replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}
