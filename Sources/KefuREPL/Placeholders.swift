/// The ⟨name⟩ blanks of a rendered draft.
enum Placeholders {
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "⟨"), let close = rest[open...].firstIndex(of: "⟩") {
            let name = String(rest[rest.index(after: open)..<close])
            if !name.isEmpty, !name.contains("\n"), !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
