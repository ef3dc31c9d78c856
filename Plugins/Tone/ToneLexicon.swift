import KefuCore

/// Angry, insulting, threatening and urgent words, folded (lower case,
/// Simplified Chinese), matched in one pass.
struct ToneLexicon: Sendable {
    enum Kind: Sendable { case insult, threat, anger, urgency }

    struct Hit { var kind: Kind; var word: String }

    static let shared = ToneLexicon()

    static let words: [Kind: [String]] = [
        .insult: [
            "垃圾", "骗子", "骗人", "坑人", "黑店", "奸商", "破店", "傻逼", "sb", "脑残", "有病", "滚", "去死", "什么玩意", "狗屁", "恶心",
            "scam", "scammer", "scammers", "fraud", "idiot", "idiots", "stupid", "useless", "garbage", "trash", "rubbish",
            "crap", "shit", "bullshit", "wtf", "liars", "liar", "cheaters", "thieves", "pathetic", "disgusting",
        ],
        .threat: [
            "投诉", "举报", "12315", "消协", "消费者协会", "工商局", "曝光", "报警", "起诉", "律师", "平台介入", "找小二",
            "report you", "sue", "lawyer", "chargeback", "dispute", "bbb", "consumer protection", "going to report",
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
