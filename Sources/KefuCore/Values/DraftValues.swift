/// The values one draft is rendered with, in order of precedence:
/// configuration and session, then what the message says, then the
/// record's own values, each made right for the draft's language
/// (`LocalizedValue`).
///
/// Values from outside (a JSON record's `vars`, `--var`) are as untrusted
/// as the message: their control sequences are removed before they can
/// reach a draft. A value the extractor cannot vouch for (`isAmbiguous`)
/// is never used.
package enum DraftValues {
    package static func assemble(request: SuggestionRequest, entities: [Entity], language: Language) -> [String: String] {
        var values = LocalizedValue.resolve(stripped(request.variables), for: language)
        for e in entities.reversed() where !e.isAmbiguous {  // first occurrence wins
            // Chinese names (顺丰) are written in Simplified: a Traditional
            // draft gets them converted like its template (順豐).
            var value = e.value
            if language.isChinese, let zh = e.attributes["zh"] { value = zh }
            if let v = LocalizedValue.localize(value, name: e.kind.rawValue, for: language) {
                values[e.kind.rawValue] = v
            } else {
                values[e.kind.rawValue] = nil
            }
        }
        if values["product"] == nil, let sku = values["sku"] { values["product"] = sku }
        if !request.recordVariables.isEmpty {
            for (k, v) in LocalizedValue.resolve(stripped(request.recordVariables), for: language) { values[k] = v }
        }
        return values
    }

    private static func stripped(_ values: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(values.count)
        for (k, v) in values where !v.isEmpty { out[k] = ControlSequences.strip(v) }
        return out
    }
}
