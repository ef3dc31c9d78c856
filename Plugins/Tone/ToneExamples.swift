import KefuCore

/// The tone detector's own examples, run by the tests like a pack's: each
/// `upset` message must mark the buyer upset (apology first), no `calm` one
/// may. Written per script, since Traditional messages are folded to
/// Simplified before the lexicon sees them and Taiwan buyers have their own
/// words (負評).
package enum ToneExamples {
    package static let upset: [(language: Language, text: String)] = [
        // Threats of a bad review or one star.
        (.simplifiedChinese, "再这样我就给差评"),
        (.simplifiedChinese, "再不处理给你们一星差评"),
        (.simplifiedChinese, "给1星，说到做到"),
        (.traditionalChinese, "再這樣我就給負評"),
        (.traditionalChinese, "不處理的話我要給一顆星"),
        (.english, "I'll leave a 1-star review"),
        (.english, "fix this or I'm leaving a bad review"),
        (.english, "giving you one star if this isn't sorted"),
        // Rudeness.
        (.simplifiedChinese, "客服是死了吗？？？"),
        (.simplifiedChinese, "你们是骗子吧"),
        (.simplifiedChinese, "这是什么服务态度"),
        (.traditionalChinese, "客服是死了嗎？？？"),
        (.traditionalChinese, "你們是騙子吧"),
        (.traditionalChinese, "什麼爛服務"),
        (.english, "what kind of service is this"),
        (.english, "are you guys dead or what"),
        (.english, "this is a scam"),
    ]

    package static let calm: [(language: Language, text: String)] = [
        (.simplifiedChinese, "收到了很满意，给你们五星好评"),
        (.simplifiedChinese, "我想把差评改成好评可以吗"),
        (.simplifiedChinese, "等了一星期终于到了，谢谢"),
        (.simplifiedChinese, "你们有什么服务可以选"),
        (.simplifiedChinese, "今天热死了，衣服很凉快"),
        (.traditionalChinese, "已經給五星好評了"),
        (.traditionalChinese, "請問客服在嗎"),
        (.english, "I'll leave a 5-star review, love it"),
        (.english, "what kind of fabric is this"),
        (.english, "is this service available in Taiwan"),
        (.english, "hi, is anyone there?"),
    ]
}
