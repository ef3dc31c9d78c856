/// Tracking numbers whose shape names the carrier: 顺丰 `SF…`, 京东 `JD…`,
/// 圆通 `YT…`, 极兔 `JT…`, 德邦 `DPK…`, UPS `1Z…`, UPU S10 postal numbers
/// (`EA123456785CN`, the suffix naming the country's postal operator) and
/// USPS 20-22 digit numbers, each with its check digit where it has one.
/// Plain digit runs beside a carrier's name or "运单号" are read by the
/// extractor's token rules through `numeric(_:named:)`.
///
/// A number whose check digit fails is kept but marked `ambiguous` and
/// given no carrier: it is shown among the entities, never put into a
/// draft, and kefu does not claim a carrier it cannot tell.
struct TrackingNumberRecognizer: EntityRecognizer {
    func recognize(_ input: RecognizerInput) -> [Recognition] {
        var found: [Recognition] = []
        for token in input.tokens where token.text.count >= 10 && token.hasDigit {
            if let e = Self.byShape(token.text.uppercased()) { found.append(Recognition(entity: e, range: token.start..<token.end)) }
        }
        return found
    }

    static func entity(_ number: String, _ carrier: Carrier?, _ extra: [String: String] = [:]) -> Entity {
        var attributes = extra
        if let carrier {
            attributes["carrier"] = carrier.rawValue
            if let region = carrier.region { attributes["region"] = region }
        }
        return Entity(kind: .trackingNumber, value: number, attributes: attributes)
    }

    static func ambiguous(_ number: String, _ why: String, _ extra: [String: String] = [:]) -> Entity {
        var attributes = extra
        attributes["ambiguous"] = why
        return Entity(kind: .trackingNumber, value: number, attributes: attributes)
    }

    /// The tracking number a token's shape names (upper-cased token), or nil.
    static func byShape(_ token: String) -> Entity? {
        let b = Array(token.utf8)
        var letters = 0
        while letters < b.count, (65...90).contains(b[letters]) { letters += 1 }
        let digitCount = b.count - letters
        let allDigits = digitCount > 0 && b[letters...].allSatisfy { (48...57).contains($0) }
        let prefix = String(decoding: b[..<letters], as: UTF8.self)
        if allDigits {
            switch prefix {
            case "SF" where (12...13).contains(digitCount): return entity(token, .sf)
            case "YT" where (12...15).contains(digitCount): return entity(token, .yto)
            case "JT" where (12...15).contains(digitCount): return entity(token, .jt)
            case "DPK" where digitCount >= 9: return entity(token, .deppon)
            default:
                if prefix.hasPrefix("JD") && prefix.count <= 4 && (10...15).contains(digitCount) { return entity(token, .jd) }
            }
        }
        if token.hasPrefix("1Z") && b.count == 18 {
            return CheckDigits.ups(token) ? entity(token, .ups) : ambiguous(token, "UPS check digit does not match")
        }
        // UPU S10: two letters, eight digits and a check digit, two letters of country.
        if b.count == 13, letters == 2, b[2..<11].allSatisfy({ (48...57).contains($0) }), b[11...].allSatisfy({ (65...90).contains($0) }) {
            let country = String(token.suffix(2))
            guard CheckDigits.upuS10(token) else {
                return ambiguous(token, "UPU S10 check digit does not match", ["postal_country": country])
            }
            return entity(token, Carrier.postalOperator(country: country), ["postal_country": country, "region": country])
        }
        if letters == 0 && allDigits && (20...22).contains(digitCount) && b[0] == 0x39 && CheckDigits.uspsMod10(token) {
            return entity(token, .usps)
        }
        return nil
    }

    /// A plain digit run the message calls a tracking number (after
    /// "运单号", "tracking") or puts beside a carrier's name: with that
    /// carrier when the digits fit its numbers (and its check digit, for
    /// DHL), without a carrier otherwise.
    static func numeric(_ digits: String, named carrier: Carrier?) -> Entity {
        guard let carrier else { return entity(digits, nil) }
        if carrier == .dhl && digits.count == 10 && !CheckDigits.dhlMod7(digits) {
            return ambiguous(digits, "DHL check digit does not match")
        }
        if let lengths = carrier.numericLengths, lengths.contains(digits.count) { return entity(digits, carrier) }
        return entity(digits, nil, ["named_carrier": carrier.rawValue])
    }

    static let examples: [EntityExample] = [
        EntityExample("顺丰单号SF1234567890123", .trackingNumber, "SF1234567890123", ["carrier": "SF Express"]),
        EntityExample("yt1234567890123 到哪了", .trackingNumber, "YT1234567890123", ["carrier": "YTO Express"]),
        EntityExample("jd0012345678901 京东", .trackingNumber, "JD0012345678901", ["carrier": "JD Logistics"]),
        EntityExample("中通 75312345678901 一直没动", .trackingNumber, "75312345678901", ["carrier": "ZTO Express"]),
        EntityExample("韵达快递单号 4312345678901", .trackingNumber, "4312345678901", ["carrier": "Yunda Express"]),
        EntityExample("申通 773012345678901", .trackingNumber, "773012345678901", ["carrier": "STO Express"]),
        EntityExample("EMS EA123456785CN", .trackingNumber, "EA123456785CN", ["carrier": "China Post EMS"]),
        EntityExample("where is RR123456785GB", .trackingNumber, "RR123456785GB", ["carrier": "Royal Mail", "region": "GB"]),
        EntityExample("where is RR123456785GB", .carrier, "Royal Mail"),
        EntityExample("挂号 RB473124829TW", .trackingNumber, "RB473124829TW", ["carrier": "Chunghwa Post"]),
        EntityExample("UPS 1Z999AA10123456784", .trackingNumber, "1Z999AA10123456784", ["carrier": "UPS"]),
        EntityExample("usps 9205590164917312751089", .trackingNumber, "9205590164917312751089", ["carrier": "USPS"]),
        EntityExample("fedex tracking 771234567890", .trackingNumber, "771234567890", ["carrier": "FedEx"]),
        EntityExample("DHL waybill 1234567891", .trackingNumber, "1234567891", ["carrier": "DHL"]),
        EntityExample("黑貓宅急便 單號 123456789012", .trackingNumber, "123456789012", ["carrier": "T-Cat"]),
        EntityExample("新竹物流 1234567890 還沒到", .trackingNumber, "1234567890", ["carrier": "HCT Logistics"]),
        EntityExample("EMS单号 1100123456789", .trackingNumber, "1100123456789", ["carrier": "China Post EMS"]),
    ]

    static let counterExamples: [EntityExample] = [
        // A GB postal number is Royal Mail's, never China Post EMS.
        EntityExample("EMS RR123456785GB", .trackingNumber, nil, ["carrier": "China Post EMS"]),
        // Check digit wrong: a number, but no carrier claimed.
        EntityExample("where is EA123456789CN", .trackingNumber, nil, ["carrier": "China Post EMS"]),
        EntityExample("UPS 1Z12345E0205271688", .trackingNumber, nil, ["carrier": "UPS"]),
        EntityExample("DHL waybill 1234567890", .trackingNumber, nil, ["carrier": "DHL"]),
        // A postal number of a country kefu has no operator for names no carrier.
        EntityExample("tracking LX123456785FR", .carrier),
    ]
}
