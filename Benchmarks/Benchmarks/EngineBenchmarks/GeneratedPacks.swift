import Foundation
import KefuCore

/// Packs generated in memory to measure the engine with many snippets: each
/// pack declares a few namespaced intents (triggers and examples in Chinese and
/// English built from word lists) and snippets with variables and sections.
enum GeneratedPacks {
    static let zhWords = [
        "预售", "定金", "尾款", "赠品", "积分", "会员", "直播", "秒杀", "拼团", "砍价", "清仓", "新品", "补货", "预约", "定制", "刻字", "包装", "礼盒", "保价", "以旧换新",
    ]
    static let enWords = [
        "preorder", "deposit", "balance", "gift", "points", "member", "livestream", "flash", "group", "haggle", "clearance", "arrival",
        "restock", "booking", "custom", "engraving", "wrapping", "giftbox", "protection", "tradein",
    ]

    static func sources(snippets total: Int, packs: Int = 100) -> [PackSource] {
        let perPack = max(1, total / packs)
        return (0..<packs).map { p in
            PackSource(path: "generated/pack\(p).yaml", text: pack(p, snippets: perPack), layer: .commandLine)
        }
    }

    static func pack(_ p: Int, snippets: Int) -> String {
        var y = "pack:\n  id: gen.p\(p)\n  name: Generated \(p)\n  version: 1.0.0\nintents:\n"
        let intents = 5
        for i in 0..<intents {
            let a = (p * 7 + i * 3) % zhWords.count, b = (p * 11 + i * 5 + 1) % zhWords.count
            let zhA = zhWords[a] + String(p), zhB = zhWords[b]
            let enA = enWords[a] + String(p), enB = enWords[b]
            y += """
                  - id: gen.p\(p).i\(i)
                    description: generated intent \(i) of pack \(p)
                    triggers:
                      zh-Hans: [\(zhA), \(zhA)\(zhB), \(zhB)\(p)问题, \(zhA)怎么弄, \(zhA)多少钱, \(zhB)\(i)号, \(zhA)规则, \(zhA)时间, \(zhA)活动, \(zhB)\(p)\(i)]
                      en: [\(enA), \(enA) \(enB), \(enB)\(p) question, how does \(enA) work, \(enA) price, \(enB) \(i), \(enA) rules, \(enA) time, \(enA) event, \(enB)\(p)x\(i)]
                    examples:
                      zh-Hans: [请问\(zhA)怎么弄, \(zhA)和\(zhB)可以一起用吗, 我想了解一下\(zhA), \(zhA)什么时候开始, 亲 \(zhA)还有吗]
                      en: [how does \(enA) work, can i combine \(enA) and \(enB), tell me about \(enA), when does \(enA) start, is \(enA) still on]

                """
        }
        y += "snippets:\n"
        for s in 0..<snippets {
            let i = s % intents
            y += """
                  - id: gen.p\(p).s\(s)
                    intents: [gen.p\(p).i\(i)]
                    kind: answer
                    priority: \((s * 37) % 100)
                    text:
                      zh-Hans: 亲，关于这个问题{{#order_id}}（订单 {{order_id}}）{{/order_id}}，我们的规则是第\(s)条，{{shop}}客服为您解答～
                      en: About that{{#order_id}} (order {{order_id}}){{/order_id}}, rule \(s) applies — {{shop}} support is here to help.

                """
        }
        return y
    }

    /// One pack adding `examples` buyer messages to the built-in intents
    /// (`extends: true`), built from word lists: what a shop's own history
    /// imported as examples looks like to the engine.
    static func examplePack(examples total: Int) -> PackSource {
        let intents = ["product_info", "bargain", "logistics", "refund_return", "item_problem", "change_order", "invoice", "urge_delivery"]
        let zhFrames = ["这个%@还有吗", "%@怎么弄啊", "请问%@多久", "%@可以便宜点吗", "%@坏了怎么办"]
        let enFrames = ["is the %@ still there", "how does %@ work", "how long for %@", "any deal on %@", "my %@ is broken"]
        var y = "pack:\n  id: gen.history\n  name: Generated history\n  version: 1.0.0\nintents:\n"
        let per = max(1, total / intents.count)
        for (n, intent) in intents.enumerated() {
            y += "  - id: \(intent)\n    extends: true\n    examples:\n      zh-Hans:\n"
            for k in 0..<(per / 2) {
                let word = zhWords[(k + n) % zhWords.count] + String(k / zhWords.count)
                y += "        - \"" + String(format: zhFrames[(k + n) % zhFrames.count], word) + "\"\n"
            }
            y += "      en:\n"
            for k in 0..<(per - per / 2) {
                let word = enWords[(k + n) % enWords.count] + String(k / enWords.count)
                y += "        - \"" + String(format: enFrames[(k + n) % enFrames.count], word) + "\"\n"
            }
        }
        return PackSource(path: "generated/history.yaml", text: y, layer: .commandLine)
    }
}
