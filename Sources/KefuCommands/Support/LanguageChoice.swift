import ArgumentParser
import KefuCore

/// `--lang auto|zh-Hans|zh-Hant|en`: the drafts' language, or the buyer's
/// (`auto`). Help and completion list the four canonical values; the tags
/// `Language(tag:)` also reads (`zh-TW`, `en-GB`, ...) are accepted too.
enum LanguageChoice: Equatable, ExpressibleByArgument {
    case auto
    case fixed(Language)

    init?(argument: String) {
        if argument.lowercased() == "auto" {
            self = .auto
        } else if let language = Language(tag: argument) {
            self = .fixed(language)
        } else {
            return nil
        }
    }

    /// nil for `auto`: the buyer's language.
    var language: Language? {
        switch self {
        case .auto: nil
        case .fixed(let language): language
        }
    }

    var defaultValueDescription: String { language?.rawValue ?? "auto" }

    static var allValueStrings: [String] { ["auto"] + Language.allCases.map(\.rawValue) }
}
