import Synchronization

/// Values in the draft's language.
///
/// A value may be given once (`shop: 小鹿家居`) or per language (`shop:
/// {zh-Hans: 小鹿家居, en: Deer Home}`); per-language texts travel with the
/// other values as `name@tag` keys (`shop@en`), so `--var`, JSON records'
/// `vars` and `:set` can give them too. For a draft in language L a name's
/// value is its L text, else its other Chinese script's text converted, else
/// its plain text; then:
///
/// - dates (`ship_date`, `*_date`) are read and written in L: "tomorrow" /
///   "明天", "Dec 3" / "12月3日";
/// - Chinese in a Traditional draft is converted to the region's
///   Traditional characters through OpenCC (characters only: values are
///   mostly names, which phrase conversion would change), Traditional in a
///   Simplified draft to Simplified;
/// - Chinese text in an English draft is left out, so the draft shows the
///   ⟨name⟩ placeholder (or drops an optional clause) instead of pasting
///   Chinese into English.
package enum LocalizedValue {
    package static let separator: Character = "@"

    /// The key of a name's text in one language: `shop@en`.
    package static func key(_ name: String, _ language: Language) -> String {
        name + String(separator) + language.rawValue
    }

    /// `shop@en` → (`shop`, English); nil for a plain name.
    package static func split(_ key: String) -> (name: String, language: Language)? {
        guard let at = key.lastIndex(of: separator), at != key.startIndex,
            let language = Language(tag: String(key[key.index(after: at)...]))
        else { return nil }
        return (String(key[..<at]), language)
    }

    /// Whether a value named `name` is a date.
    package static func isDate(_ name: String) -> Bool { name == "date" || name.hasSuffix("_date") }

    /// Every name's value for a draft in `language`.
    package static func resolve(_ values: [String: String], for language: Language) -> [String: String] {
        var plain: [String: String] = [:]
        var variants: [String: [Language: String]] = [:]
        for (k, v) in values where !v.isEmpty {
            if let (name, l) = split(k) { variants[name, default: [:]][l] = v } else { plain[k] = v }
        }
        var out: [String: String] = [:]
        out.reserveCapacity(plain.count + variants.count)
        for name in Set(plain.keys).union(variants.keys) {
            let own = variants[name] ?? [:]
            let chosen: String?
            if let v = own[language] {
                chosen = v
            } else if language.isChinese, let v = own[language == .traditionalChinese ? .simplifiedChinese : .traditionalChinese] {
                chosen = v
            } else {
                chosen = plain[name] ?? own[.english] ?? own.values.first
            }
            if let chosen, let v = localize(chosen, name: name, for: language) { out[name] = v }
        }
        return out
    }

    /// One value made right for a draft in `language`; nil when it cannot
    /// be (Chinese text for an English draft).
    package static func localize(_ value: String, name: String, for language: Language) -> String? {
        if isDate(name), let date = DateValue(value) {
            let text = date.text(english: language == .english)
            return language == .traditionalChinese ? converted(text, .toTraditional) : text
        }
        var hasHan = false, traditional = false
        for s in value.unicodeScalars where Script.isHan(s.value) {
            hasHan = true
            if ChineseConverter.shared.isTraditionalOnly(s) { traditional = true; break }
        }
        guard hasHan else { return value }
        switch language {
        case .english: return nil
        case .traditionalChinese: return traditional ? value : converted(value, .toTraditionalCharacters)
        case .simplifiedChinese: return traditional ? converted(value, .toSimplified) : value
        }
    }

    /// Conversions of values, remembered: the same shop name would
    /// otherwise go through OpenCC (about 1 µs a character) on every
    /// Traditional message. Bounded, since message values pass through too.
    private static let cache = Mutex<[String: String]>([:])

    static func converted(_ text: String, _ direction: ChineseConverter.Direction) -> String {
        let key = (direction == .toSimplified ? "s" : direction == .toTraditional ? "t" : "c") + text
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let out = ChineseConverter.shared.convert(text, direction)
        cache.withLock { c in
            if c.count >= 4096 { c.removeAll(keepingCapacity: true) }
            c[key] = out
        }
        return out
    }
}
