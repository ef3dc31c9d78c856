/// Renders every snippet the way buyers will meet it — with all its values
/// known, with none, and with each one missing in turn, in every language it
/// can be offered in — and reports template debris (`DraftDebris`). Run by
/// `kefu test`, and over the built-in library by the test suite.
package struct RenderAudit: Sendable {
    /// One rendering of one snippet.
    package struct Rendering: Sendable {
        package var snippet: String
        package var language: Language
        /// "all values", "no values" or "without NAME".
        package var variant: String
        package var text: String
        package var missing: [String]
        package var location: SourceLocation
    }

    private let library: SnippetLibrary
    private let templates: DraftTemplates

    package init(library: SnippetLibrary) {
        self.library = library
        self.templates = DraftTemplates(library: library)
    }

    /// Debris in the snippets whose file is in `files` (all when nil), one
    /// diagnostic per snippet and language (the first variant that shows it).
    package func run(files: Set<String>? = nil) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for s in library.snippets where files?.contains(s.location.file) ?? true {
            var reported: Set<Language> = []
            for r in renderings(of: s) where !reported.contains(r.language) {
                let debris = DraftDebris.find(in: r.text)
                guard !debris.isEmpty else { continue }
                reported.insert(r.language)
                out.append(
                    Diagnostic(
                        "snippet '\(s.id)' (\(r.language.rawValue), \(r.variant)) leaves template debris: \(debris.joined(separator: "; ")) in “\(r.text)”",
                        at: r.location))
            }
        }
        return out
    }

    /// Every variant of every language the snippet is offered in. Values its
    /// `when:` requires are always set (`equals:` to their value) and values
    /// it must lack never are: those renderings never reach a buyer.
    package func renderings(of s: SnippetDefinition) -> [Rendering] {
        var out: [Rendering] = []
        let c = s.conditions
        for language in Language.allCases where DraftTemplates.hasText(s.texts, for: language) {
            guard let template = templates.snippet(s, language: language) else { continue }
            let samples = Self.samples(language)
            var fixed: [String: String] = [:]
            for v in c.has { fixed[v] = samples[v] ?? "X1" }
            for (k, v) in c.equals { fixed[k] = v }
            let optional = variables(of: template, language: language).filter { fixed[$0] == nil && !c.lacks.contains($0) }
            var all = fixed
            for v in optional { all[v] = samples[v] ?? "X1" }
            var variants: [(String, [String: String])] = [("all values", all), ("no values", fixed)]
            for v in optional {
                var without = all
                without[v] = nil
                variants.append(("without \(v)", without))
            }
            let location = s.textOrigins[language]?.start ?? s.textOrigins[.simplifiedChinese]?.start ?? s.location
            for (name, values) in variants {
                guard let r = templates.render(s, language: language, values: values) else { continue }
                out.append(
                    Rendering(snippet: s.id, language: language, variant: name, text: r.text, missing: r.missing, location: location))
            }
        }
        return out
    }

    /// The variables a template reads, through its partials.
    func variables(of template: Template, language: Language, depth: Int = 0) -> [String] {
        var names = template.variables
        guard depth < 8 else { return names }
        for p in template.partials {
            guard let t = templates.partial(p, language: language) else { continue }
            for n in variables(of: t, language: language, depth: depth + 1) where !names.contains(n) { names.append(n) }
        }
        return names
    }

    /// Realistic values per language, as the extractors and configuration give them.
    package static func samples(_ language: Language) -> [String: String] {
        var common: [String: String] = [
            "order_id": "20231122001", "tracking_no": "SF1234567890123", "phone": "13812345678", "size": "XL", "quantity": "2",
            "sku": "A1023", "returning": "true", "photos_sent": "true", "parcel_status": "stuck", "status": "in_transit",
            "height_cm": "178", "weight_kg": "70", "size_advice": "L", "stock": "12", "change_done": "true", "refund_done": "true",
            "tax_id": "91330106MA2B3C4D5E",
        ]
        switch language {
        case .english:
            common.merge([
                "shop": "Deer Home", "agent": "Amy", "buyer": "Sam", "carrier": "SF Express", "amount": "$20", "color": "navy",
                "product": "A1023", "ship_date": "tomorrow", "address": "12 Jiefang Road, Hangzhou", "invoice_title": "Deer Tech Ltd",
                "promo": "$10 off orders over $100", "restock_date": "next week", "price_floor": "$19",
            ]) { $1 }
        case .simplifiedChinese, .traditionalChinese:
            let zh = [
                "shop": "小鹿家居", "agent": "小美", "buyer": "小王", "carrier": "顺丰", "amount": "¥199", "color": "红色",
                "product": "A1023", "ship_date": "明天", "address": "杭州市解放路12号", "invoice_title": "杭州小鹿科技有限公司",
                "promo": "满199减20", "restock_date": "下周", "price_floor": "¥199",
            ]
            common.merge(language == .traditionalChinese ? zh.mapValues { ChineseConverter.shared.convert($0, .toTraditional) } : zh) { $1 }
        }
        return common
    }
}
