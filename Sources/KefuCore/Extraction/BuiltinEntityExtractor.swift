/// Extracts order numbers, tracking numbers with their carrier, money,
/// phone numbers, sizes, colours, quantities and product codes, and, through
/// its recognisers, addresses, height and weight, invoice titles, tax IDs
/// and star ratings.
///
/// The recognisers (`EntityRecognizer`, one per kind, each with its own
/// example table) run first and claim the text they read; the token rules
/// below skip claimed text, so the 12 of 解放路12号 is not a size.
///
/// Reads tokens of the folded text (runs of letters and digits, with inner
/// `-` and decimal points) and decides what each is from its shape and the
/// words around it: a long digit run after "订单号" is an order number, the
/// same run after "运单号" or beside "顺丰" is a tracking number.
package struct BuiltinEntityExtractor: EntityExtractor {
    package let id = "entities"

    package init() {}

    /// In order of precedence: a claimed range is not read again.
    static let recognizers: [any EntityRecognizer] = [
        TrackingNumberRecognizer(), TaxIDRecognizer(), RatingRecognizer(), BodyMeasurementRecognizer(),
        AddressRecognizer(), InvoiceTitleRecognizer(),
    ]

    struct Token {
        var text: String
        var start: Int
        var end: Int
        var hasLetter: Bool
        var hasDigit: Bool
        var isNumber: Bool { hasDigit && !hasLetter }
    }

    package func extract(from message: NormalizedText) -> [Entity] {
        let text = message.scalars
        guard !text.isEmpty else { return [] }
        let hits = EntityLexicon.shared.scan(text)
        var entities: [Entity] = []
        var claimed: [Range<Int>] = []

        let input = RecognizerInput(message: message, hits: hits)
        for r in Self.recognizers {
            for found in r.recognize(input) where !claimed.contains(where: { $0.overlaps(found.range) }) {
                entities.append(found.entity)
                claimed.append(found.range)
                // The number's own carrier comes before any carrier named in words.
                if found.entity.kind == .trackingNumber, let name = found.entity.attributes["carrier"],
                    let carrier = Carrier(rawValue: name), !entities.contains(where: { $0.kind == .carrier })
                {
                    entities.append(carrier.entity)
                }
            }
        }

        let carriers = hits.compactMap { if case .carrier(let c) = $0.role { c } else { nil } }
        for c in carriers where !entities.contains(where: { $0.kind == .carrier }) {
            entities.append(c.entity)
        }
        var seenColors: Set<String> = []
        for hit in hits where hit.role == .color && !claimed.contains(where: { $0.overlaps(hit.start..<hit.end) }) {
            if seenColors.insert(hit.word).inserted { entities.append(Entity(kind: .color, value: hit.word)) }
            claimed.append(hit.start..<hit.end)
        }

        func keyword(_ role: EntityLexicon.Role, before start: Int, within distance: Int = 10) -> Bool {
            hits.contains { $0.role == role && $0.end <= start && start - $0.end <= distance }
        }
        func following(_ end: Int, _ count: Int = 3) -> String {
            String(scalarValues: text[end..<min(text.count, end + count)])
        }
        func preceding(_ start: Int, _ count: Int = 4) -> String {
            String(scalarValues: text[max(0, start - count)..<start])
        }

        for token in input.tokens where !claimed.contains(where: { $0.overlaps(token.start..<token.end) }) {
            // Most tokens are plain words ("where", "my"): skip them before
            // building any context strings.
            if token.hasLetter && !token.hasDigit && !Self.letterSizes.contains(token.text) && !token.text.hasPrefix("x") {
                continue
            }
            lazy var upper = token.text.uppercased()
            lazy var before = preceding(token.start)
            lazy var after = following(token.end, 9)
            lazy var trimmedBefore: Substring = {
                var t = Substring(before)
                while t.last == " " { t.removeLast() }
                return t
            }()

            if token.isNumber {
                let digits = token.text.filter(\.isASCIIDigit)
                let n = digits.count
                if let amount = amount(token.text, before: trimmedBefore, after: after) {
                    entities.append(amount); continue
                }
                if n == 11 && digits.hasPrefix("1") && "3456789".contains(Array(digits)[1])
                    || keyword(.phoneKeyword, before: token.start) && (7...15).contains(n) || before.hasSuffix("+86")
                {
                    entities.append(Entity(kind: .phone, value: digits)); continue
                }
                if keyword(.trackingKeyword, before: token.start, within: 12) && (8...22).contains(n)
                    && !keyword(.orderKeyword, before: token.start, within: 3)
                {
                    entities.append(TrackingNumberRecognizer.numeric(digits, named: carriers.first)); continue
                }
                if keyword(.orderKeyword, before: token.start, within: 12) && n >= 5 || trimmedBefore.hasSuffix("#") && n >= 5 {
                    entities.append(Entity(kind: .orderID, value: digits)); continue
                }
                if !carriers.isEmpty && (10...22).contains(n) {
                    entities.append(TrackingNumberRecognizer.numeric(digits, named: carriers[0])); continue
                }
                if (12...22).contains(n) {
                    entities.append(Entity(kind: .orderID, value: digits)); continue
                }
                if after.hasPrefix("码") || after.hasPrefix("号") && n <= 3 || keyword(.sizeKeyword, before: token.start, within: 3)
                    || after.hasPrefix("cm") || after.hasPrefix(" cm")
                {
                    entities.append(
                        Entity(kind: .size, value: token.text + (after.hasPrefix("码") ? "码" : after.hasPrefix("号") ? "号" : "")));
                    continue
                }
                if let q = quantity(
                    token.text, before: trimmedBefore, after: after, keyword: keyword(.quantityKeyword, before: token.start, within: 3))
                {
                    entities.append(q); continue
                }
                continue
            }
            if token.hasLetter && !token.hasDigit || Self.letterSizes.contains(token.text) {
                if Self.letterSizes.contains(token.text)
                    && (after.hasPrefix("码") || after.hasPrefix("号") || keyword(.sizeKeyword, before: token.start, within: 3)
                        || message.language.isChinese && token.text.count >= 1
                            && (token.text != "s" && token.text != "m" || after.hasPrefix("的")))
                {
                    entities.append(Entity(kind: .size, value: upper)); continue
                }
                if token.text.hasPrefix("x"), let q = Int(token.text.dropFirst()), q > 0, q < 1000 {
                    entities.append(Entity(kind: .quantity, value: String(q))); continue
                }
                continue
            }
            // Letters and digits: a product code, unless it is a quantity like "x3".
            if token.text.hasPrefix("x"), let q = Int(token.text.dropFirst()), q > 0, q < 1000 {
                entities.append(Entity(kind: .quantity, value: String(q))); continue
            }
            if (3...24).contains(token.text.count) {
                entities.append(Entity(kind: .sku, value: upper))
            }
        }
        return entities + BuyerReportExtractor.shared.extract(from: message)
    }

    static let letterSizes: Set<String> = ["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl", "5xl"]

    static let currencyBefore: [(String, String)] = [
        ("¥", "CNY"), ("rmb", "CNY"), ("cny", "CNY"), ("$", "USD"), ("usd", "USD"), ("us$", "USD"), ("€", "EUR"), ("eur", "EUR"),
        ("£", "GBP"), ("hk$", "HKD"), ("nt$", "TWD"),
    ]
    static let currencyAfter: [(String, String)] = [
        ("元", "CNY"), ("块", "CNY"), ("rmb", "CNY"), ("yuan", "CNY"), ("dollars", "USD"), ("usd", "USD"), ("bucks", "USD"), ("eur", "EUR"),
        ("euros", "EUR"), ("pounds", "GBP"),
    ]

    // Currency and unit words are compared as UTF-8 bytes: `hasPrefix` and
    // `hasSuffix` on a Substring compare Characters, a thousand instructions
    // each, and there are twenty words to try around every number.
    private func amount(_ number: String, before: Substring, after: String) -> Entity? {
        let afterTrimmed = after.drop { $0 == " " }
        for (symbol, code) in Self.currencyBefore where Self.endsWith(before, symbol) {
            return Entity(
                kind: .amount,
                value: (symbol == "¥" || symbol == "$" || symbol == "€" || symbol == "£" ? symbol : symbol.uppercased() + " ") + number,
                attributes: ["currency": code, "number": number])
        }
        for (word, code) in Self.currencyAfter where Self.startsWith(afterTrimmed, word) || Self.startsWith(after[...], word) {
            let shown = code == "CNY" ? "¥" + number : code == "USD" ? "$" + number : number + " " + code
            return Entity(kind: .amount, value: shown, attributes: ["currency": code, "number": number])
        }
        return nil
    }

    @inline(__always)
    static func startsWith(_ s: Substring, _ word: String) -> Bool { s.utf8.starts(with: word.utf8) }

    @inline(__always)
    static func endsWith(_ s: Substring, _ word: String) -> Bool {
        let w = word.utf8
        return s.utf8.count >= w.count && s.utf8.suffix(w.count).elementsEqual(w)
    }

    static let quantityUnits = [
        "件", "个", "双", "条", "套", "盒", "瓶", "包", "只", "支", "台", "份", "箱", "袋", "pcs", "pc", "pieces", "piece", "pairs", "pair", "units",
        "boxes", "bottles", "packs",
    ]

    private func quantity(_ number: String, before: Substring, after: String, keyword: Bool) -> Entity? {
        guard let n = Int(number), n > 0, n < 10_000 else { return nil }
        let a = after.drop { $0 == " " }
        if keyword || Self.endsWith(before, "x") || Self.endsWith(before, "×")
            || Self.quantityUnits.contains(where: { Self.startsWith(a, $0) })
        {
            return Entity(kind: .quantity, value: String(n))
        }
        return nil
    }

    /// Runs of ASCII letters and digits; `-` inside a code and `.` inside a
    /// number belong to the token.
    static func tokens(_ text: [UInt32]) -> [Token] {
        var result: [Token] = []
        var i = 0
        while i < text.count {
            guard Script.isASCIILetter(text[i]) || Script.isDigit(text[i]) else { i += 1; continue }
            let start = i
            var hasLetter = false, hasDigit = false
            while i < text.count {
                let v = text[i]
                if Script.isASCIILetter(v) {
                    hasLetter = true
                } else if Script.isDigit(v) {
                    hasDigit = true
                } else if v == 0x2D || v == 0x2E, i + 1 < text.count,
                    Script.isDigit(text[i + 1]) || (v == 0x2D && Script.isASCIILetter(text[i + 1])), i > start
                {
                    // inner '-' or '.'
                } else {
                    break
                }
                i += 1
            }
            // A plain word longer than any letter size ("xxxl") and not an
            // "x3" quantity is never an entity: no string for it.
            if hasLetter && !hasDigit && i - start > 4 && text[start] != 0x78 { continue }
            let s = String(scalarValues: text[start..<i])
            result.append(Token(text: s, start: start, end: i, hasLetter: hasLetter, hasDigit: hasDigit))
        }
        return result
    }
}
