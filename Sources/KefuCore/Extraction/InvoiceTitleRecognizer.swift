/// The invoice title (发票抬头) the buyer gives: "发票抬头：厦门小鹿贸易有限公司",
/// "抬頭開鹿鳴股份有限公司", "invoice to: Deer Home Ltd". Quoted as written, up
/// to the tax ID or the end of the clause. A question about the title
/// ("抬头写什么") gives none.
struct InvoiceTitleRecognizer: EntityRecognizer {
    static let keywords = [[UInt32]](words: [
        "发票抬头", "抬头", "开票抬头", "公司抬头", "invoice title", "invoice to", "invoice under", "bill to", "company name",
    ])
    /// Between the keyword and the title: 是, 为, 写, 开, colons, spaces.
    static let lead = AddressRecognizer.set("是为写开填用:： ")
    /// Words after which the title has ended: the tax ID and its names.
    static let stops = [[UInt32]](words: [
        "税号", "统一社会信用代码", "信用代码", "统编", "统一编号", "纳税人", "就行", "就可以", "就好", "即可", "谢谢", "麻烦",
        "tax", "vat", "please", "thanks", "thank",
    ])
    static let endPunctuation = AddressRecognizer.set(",.;!?，。；！？、\n")
    static let questionWords = [[UInt32]](words: ["什么", "怎么", "吗", "呢", "可以", "能不能", "能否", "哪", "what", "how", "can i", "should"])
    /// Company endings: a Han run ending in one of these is a title when
    /// the message is about an invoice, even without 抬头.
    static let companyEndings = [[UInt32]](words: ["有限公司", "公司", "工作室", "集团"])
    static let invoiceWords = [[UInt32]](words: ["发票", "开票", "invoice", "统编"])

    func recognize(_ input: RecognizerInput) -> [Recognition] {
        let t = input.text
        var start: Int? = nil
        for w in Self.keywords {
            var k = 0
            while k + w.count <= t.count, start == nil {
                if input.matches(w, at: k) { start = k + w.count }
                k += 1
            }
            if start != nil { break }
        }
        if var s = start {
            while s < t.count, Self.lead.contains(t[s]) { s += 1 }
            var e = s
            while e < t.count, !Self.endPunctuation.contains(t[e]) {
                if Self.stops.contains(where: { input.matches($0, at: e) }) { break }
                // A long digit run is the tax ID, not the title.
                if Script.isDigit(t[e]), e + 8 <= t.count, t[e..<(e + 8)].allSatisfy(Script.isDigit) { break }
                e += 1
            }
            while e > s, t[e - 1] == 0x20 { e -= 1 }
            guard e - s >= 2 else { return [] }
            let value = Array(t[s..<e])
            for q in Self.questionWords where value.count >= q.count {
                for k in 0...(value.count - q.count) where Array(value[k..<(k + q.count)]) == q { return [] }
            }
            return [Recognition(entity: Entity(kind: .invoiceTitle, value: input.quote(s..<e)), range: s..<e)]
        }
        // No 抬头: a company name in a message about an invoice.
        guard input.contains(any: Self.invoiceWords) else { return [] }
        for ending in Self.companyEndings {
            var k = 0
            while k + ending.count <= t.count {
                if input.matches(ending, at: k) {
                    let e = k + ending.count
                    var s = k
                    while s > 0, e - s < 30, Script.isHan(t[s - 1]) || t[s - 1] == 0x28 || t[s - 1] == 0x29 {
                        if Self.lead.contains(t[s - 1]) || t[s - 1] == 0x7ED9 || t[s - 1] == 0x5230 { break }  // 给, 到
                        if s >= 2, input.matches("发票".scalarArray, endingAt: s) || input.matches("开票".scalarArray, endingAt: s) { break }
                        s -= 1
                    }
                    if e - s >= ending.count + 2 {
                        return [Recognition(entity: Entity(kind: .invoiceTitle, value: input.quote(s..<e)), range: s..<e)]
                    }
                }
                k += 1
            }
        }
        return []
    }

    static let examples: [EntityExample] = [
        EntityExample("发票抬头：厦门小鹿贸易有限公司 税号91350100M000100Y43", .invoiceTitle, "厦门小鹿贸易有限公司"),
        EntityExample("抬頭開鹿鳴股份有限公司，統編04595257", .invoiceTitle, "鹿鳴股份有限公司"),
        EntityExample("麻烦开发票给上海鹿鸣贸易有限公司", .invoiceTitle, "上海鹿鸣贸易有限公司"),
        EntityExample("please invoice to: Deer Home Ltd, thanks", .invoiceTitle, "Deer Home Ltd"),
        EntityExample("company name Acme Trading Ltd tax ID 22099131", .invoiceTitle, "Acme Trading Ltd"),
        EntityExample("发票抬头个人就行", .invoiceTitle, "个人"),
    ]

    static let counterExamples: [EntityExample] = [
        EntityExample("发票抬头写什么", .invoiceTitle),
        EntityExample("抬头可以开个人吗", .invoiceTitle),
        EntityExample("我在一家物流公司上班，想问下尺码", .invoiceTitle),
        EntityExample("发票抬头：厦门小鹿贸易有限公司 税号91350100M000100Y43", .sku),
    ]
}
