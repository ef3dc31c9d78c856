/// Phrases that state one of the facts in `Assertion`, per language, so that
/// a snippet saying "有货" or "has shipped" without declaring
/// `asserts: [in_stock]` / `[shipped]` is caught: the audit is enforced, not
/// just declared. Chinese phrases are Simplified (hand-written Traditional
/// texts are converted before matching); English is matched ignoring case.
///
/// Phrases with an empty assertion are allow-listed: matching is leftmost-
/// longest, so "是否有货" (whether it is in stock) consumes its "有货", and
/// "if it's already shipped" its "already shipped". Conditional and
/// negated forms are the usual way a checking draft mentions a fact.
package enum ClaimLexicon {
    package static let chinese: [(String, Assertion?)] = {
        var t: [(String, Assertion?)] = []
        func add(_ words: [String], _ a: Assertion?) { t += words.map { ($0, a) } }
        add(["有货", "有现货", "现货", "库存充足", "还有货", "库存有限", "库存不多", "仅剩"], .inStock)
        add(["天补货", "周补货", "周左右补货", "天左右补货", "月补货", "就能补货", "就会补货"], .restock)
        add(["底价", "最低价", "最低了", "最低的价格", "不能再低", "没法再低", "没办法再低", "不能再便宜", "没法再便宜"], .priceFloor)
        add(["满减", "立减", "优惠券", "领券", "限时优惠", "活动价", "打折", "折扣", "减10元", "减20元", "有活动"], .promotion)
        add(
            [
                "今天一定", "今天发出", "今天就发", "今天给您发", "今天就安排发出", "今天就给您发", "今天能发出", "明天发出", "明天一定",
                "一定给您发出", "一定发出", "保证发货", "会在今天发出", "今天之内发出",
            ], .shipDate)
        add(["已经发出", "已发出", "已经发货", "已发货", "已经寄出", "已寄出", "发出了", "已经发了", "已经出货", "已出货"], .shipped)
        add(["在路上", "运输途中", "正在派送", "派送中", "运输中", "正在运输"], .inTransit)
        add(["已签收", "已送达", "签收了", "已经送到"], .delivered)
        add(["物流显示已签收", "显示已签收但", "显示已签收", "显示签收", "物流显示", "延误", "滞留", "丢件", "卡在"], .parcelStatus)
        add(["元包邮", "元免运", "本店包邮", "全场包邮"], .shippingRule)
        add(["支持货到付款", "可以货到付款", "支持到付", "可以到付"], .paymentOption)
        add(
            [
                "已经帮您改", "已帮您改", "已经改好", "已改好", "已经修改", "已修改", "改好了", "帮您记下改成", "已经帮您备注",
                "已经备注", "已备注", "已经帮您修改",
            ], .changeDone)
        add(["已退款", "已经退款", "退款已", "已经给您退", "已经退回", "钱已经退", "已经原路退回", "已经帮您退款"], .refundDone)
        // Questions, conditions and negations.
        add(
            [
                "是否有货", "有没有货", "有没有现货", "是否有现货", "有货吗", "现货吗", "有货没", "如果已经发出", "如果已经发货", "如果已经出货", "如果已出货", "如果已发货",
                "还没发货", "未发货", "还没发出", "没发货", "趁还没发货", "是否已经发出", "是否已发货", "有没有发货", "发出了吗", "已经发出了吗",
                "是否已签收", "有没有签收", "签收了吗", "如果显示已签收", "改好后", "修改后", "不支持到付", "不支持货到付款",
                "能不能货到付款", "是否支持货到付款",
            ], nil)
        return t
    }()

    package static let english: [(String, Assertion?)] = {
        var t: [(String, Assertion?)] = []
        func add(_ words: [String], _ a: Assertion?) { t += words.map { ($0, a) } }
        add(
            ["in stock", "available now", "ready to ship", "stock is limited", "limited stock", "only a few left", "selling fast"], .inStock
        )
        add(["restock in", "back in stock by", "back in stock on", "expect a restock", "restocked in", "restocked by"], .restock)
        add(
            [
                "lowest price", "as low as we can go", "our lowest", "rock-bottom", "rock bottom", "can't go any lower", "cannot go lower",
                "can't go lower", "best price we can",
            ], .priceFloor)
        add(
            [
                "spend $", "save $", "% off", "off orders", "limited time", "coupon", "discount", "store offer", "offer running",
                "promotion running", "on sale",
            ], .promotion)
        add(
            [
                "ship today", "ships today", "will ship today", "shipped today", "ship it today", "send it today", "dispatch today",
                "dispatched today", "out today", "will ship tomorrow", "ships tomorrow", "ship tomorrow", "guaranteed to ship",
                "it will ship", "due to ship", "will be shipped today",
            ], .shipDate)
        add(
            [
                "has shipped", "have shipped", "already shipped", "was shipped", "been shipped", "is shipped", "has been sent",
                "has been dispatched", "was dispatched", "already dispatched",
            ], .shipped)
        add(["on its way", "on the way", "in transit", "out for delivery", "being delivered"], .inTransit)
        add(["has been delivered", "was delivered", "is delivered", "been delivered", "has arrived", "was left at"], .delivered)
        add(
            [
                "says delivered", "shows delivered", "shows as delivered", "marked as delivered", "marked delivered", "tracking says",
                "tracking shows", "is delayed", "running late", "is stuck", "got stuck", "been lost", "was lost",
            ], .parcelStatus)
        add(["free on orders over", "free shipping on orders over", "free shipping over", "ships free over"], .shippingRule)
        add(["cash on delivery is available", "we offer cash on delivery", "cod is available"], .paymentOption)
        add(
            [
                "i've changed", "i have changed", "i've updated", "i have updated", "has been changed", "has been updated",
                "changed it to", "changing it to", "i've flagged", "i have flagged", "i've marked", "is now changed",
            ], .changeDone)
        add(
            [
                "refund has been issued", "refund has been processed", "refund was issued", "refund is on its way", "refunded",
                "i've refunded", "have refunded", "money is back", "refund is done", "issued your refund", "issued a refund",
            ], .refundDone)
        add(
            [
                "if it's already on the way", "if it is already on the way", "if it's already shipped", "if it has shipped",
                "if it has already shipped", "if it's shipped", "hasn't shipped", "has not shipped", "not shipped", "hasn't been shipped",
                "before it ships", "whether it's in stock", "if it's in stock", "is it in stock", "be refunded", "can be refunded",
                "once it's changed", "once it has been changed", "if anything looks off", "in stock?",
            ], nil)
        return t
    }()

    /// The phrases for one language's texts.
    package static func phrases(for language: Language) -> [(String, Assertion?)] {
        language == .english ? english : chinese
    }
}
