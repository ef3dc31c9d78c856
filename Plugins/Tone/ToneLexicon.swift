import KefuCore

/// Angry, insulting, threatening and urgent words, folded (lower case,
/// Simplified Chinese), matched in one pass.
struct ToneLexicon: Sendable {
    enum Kind: Sendable {
        case insult, threat, anger, urgency
        /// A bad review or one star, threatened or given: the buyer is upset,
        /// and the matter is `bad_review` rather than a `complaint`.
        case reviewThreat
    }

    struct Hit { var kind: Kind; var word: String }

    static let shared = ToneLexicon()

    static let words: [Kind: [String]] = [
        .insult: [
            "垃圾", "骗子", "骗人", "坑人", "黑店", "奸商", "破店", "傻逼", "sb", "脑残", "有病", "滚", "去死", "什么玩意", "狗屁", "恶心",
            "scam", "scammer", "scammers", "fraud", "idiot", "idiots", "stupid", "useless", "garbage", "trash", "rubbish",
            "crap", "shit", "bullshit", "wtf", "liars", "liar", "cheaters", "thieves", "pathetic", "disgusting",
            // Rudeness aimed at the agent ("客服是死了吗", "是猪吗"); "死了" alone is
            // "热死了" (so hot), so only the question forms.
            "死了吗", "是死了", "死哪去了", "人都死了", "是猪吗", "聋了吗", "瞎了吗", "眼瞎", "会不会做生意", "还做不做生意",
            "are you deaf", "are you blind", "are you guys dead", "are you dead", "do your job",
            // "What kind of service is this": rude enough to raise a complaint on
            // its own. Not "你们有什么服务" (what services do you offer).
            "什么服务态度", "这是什么服务", "什么破服务", "什么烂服务", "烂服务", "服务太烂", "服务太差", "什么态度",
            "what kind of service", "what kind of customer service", "what kind of shop is this", "what kind of store is this",
            "what sort of service", "is anyone even there", "anybody alive",
        ],
        .threat: [
            "投诉", "举报", "12315", "消协", "消费者协会", "工商局", "曝光", "报警", "起诉", "律师", "平台介入", "找小二",
            "report you", "sue", "lawyer", "chargeback", "dispute", "bbb", "consumer protection", "going to report",
        ],
        .reviewThreat: [
            // Bad-review and one-star threats. Not "差评" alone ("想把差评改成好评"
            // is calm) and not "一星" alone (一星期 is a week). Taiwan says 负评 (負評).
            "给差评", "给你差评", "给你们差评", "打差评", "就差评", "差评警告", "必须差评", "一星差评", "给负评", "打负评", "负评",
            "给一星", "打一星", "给1星", "打1星", "1星差评", "一颗星", "1颗星", "零星差评",
            "1-star", "1 star", "one star", "one-star", "zero stars", "0 stars", "bad review", "negative review",
            "terrible review",
        ],
        .anger: [
            "气死", "生气", "无语", "太差", "差劲", "离谱", "过分", "太过分", "受不了", "失望", "忍无可忍", "搞什么", "什么鬼", "服了",
            "最差", "烂透", "坑", "欺骗", "敷衍", "不负责任", "态度差", "太慢了", "一肚子火", "火大",
            "angry", "furious", "ridiculous", "unacceptable", "terrible", "horrible", "worst", "awful", "disappointed",
            "disappointing", "fed up", "sick of", "what the hell", "outrageous", "joke", "nonsense", "never again", "annoyed",
        ],
        .urgency: [
            "急", "着急", "急用", "赶紧", "马上", "立刻", "快点", "尽快", "等不及", "十万火急",
            "asap", "urgent", "urgently", "immediately", "right now", "hurry", "quickly", "need it by", "today",
        ],
    ]

    private let automaton: PhraseAutomatonHandle
    private let entries: [(Kind, String)]

    private init() {
        var entries: [(Kind, String)] = []
        for (kind, list) in Self.words { for w in list { entries.append((kind, w)) } }
        entries.sort { $0.1 < $1.1 }
        self.entries = entries
        self.automaton = PhraseAutomatonHandle(phrases: entries.map(\.1))
    }

    func scan(_ text: [UInt32]) -> [Hit] {
        var seen: Set<Int> = []
        var hits: [Hit] = []
        automaton.scan(text) { id in
            if seen.insert(id).inserted { hits.append(Hit(kind: entries[id].0, word: entries[id].1)) }
        }
        return hits
    }
}
