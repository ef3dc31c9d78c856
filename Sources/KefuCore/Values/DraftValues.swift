/// The values one draft is rendered with, in order of precedence: values
/// found earlier in the thread (only where nothing else gives one), then
/// configuration and session (the agent's `:set`, `--var`), then what the
/// message says, then the record's own values, each made right for the
/// draft's language (`LocalizedValue`).
///
/// Values from outside (a JSON record's `vars`, `--var`) are as untrusted
/// as the message: their control sequences are removed before they can
/// reach a draft. A value the extractor cannot vouch for (`isAmbiguous`)
/// is never used.
package enum DraftValues {
    package static func assemble(request: SuggestionRequest, entities: [Entity], language: Language) -> [String: String] {
        var values = LocalizedValue.resolve(stripped(request.variables), for: language)
        for e in carried(request: request, entities: entities, language: language) {
            values[e.kind.rawValue] = localized(e, for: language)
        }
        for e in entities.reversed() where !e.isAmbiguous {  // first occurrence wins
            values[e.kind.rawValue] = localized(e, for: language)
        }
        if values["product"] == nil, let sku = values["sku"] { values["product"] = sku }
        if !request.recordVariables.isEmpty {
            for (k, v) in LocalizedValue.resolve(stripped(request.recordVariables), for: language) { values[k] = v }
        }
        return values
    }

    /// The thread's earlier values that fill a draft in `language`: those
    /// whose kind the message does not mention (even unreadably) and that
    /// no configured, set or record value names. Precedence: this message
    /// > the agent's values > earlier in the thread.
    static func carried(request: SuggestionRequest, entities: [Entity], language: Language) -> [Entity] {
        guard let thread = request.thread, !thread.carried.isEmpty else { return [] }
        let mentioned = Set(entities.map(\.kind))
        let given = LocalizedValue.resolve(stripped(request.variables), for: language)
        let record = LocalizedValue.resolve(stripped(request.recordVariables), for: language)
        return thread.carried.filter {
            !$0.isAmbiguous && !mentioned.contains($0.kind) && given[$0.kind.rawValue] == nil && record[$0.kind.rawValue] == nil
        }
    }

    /// An entity's value as a draft in `language` writes it. Chinese names
    /// (顺丰) are written in Simplified: a Traditional draft gets them
    /// converted like its template (順豐).
    private static func localized(_ e: Entity, for language: Language) -> String? {
        var value = e.value
        if language.isChinese, let zh = e.attributes["zh"] { value = zh }
        return LocalizedValue.localize(value, name: e.kind.rawValue, for: language)
    }

    private static func stripped(_ values: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(values.count)
        for (k, v) in values where !v.isEmpty { out[k] = ControlSequences.strip(v) }
        return out
    }
}
