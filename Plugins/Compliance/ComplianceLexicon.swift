/// The words the compliance check looks for, with why.
///
/// Absolute claims (中华人民共和国广告法 §9(3): 国家级, 最高级, 最佳...).
/// 最 alone is not flagged: 最近 (recently), 最快明天发货 (tomorrow at the
/// earliest), 最晚, 最迟, 最多, 最少 are limits on time and quantity, not
/// claims about the product, and agents write them every day. Only 最 +
/// a judgement (最好, 最低价, 最强...) is flagged. "Allow-list" entries
/// (empty label) consume those words so their 最 is never looked at again.
enum ComplianceLexicon {
    static let absoluteClaim = "absolute-claim"
    static let offPlatform = "off-platform"
    /// A promise nothing in kefu backs (a ship day, a guarantee): the agent
    /// copies draft 1 unread, and a shop that cannot keep it gets the complaint.
    static let promise = "promise"
    /// A link prefix: off-platform unless its host is allowed.
    static let link = "link"

    static let terms: [(String, String)] = {
        var t: [(String, String)] = []
        let claims = [
            "最好", "最佳", "最优", "最低价", "最便宜", "最高级", "最高端", "最先进", "最强", "最棒", "最顶级", "最新技术", "最正宗",
            "最火", "最畅销", "全网最", "史上最", "第一", "唯一", "首选", "国家级", "世界级", "顶级", "极品", "绝对", "100%",
            "百分百", "百分之百", "万能", "永久", "完美",
            "best ever", "best in the world", "the best quality", "no.1", "no. 1", "number one", "#1", "world-class", "world class",
            "guaranteed 100", "absolutely",
            "perfect quality",
        ]
        for w in claims { t.append((w, absoluteClaim)) }
        let promises = [
            "今天一定", "今天之内一定", "明天一定", "一定给您发出", "一定发出", "保证", "包您满意", "担保",
            "guaranteed", "we guarantee", "i guarantee", "i promise", "we promise", "promise you",
        ]
        for w in promises { t.append((w, promise)) }
        let offPlatformWords = ["微信", "威信", "加微", "vx", "v信", "wechat", "weixin", "qq", "扣扣", "加我", "私聊"]
        for w in offPlatformWords { t.append((w, offPlatform)) }
        for w in ["http://", "https://", "www."] { t.append((w, link)) }
        // Not claims: time and quantity limits, and words that merely contain a term.
        for w in ["最近", "最快", "最晚", "最迟", "最多", "最少", "最后", "最终", "第一时间", "唯一的订单"] { t.append((w, "")) }
        return t
    }()
}
