import KefuPlugins

@testable import KefuCore

/// A small pack written for the unit tests, independent of the built-in
/// packs' wording.
enum TestPack {
    static let yaml = """
        pack:
          id: test.core
          name: Test pack
          version: 1.0.0
        partials:
          policy:
            zh-Hans: 七天无理由退货。
            en: Returns within 7 days.
        intents:
          - id: parcel
            description: where is my parcel
            triggers:
              zh-Hans: [快递到哪, 物流, 单号]
              en: [where is my parcel, tracking, "track*"]
            examples:
              zh-Hans: [我的快递到哪了, 物流怎么不动了, 帮我查下单号]
              en: [where is my parcel, any tracking update, can you track my order]
          - id: broken
            description: item arrived damaged
            triggers:
              zh-Hans: [坏了, 破了, 碎了]
              en: [damaged, broken, cracked]
            examples:
              zh-Hans: [收到的杯子碎了, 东西坏了, 盒子破了]
              en: [the mug arrived broken, it is damaged, screen cracked]
            counter_examples:
              zh-Hans: [没有坏 挺好的]
              en: [not damaged at all]
          - id: money_back
            description: wants a refund
            triggers:
              zh-Hans: [退款, 退货]
              en: [refund, return it]
            counter_triggers:
              zh-Hans: [不用退]
              en: [no need to refund]
            examples:
              zh-Hans: [我要退款, 怎么退货, 申请退款]
              en: [i want a refund, how do i return it, refund please]
          - id: ship
            description: when does it ship
            triggers:
              en: [ship]
            examples:
              en: [when will you ship, please ship it]
        snippets:
          - id: parcel.check
            intents: [parcel]
            kind: logistics
            priority: 60
            text:
              zh-Hans: 亲，马上帮您查询{{#tracking_no}}单号 {{tracking_no}}{{/tracking_no}}的物流哦。
              en: Checking {{#tracking_no}}tracking number {{tracking_no}}{{/tracking_no}}{{^tracking_no}}your parcel{{/tracking_no}} right away.
          - id: parcel.need-order
            intents: [parcel]
            kind: answer
            priority: 40
            text:
              zh-Hans: 麻烦提供一下订单号 {{order_id}} 哦。
              en: Could you confirm order {{order_id}}?
          - id: broken.sorry
            intents: [broken]
            kind: apology
            priority: 40
            text:
              zh-Hans: 非常抱歉给您带来不好的体验！麻烦拍张照片给我们。
              en: I'm so sorry it arrived like this! Could you send a photo?
          - id: broken.reship
            intents: [broken]
            kind: answer
            priority: 70
            text:
              zh-Hans: 我们马上给您补发。
              en: We'll send a replacement right away.
          - id: money_back.steps
            intents: [money_back]
            kind: refund
            text:
              zh-Hans: 您在订单页申请退款就可以啦。{{> policy}}
              en: Just request the refund on the order page. {{> policy}}
          - id: generic.check
            fallback: true
            kind: generic
            text:
              zh-Hans: 亲，稍等，我帮您看一下哦。
              en: One moment, let me check that for you.
          - id: reminder.pay
            on_demand: true
            kind: reminder
            text:
              en: Your order {{#order_id}}{{order_id}} {{/order_id}}is waiting for payment.
        """

    static func library(extra: [PackSource] = []) -> SnippetLibrary {
        SnippetLibrary.load([PackSource(path: "test.yaml", text: yaml, layer: .builtin)] + extra)
    }

    static func engine(extra: [PackSource] = []) -> Engine {
        Engine(library: library(extra: extra), detectorFactories: BuiltinPlugins.detectorFactories)
    }
}
