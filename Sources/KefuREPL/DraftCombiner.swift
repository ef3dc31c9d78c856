import KefuCore

/// Several drafts made into one message (`1+3`): one greeting at the top, one
/// closing at the end, the rest in the order the agent chose.
///
/// By kind: only the first greeting-kind draft is kept and it goes first;
/// only the last closing-kind draft is kept and it goes last. By text: a
/// draft that is not the first loses its opening salutation ("亲，",
/// "Hi there,") so the buyer is not greeted twice in one message.
enum DraftCombiner {
    static func combine(_ drafts: [Draft]) -> String {
        guard drafts.count > 1 else { return drafts.first.map { tidy($0.text) } ?? "" }
        var seen = Set<String>()
        let unique = drafts.filter { seen.insert($0.snippet).inserted }
        let greeting = unique.first { $0.kind == .greeting }
        let closing = unique.last { $0.kind == .closing }
        let middle = unique.filter { $0.kind != .greeting && $0.kind != .closing }
        let ordered = [greeting].compactMap { $0 } + middle + [closing].compactMap { $0 }
        var parts: [String] = []
        for (i, d) in ordered.enumerated() {
            var text = tidy(d.text)
            if i > 0 { text = dropSalutation(text, language: d.language) }
            if !text.isEmpty { parts.append(text) }
        }
        return parts.joined(separator: "\n")
    }

    static func tidy(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f == "\n" || f == " " { s = s.dropFirst() }
        while let l = s.last, l == "\n" || l == " " { s = s.dropLast() }
        return String(s)
    }

    /// Openings that greet the buyer, longest first.
    static let chineseSalutations = [
        "亲爱的顾客，", "亲爱的，", "亲，您好～", "亲，您好，", "亲，您好！", "亲您好，", "亲您好～",
        "親，您好～", "親，您好，", "親愛的，", "您好，", "您好！", "您好～", "亲～", "亲，", "亲~", "亲!", "亲！", "親，", "親～",
    ]
    static let englishSalutations = [
        "Hi there, ", "Hi there! ", "Hello there, ", "Dear customer, ", "Hello, ", "Hello! ", "Hi, ", "Hi! ", "Hey! ",
    ]

    static func dropSalutation(_ text: String, language: Language) -> String {
        let list = language.isChinese ? chineseSalutations : englishSalutations
        for s in list where text.hasPrefix(s) {
            var rest = String(text.dropFirst(s.count))
            if language == .english, let first = rest.first, first.isLowercase {
                rest = first.uppercased() + rest.dropFirst()
            }
            return rest.isEmpty ? text : rest
        }
        return text
    }
}
