import KefuCore

/// A value of the facts file in one or more languages: `纯棉`, `350 ml`, or
/// `{zh-Hans: 纯棉, en: 100% cotton}`. A plain text with Chinese in it is
/// Chinese only, so an English draft never carries it.
struct ShopText: Sendable, Hashable {
    var simplified: String?
    var traditional: String?
    var english: String?

    init(simplified: String? = nil, traditional: String? = nil, english: String? = nil) {
        self.simplified = simplified
        self.traditional = traditional
        self.english = english
    }

    /// One text for every language it can be read in.
    init(plain: String) {
        if plain.unicodeScalars.contains(where: Self.isHan) {
            self.init(simplified: plain)
        } else {
            self.init(simplified: plain, traditional: plain, english: plain)
        }
    }

    /// The text in `language`, or nil when the file gives none that reads
    /// right there; Traditional is converted from Simplified (Taiwan usage).
    func text(_ language: Language) -> String? {
        switch language {
        case .simplifiedChinese: return simplified ?? traditional.map { ChineseConverter.shared.convert($0, .toSimplified) }
        case .traditionalChinese: return traditional ?? simplified.map { ChineseConverter.shared.convert($0, .toTraditional) }
        case .english: return english
        }
    }

    static func isHanText(_ s: String) -> Bool { s.unicodeScalars.contains(where: isHan) }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(s.value) || (0x20000...0x2FFFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
    }
}
