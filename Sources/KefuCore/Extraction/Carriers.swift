/// Couriers kefu recognises, by name in Chinese and English and by the shape
/// of their tracking numbers.
enum Carrier: String, CaseIterable, Sendable {
    case sf = "SF Express"
    case yto = "YTO Express"
    case zto = "ZTO Express"
    case sto = "STO Express"
    case yunda = "Yunda Express"
    case jd = "JD Logistics"
    case ems = "China Post EMS"
    case jt = "J&T Express"
    case deppon = "Deppon"
    case best = "Best Express"
    case ups = "UPS"
    case fedex = "FedEx"
    case dhl = "DHL"
    case usps = "USPS"
    case royalMail = "Royal Mail"
    case chunghwaPost = "Chunghwa Post"
    case hongkongPost = "Hongkong Post"
    case japanPost = "Japan Post"
    case tcat = "T-Cat"
    case hct = "HCT Logistics"

    /// The name a Chinese draft uses.
    var chineseName: String {
        switch self {
        case .sf: "顺丰"
        case .yto: "圆通"
        case .zto: "中通"
        case .sto: "申通"
        case .yunda: "韵达"
        case .jd: "京东物流"
        case .ems: "EMS"
        case .jt: "极兔"
        case .deppon: "德邦"
        case .best: "百世"
        case .ups: "UPS"
        case .fedex: "FedEx"
        case .dhl: "DHL"
        case .usps: "USPS"
        case .royalMail: "英国皇家邮政"
        case .chunghwaPost: "中华邮政"
        case .hongkongPost: "香港邮政"
        case .japanPost: "日本邮政"
        case .tcat: "黑猫宅急便"
        case .hct: "新竹物流"
        }
    }

    /// The carrier entity, with its Chinese name for Chinese drafts.
    var entity: Entity { Entity(kind: .carrier, value: rawValue, attributes: ["zh": chineseName]) }

    /// Folded (lower-case, Simplified) names as buyers write them.
    var names: [String] {
        switch self {
        case .sf: ["顺丰", "sf express", "sf"]
        case .yto: ["圆通", "yto"]
        case .zto: ["中通", "zto"]
        case .sto: ["申通", "sto express"]
        case .yunda: ["韵达", "yunda"]
        case .jd: ["京东快递", "京东物流", "jd logistics"]
        case .ems: ["ems", "邮政", "中国邮政"]
        case .jt: ["极兔", "j&t", "jnt"]
        case .deppon: ["德邦"]
        case .best: ["百世"]
        case .ups: ["ups"]
        case .fedex: ["fedex", "联邦快递"]
        case .dhl: ["dhl"]
        case .usps: ["usps"]
        case .royalMail: ["royal mail", "皇家邮政"]
        case .chunghwaPost: ["中华邮政", "chunghwa post"]
        case .hongkongPost: ["香港邮政", "hongkong post", "hong kong post"]
        case .japanPost: ["日本邮政", "japan post"]
        case .tcat: ["黑猫", "黑猫宅急便", "宅急便", "t-cat", "tcat"]
        case .hct: ["新竹物流", "新竹货运", "hct"]
        }
    }

    /// Where the carrier operates (ISO 3166 code), or nil for the global
    /// express carriers: tracking links are chosen by it.
    var region: String? {
        switch self {
        case .sf, .yto, .zto, .sto, .yunda, .jd, .ems, .jt, .deppon, .best: "CN"
        case .usps: "US"
        case .royalMail: "GB"
        case .chunghwaPost, .tcat, .hct: "TW"
        case .hongkongPost: "HK"
        case .japanPost: "JP"
        case .ups, .fedex, .dhl: nil
        }
    }

    /// Digits in this carrier's plain numeric tracking numbers, when the
    /// buyer names the carrier and the number has no prefix; nil when the
    /// carrier's numbers always carry a prefix or shape of their own.
    var numericLengths: ClosedRange<Int>? {
        switch self {
        case .sf: 12...12
        case .zto, .sto, .best: 12...15
        case .yunda: 13...15
        case .ems: 13...13
        case .jd, .jt, .deppon: 9...15
        case .fedex: 12...22
        case .dhl: 10...11
        case .usps: 20...22
        case .tcat: 12...12
        case .hct: 10...10
        case .yto, .ups, .royalMail, .chunghwaPost, .hongkongPost, .japanPost: nil
        }
    }

    /// The postal operator of a UPU S10 number's country suffix, when kefu
    /// knows it by name. Only `CN` is China Post (EMS).
    static func postalOperator(country: String) -> Carrier? {
        switch country {
        case "CN": .ems
        case "US": .usps
        case "GB": .royalMail
        case "TW": .chunghwaPost
        case "HK": .hongkongPost
        case "JP": .japanPost
        default: nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
