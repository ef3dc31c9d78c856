import Synchronization

/// Picks the template a draft is rendered from in a given language, and makes
/// Traditional Chinese templates from Simplified ones (OpenCC s2twp or s2hk) on first
/// use, once per snippet and partial: converting the template rather than each
/// rendered draft keeps conversion off the per-message path.
final class DraftTemplates: Sendable {
    private let library: SnippetLibrary
    private let converted = Mutex<[String: Template]>([:])

    init(library: SnippetLibrary) { self.library = library }

    /// Whether a snippet can be offered in `language`.
    static func hasText(_ texts: LocalizedTemplates, for language: Language) -> Bool {
        texts[language] != nil || (language == .traditionalChinese && texts[.simplifiedChinese] != nil)
    }

    func template(_ texts: LocalizedTemplates, key: String, language: Language) -> Template? {
        if let t = texts[language] { return t }
        guard language == .traditionalChinese, let simplified = texts[.simplifiedChinese] else { return nil }
        let cacheKey = key
        if let t = converted.withLock({ $0[cacheKey] }) { return t }
        let source = ChineseConverter.shared.convert(simplified.source, .toTraditional)
        let t = (try? Template(source)) ?? simplified
        converted.withLock { $0[cacheKey] = t }
        return t
    }

    func snippet(_ s: SnippetDefinition, language: Language) -> Template? {
        template(s.texts, key: "snippet:" + s.id, language: language)
    }

    /// A partial in `language` (Traditional converted from Simplified when not
    /// written), else its English or Simplified text: the one rule, used by
    /// rendering and by the truth and render audits alike.
    func partial(_ name: String, language: Language) -> Template? {
        guard let texts = library.partials[name] else { return nil }
        return template(texts, key: "partial:" + name, language: language)
            ?? texts[.english] ?? texts[.simplifiedChinese]
    }

    func render(_ s: SnippetDefinition, language: Language, values: [String: String]) -> TemplateRenderer.Output? {
        guard let t = snippet(s, language: language) else { return nil }
        return TemplateRenderer.render(t, values: values) { self.partial($0, language: language) }
    }
}
