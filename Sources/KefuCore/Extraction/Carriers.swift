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
        }
    }

    /// The carrier a tracking number's shape names unambiguously (folded, upper-cased).
    static func byShape(_ token: String) -> Carrier? {
        let letters = token.prefix { $0.isLetter }
        let digits = token.dropFirst(letters.count)
        let allDigits = !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        switch letters {
        case "SF" where allDigits && (12...15).contains(digits.count): return .sf
        case "YT" where allDigits && (12...15).contains(digits.count): return .yto
        case "JT" where allDigits && (12...15).contains(digits.count): return .jt
        case "DPK" where allDigits && digits.count >= 9: return .deppon
        case "JD" where digits.count >= 10, "JDV" where digits.count >= 10, "JDX" where digits.count >= 10: return .jd
        default: break
        }
        if token.hasPrefix("1Z") && token.count == 18 { return .ups }
        // UPU postal format: two letters, nine digits, country code.
        let t = Array(token)
        if t.count == 13, t[0].isLetter, t[1].isLetter, t[2..<11].allSatisfy(\.isASCIIDigit), t[11].isLetter, t[12].isLetter {
            return token.hasSuffix("CN") ? .ems : token.hasSuffix("US") ? .usps : .ems
        }
        if letters.isEmpty && allDigits && (20...22).contains(digits.count) && digits.first == "9" { return .usps }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
