/// What kefu keeps of a buyer's message in the usage log and the learned
/// pack: the words, not the person. Values the engine's own entity
/// extraction finds that identify a buyer or an order (order and tracking
/// numbers, phone numbers, addresses, invoice titles and tax ids) and the
/// names the agent set for the buyer are replaced by their kind, `⟨phone⟩`;
/// any run of five or more digits left (a number no recogniser claimed, a
/// phone number written with spaces) becomes `⟨number⟩`.
///
/// The entity extractor rather than new patterns: it is what the drafts
/// trust with these values, is tested per kind, and a recogniser added
/// later redacts too. A name written in free text with nothing marking it
/// as one is not found; the usage log says so in docs/user-guide.md.
package enum Redaction {
    /// The kinds that identify a buyer, an order or a parcel.
    package static let privateKinds: Set<EntityKind> = [.orderID, .trackingNumber, .phone, .address, .invoiceTitle, .taxID]

    /// `raw` without control sequences, with private values replaced by
    /// their kind. `names`: values known to be the buyer's (`buyer`, an
    /// order number set with `:set`).
    package static func redact(_ raw: String, normalizer: TextNormalizer, names: [String] = []) -> String {
        let text = normalizer.normalize(raw)
        let entities = BuiltinEntityExtractor().extract(from: text)
        var values: [(String, String)] = []
        for e in entities where privateKinds.contains(e.kind) && !e.value.isEmpty {
            values.append((e.value, e.kind.rawValue))
            // A tracking number is reported upper-cased; the buyer may have written it in lower case.
            if e.value.lowercased() != e.value { values.append((e.value.lowercased(), e.kind.rawValue)) }
        }
        for n in names where n.count >= 2 { values.append((n, "name")) }
        // Longest first: an address containing an order number is one ⟨address⟩.
        values.sort { $0.0.count > $1.0.count }
        var out = text.display
        for (value, kind) in values {
            out = replacing(value, with: "⟨\(kind)⟩", in: out)
        }
        return maskingDigitRuns(out)
    }

    static func replacing(_ needle: String, with replacement: String, in haystack: String) -> String {
        guard !needle.isEmpty, haystack.contains(needle) else { return haystack }
        return haystack.split(separator: needle, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// Runs of five or more digits, allowing one space or dash between
    /// digits (`138 1234 5678`), become `⟨number⟩`.
    static func maskingDigitRuns(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { out.append(chars[i]); i += 1; continue }
            var j = i
            var digits = 0
            var end = i
            while j < chars.count {
                if chars[j].isASCII && chars[j].isNumber { digits += 1; j += 1; end = j; continue }
                if chars[j] == " " || chars[j] == "-", j + 1 < chars.count, chars[j + 1].isASCII, chars[j + 1].isNumber { j += 1; continue }
                break
            }
            if digits >= 5 { out += "⟨number⟩" } else { out += String(chars[i..<end]) }
            i = end
        }
        return out
    }
}
