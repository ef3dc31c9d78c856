/// Decides whether a matched phrase is negated by what comes just before it:
/// "没有坏" is not a broken item, "not damaged" is not either, "不用退" asks
/// for no refund.
///
/// Deliberately narrow. Chinese complaint questions negate nothing ("为什么不
/// 发货", "怎么还没退款" are demands), and English "didn't / haven't" usually
/// report a problem ("haven't received my refund"), so they are not
/// negators; phrases that start with a negation ("没收到", "not received") are
/// matched as written and never treated as negated.
enum Negation {
    static let chinese: [[UInt32]] = [
        "没有", "没", "木有", "无", "别", "不用", "不需要", "不必", "不要", "不想", "不是", "不会", "并没有", "未", "不",
    ].map { $0.unicodeScalars.map(\.value) }
    /// A negator right after one of these is a complaint, not a negation.
    static let chineseQuestionLeads: [[UInt32]] = [
        "为什么", "怎么", "咋", "为啥", "还", "都", "怎么还", "干嘛", "凭什么", "居然", "竟然",
    ].map { $0.unicodeScalars.map(\.value) }

    static let english: Set<String> = [
        "not", "no", "never", "without", "dont", "don't", "isnt", "isn't", "wasnt", "wasn't",
        "arent", "aren't", "nothing", "neither", "nor",
    ]

    /// Scope ends at punctuation: "没问题，就是坏了" is not negated.
    static func isClauseBreak(_ v: UInt32) -> Bool {
        switch v {
        case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x0A, 0xFF0C, 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x3001, 0x7E: true
        default: false
        }
    }

    static func startsWithNegation(_ phrase: [UInt32]) -> Bool {
        if let first = phrase.first, Script.isHan(first) {
            return chinese.contains { phrase.starts(with: $0) }
        }
        let firstWord = String(scalarValues: phrase.prefix { $0 != 0x20 })
        return english.contains(firstWord) || firstWord.hasSuffix("n't")
            || firstWord.hasSuffix("nt") && ["didnt", "havent", "hasnt", "cant", "wont", "couldnt"].contains(firstWord)
    }

    /// Whether the phrase at `start` in `text` is negated.
    static func isNegated(_ text: [UInt32], phraseStart start: Int) -> Bool {
        guard start > 0 else { return false }
        if Script.isHan(text[start]) || !Script.isWordCharacter(text[start]) {
            return chineseNegated(text, start)
        }
        return englishNegated(text, start)
    }

    private static func chineseNegated(_ text: [UInt32], _ start: Int) -> Bool {
        // The negator ends right before the phrase, or one character earlier
        // ("没怎么坏" is rare; "不太想退" is "不" + "太" + phrase).
        for gap in 0...1 {
            let end = start - gap
            guard end > 0 else { break }
            if gap == 1 && (isClauseBreak(text[start - 1]) || text[start - 1] == 0x20) { break }
            for negator in chinese where end - negator.count >= 0 {
                let from = end - negator.count
                if text[from..<end].elementsEqual(negator) {
                    // "能不能", "有没有", "是不是": an A-not-A question, not a negation.
                    if from > 0 && end < text.count && text[from - 1] == text[end] { return false }
                    return !chineseQuestionLeads.contains { lead in
                        from - lead.count >= 0 && text[(from - lead.count)..<from].elementsEqual(lead)
                    }
                }
            }
        }
        return false
    }

    private static func englishNegated(_ text: [UInt32], _ start: Int) -> Bool {
        // Up to three words back, within the clause.
        var i = start - 1
        var words = 0
        while i >= 0 && words < 3 {
            while i >= 0 && text[i] == 0x20 { i -= 1 }
            guard i >= 0, !isClauseBreak(text[i]) else { return false }
            var j = i
            while j >= 0 && (Script.isWordCharacter(text[j]) || text[j] == 0x27) { j -= 1 }
            if j == i { return false }  // a symbol: stop
            let word = String(scalarValues: text[(j + 1)...i])
            if english.contains(word) { return true }
            words += 1
            i = j
        }
        return false
    }
}
