/// The languages kefu reads and writes. Raw values are BCP 47 tags, as they
/// appear in packs, on the command line and in JSON output.
public enum Language: String, Sendable, CaseIterable, Codable, Comparable {
    case simplifiedChinese = "zh-Hans"
    case traditionalChinese = "zh-Hant"
    case english = "en"

    /// Orders languages as `Language.allCases` lists them.
    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    /// Whether this is one of the two Chinese scripts.
    package var isChinese: Bool { self != .english }

    /// Parses the tags people actually type: `zh-Hans`, `zh-CN`, `zh-TW`, `zh_hant`, `en-US`, ...
    package init?(tag: String) {
        let t = tag.lowercased().replacingOccurrences(of: "_", with: "-")
        switch t {
        case "zh-hans", "zh-cn", "zh-sg", "zh", "hans", "sc", "cn": self = .simplifiedChinese
        case "zh-hant", "zh-tw", "zh-hk", "zh-mo", "hant", "tc", "tw": self = .traditionalChinese
        default:
            if t == "en" || t.hasPrefix("en-") { self = .english } else { return nil }
        }
    }
}
