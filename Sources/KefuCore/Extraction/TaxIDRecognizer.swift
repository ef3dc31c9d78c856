/// Company tax IDs for invoices: the mainland 统一社会信用代码 (18
/// characters, check character validated) and Taiwan's 統一編號 (8 digits,
/// checksum validated, only after a word such as 統編 or 税号: any eight
/// digits could be an order number). Never a SKU or an order number.
struct TaxIDRecognizer: EntityRecognizer {
    static let keywords = [[UInt32]](words: [
        "税号", "统一社会信用代码", "信用代码", "纳税人识别号", "识别号", "统编", "统一编号", "公司统编",
        "tax id", "tax no", "tax number", "vat", "ubn", "uscc",
    ])

    func recognize(_ input: RecognizerInput) -> [Recognition] {
        var found: [Recognition] = []
        var keywordEnds: [Int]? = nil
        func keywordBefore(_ start: Int) -> Bool {
            if keywordEnds == nil {
                var ends: [Int] = []
                for w in Self.keywords {
                    var i = 0
                    while i + w.count <= input.text.count {
                        if input.matches(w, at: i) { ends.append(i + w.count) }
                        i += 1
                    }
                }
                keywordEnds = ends
            }
            return keywordEnds!.contains { $0 <= start && start - $0 <= 6 }
        }
        for token in input.tokens where token.text.count == 18 || token.text.count == 8 && !token.hasLetter {
            let code = token.text.uppercased()
            if code.count == 18, CheckDigits.chineseCreditCode(code), token.hasLetter || keywordBefore(token.start) {
                found.append(
                    Recognition(
                        entity: Entity(kind: .taxID, value: code, attributes: ["scheme": "CN-USCC"]), range: token.start..<token.end))
            } else if code.count == 8, keywordBefore(token.start), CheckDigits.taiwanBusinessNumber(code) {
                found.append(
                    Recognition(entity: Entity(kind: .taxID, value: code, attributes: ["scheme": "TW-UBN"]), range: token.start..<token.end)
                )
            }
        }
        return found
    }

    static let examples: [EntityExample] = [
        EntityExample("发票抬头 厦门小鹿贸易有限公司 税号 91350100M000100Y43", .taxID, "91350100M000100Y43", ["scheme": "CN-USCC"]),
        EntityExample("统一社会信用代码：91110000802100433B", .taxID, "91110000802100433B"),
        EntityExample("税号91310000ma1fl5lx96", .taxID, "91310000MA1FL5LX96"),
        EntityExample("統編 04595257 要開發票", .taxID, "04595257", ["scheme": "TW-UBN"]),
        EntityExample("company tax ID 22099131 please", .taxID, "22099131"),
    ]

    static let counterExamples: [EntityExample] = [
        // A tax ID is never a product code.
        EntityExample("税号 91350100M000100Y43", .sku),
        EntityExample("税号 91350100M000100Y43", .orderID),
        // One character wrong: the check character fails.
        EntityExample("税号 91350100M000100Y44", .taxID),
        EntityExample("統編 12345678", .taxID),
        // Eight digits without a tax word are not a 統編.
        EntityExample("订单 04595257 还没发", .taxID),
    ]
}
