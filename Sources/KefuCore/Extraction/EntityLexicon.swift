/// The words around values that say what a value is ("订单号 123...",
/// "tracking 1Z...", "42码"), and colour and carrier names, compiled into one
/// automaton so the extractor reads each message once.
struct EntityLexicon: Sendable {
    enum Role: Sendable, Equatable {
        case orderKeyword, trackingKeyword, phoneKeyword, sizeKeyword, skuKeyword, quantityKeyword
        case color
        case carrier(Carrier)
    }

    struct Hit: Sendable {
        var role: Role
        var word: String
        var start: Int
        var end: Int
    }

    static let shared = EntityLexicon()

    private let automaton: PhraseAutomaton
    private let entries: [(word: String, role: Role, wholeWord: Bool)]

    static let colors: [String] = [
        "红色", "黑色", "白色", "蓝色", "灰色", "粉色", "绿色", "黄色", "紫色", "棕色", "咖啡色", "卡其色", "米色", "米白色",
        "杏色", "橙色", "银色", "金色", "藏青色", "深蓝色", "浅蓝色", "天蓝色", "酒红色", "玫红色", "墨绿色", "军绿色", "驼色",
        "奶白色", "香槟色", "透明色", "花色", "黑白", "深灰", "浅灰", "藏青", "酒红", "玫红", "墨绿", "焦糖色", "燕麦色",
        "black", "white", "red", "blue", "navy", "grey", "gray", "pink", "green", "yellow", "purple", "brown", "beige",
        "khaki", "orange", "silver", "gold", "cream", "ivory", "burgundy", "maroon", "teal", "olive", "charcoal", "rose gold",
        "light blue", "dark blue", "dark green", "sky blue", "off white", "off-white",
    ]

    private init() {
        var list: [(String, Role, Bool)] = []
        for w in ["订单号", "订单", "订单编号", "order", "order no", "order number", "order id", "order#", "order #", "ord", "单子"] {
            list.append((w, .orderKeyword, true))
        }
        for w in [
            "快递单号", "运单号", "物流单号", "快递号", "单号", "tracking", "tracking number", "tracking no", "tracking #", "waybill", "awb", "track",
        ] { list.append((w, .trackingKeyword, true)) }
        for w in ["电话", "手机", "手机号", "联系方式", "phone", "tel", "mobile", "whatsapp", "call me", "number is", "cell"] {
            list.append((w, .phoneKeyword, true))
        }
        for w in ["size", "尺码", "码数", "尺寸", "号码", "sz"] { list.append((w, .sizeKeyword, true)) }
        for w in ["sku", "货号", "款号", "型号", "item no", "item", "model", "编号", "style"] { list.append((w, .skuKeyword, true)) }
        for w in ["qty", "quantity", "数量"] { list.append((w, .quantityKeyword, true)) }
        for c in Self.colors { list.append((c, .color, true)) }
        for carrier in Carrier.allCases { for n in carrier.names { list.append((n, .carrier(carrier), true)) } }
        entries = list.map { (word: $0.0, role: $0.1, wholeWord: $0.2) }
        automaton = PhraseAutomaton(phrases: list.map { $0.0.unicodeScalars.map(\.value) })
    }

    func scan(_ text: [UInt32]) -> [Hit] {
        var hits: [Hit] = []
        automaton.scan(text) { id, start, end in
            let e = entries[id]
            let first = text[start], last = text[end - 1]
            if Script.isWordCharacter(first) && start > 0 && Script.isWordCharacter(text[start - 1]) { return }
            if Script.isWordCharacter(last) && end < text.count && Script.isWordCharacter(text[end]) { return }
            hits.append(Hit(role: e.role, word: e.word, start: start, end: end))
        }
        return hits
    }
}
