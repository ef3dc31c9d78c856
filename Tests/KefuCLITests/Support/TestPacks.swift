import Foundation
import KefuTestSupport
import Testing

/// Packs written for these tests, independent of the built-in packs' wording.
/// Every id is namespaced `t.` so nothing collides with a built-in intent.
enum TestPacks {
    /// A consistent pack: two intents with triggers, examples and a
    /// counter-example; snippets that use an extracted variable, a
    /// configuration variable, a pack-declared variable and a partial; a
    /// fallback.
    static let parcel = """
        pack:
          id: t.clitest
          name: CLI test pack
          version: 1.0.0
          languages: [zh-Hans, en]
        variables: [t_code]
        partials:
          t_sign:
            zh-Hans: 祝您生活愉快
            en: Have a nice day
        intents:
          - id: t.parcel
            description: The buyer asks where the parcel is.
            triggers:
              zh-Hans: [包裹到哪, 包裹在哪, 查包裹]
              en: [parcel, parcels]
            examples:
              zh-Hans: [我的包裹到哪了, 帮我查包裹, 包裹在哪里呀]
              en: [where is my parcel, has my parcel shipped yet, any news on the parcel]
            counter_examples:
              en: [lovely weather today]
          - id: t.voucher
            description: The buyer asks for a voucher.
            triggers:
              zh-Hans: [优惠码, 代金券]
              en: [voucher, coupon code]
            examples:
              zh-Hans: [有优惠码吗, 能给张代金券吗, 优惠码怎么用]
              en: [do you have a voucher, any coupon code, can i get a voucher]
        snippets:
          - id: t.parcel.track
            intents: [t.parcel]
            kind: logistics
            priority: 90
            text:
              zh-Hans: 亲，您的包裹单号是 {{tracking_no}}，物流进度可以在订单页查看。{{> t_sign}}
              en: Your parcel {{tracking_no}} can be tracked on the order page. {{> t_sign}}
          - id: t.parcel.shop
            intents: [t.parcel]
            kind: answer
            priority: 50
            text:
              zh-Hans: 这里是{{shop}}，我们会尽快处理您的包裹问题。
              en: This is {{shop}}, we will look into your parcel.
          - id: t.parcel.code
            intents: [t.parcel]
            kind: generic
            priority: 10
            text:
              zh-Hans: 您的查询码是 {{t_code}}。
              en: Your code is {{t_code}}.
          - id: t.voucher.give
            intents: [t.voucher]
            kind: promo
            text:
              zh-Hans: 送您一张代金券，下单时使用哦。
              en: Here is a voucher for your next order.
          - id: t.fallback
            fallback: true
            kind: generic
            text:
              zh-Hans: 亲，稍等，我帮您看一下。
              en: One moment please.

        """

    /// How many examples plus counter-examples `parcel` declares.
    static let parcelExampleCount = 13

    /// A small valid pack that the broken variants below are made from.
    static let gadget = """
        pack:
          id: t.gadget-pack
          name: Gadget
          version: 1.0.0
        intents:
          - id: t.gadget
            description: Gadget question.
            triggers:
              en: [gadget]
            examples:
              en: [is the gadget good, tell me about the gadget, gadget colours]
        snippets:
          - id: t.gadget.info
            intents: [t.gadget]
            kind: answer
            text:
              en: The gadget is great.

        """

    /// Writes the parcel pack into the sandbox and returns its path.
    static func writeParcel(_ sandbox: Sandbox, name: String = "parcel.yaml") throws -> String {
        try sandbox.write(name, parcel)
    }

    /// 1-based number of the first line of `text` containing `marker`
    /// (after `after` lines): where a diagnostic must point.
    static func line(of marker: String, in text: String, after: Int = 0) -> Int? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where i >= after && line.contains(marker) {
            return i + 1
        }
        return nil
    }
}

/// Arguments every run gets: never the user's packs or ./snippets.
let isolated = ["--no-user-packs"]

enum JSON {
    struct NotAnObject: Error, CustomStringConvertible {
        var line: String
        var description: String { "not a JSON object: \(line.prefix(200))" }
    }

    static func object(_ line: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
        guard let object = value as? [String: Any] else { throw NotAnObject(line: line) }
        return object
    }

    /// Every line of standard output as a JSON object.
    static func objects(_ result: KefuResult) throws -> [[String: Any]] {
        try result.lines.map(object)
    }

    static func drafts(_ record: [String: Any]) -> [[String: Any]] {
        record["drafts"] as? [[String: Any]] ?? []
    }

    static func intents(_ record: [String: Any]) -> [String] {
        (record["intents"] as? [[String: Any]] ?? []).compactMap { $0["intent"] as? String }
    }

    static func draft(_ record: [String: Any], snippet: String) -> [String: Any]? {
        drafts(record).first { $0["snippet"] as? String == snippet }
    }

    /// An id that JSON wrote as a number (not a string).
    static func numericID(_ record: [String: Any]) -> Int? {
        guard !(record["id"] is String), let n = record["id"] as? NSNumber else { return nil }
        return n.intValue
    }

    static func isErrorRecord(_ record: [String: Any]) -> Bool {
        Set(record.keys) == ["id", "record", "error"] && (record["error"] as? String)?.isEmpty == false
    }
}

/// The keys of a suggestion record and of each draft (docs: scripting).
let recordKeys: Set<String> = ["id", "language", "intents", "entities", "drafts"]
let draftKeys: Set<String> = ["rank", "snippet", "intent", "score", "text", "complete"]

/// Checks the shape of one suggestion record.
func expectSuggestionShape(_ record: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(recordKeys.isSubset(of: Set(record.keys)), "record keys: \(record.keys.sorted())", sourceLocation: sourceLocation)
    #expect(record["language"] is String, sourceLocation: sourceLocation)
    #expect(record["intents"] is [Any], sourceLocation: sourceLocation)
    #expect(record["entities"] is [Any], sourceLocation: sourceLocation)
    let drafts = JSON.drafts(record)
    for (i, d) in drafts.enumerated() {
        #expect(draftKeys.isSubset(of: Set(d.keys)), "draft keys: \(d.keys.sorted())", sourceLocation: sourceLocation)
        #expect((d["rank"] as? NSNumber)?.intValue == i + 1, sourceLocation: sourceLocation)
        #expect(d["snippet"] is String, sourceLocation: sourceLocation)
        #expect(d["text"] is String, sourceLocation: sourceLocation)
        #expect(d["score"] is NSNumber, sourceLocation: sourceLocation)
        #expect(d["complete"] is Bool, sourceLocation: sourceLocation)
    }
}
