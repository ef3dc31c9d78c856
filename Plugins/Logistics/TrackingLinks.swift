import KefuCore

/// Public tracking pages, by carrier and region. The core's tracking number
/// entity says which carrier a number belongs to (from its shape or the
/// carrier the buyer named) and where it operates (`region`, or
/// `postal_country` for a UPU postal number); this only knows where to look
/// it up.
///
/// Mainland Chinese couriers without a stable public deep link go to
/// kuaidi100, which only covers mainland carriers: a Royal Mail or Japan Post
/// number goes to its operator's page, other postal and unknown
/// international numbers to 17track, which detects the carrier itself.
/// Taiwan's home-delivery couriers (黑貓, 新竹物流) have no deep link kefu
/// can rely on: no link rather than a wrong one.
enum TrackingLinks {
    static let byCarrier: [String: String] = [
        "SF Express": "https://www.sf-express.com/chn/sc/waybill/waybill-detail/",
        "UPS": "https://www.ups.com/track?tracknum=",
        "FedEx": "https://www.fedex.com/fedextrack/?trknbr=",
        "DHL": "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=",
        "USPS": "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
        "Royal Mail": "https://www.royalmail.com/track-your-item#/tracking-results/",
        "Japan Post": "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=",
    ]
    static let mainland = "https://www.kuaidi100.com/chaxun?nu="
    static let international = "https://t.17track.net/en#nums="
    /// Carriers with no public page to link to.
    static let noLink: Set<String> = ["T-Cat", "HCT Logistics"]

    /// The link for a tracking number; nil when the number is not a plain code
    /// (it goes into a URL, so nothing but letters, digits and dashes) or
    /// the carrier has no page.
    /// - Parameters:
    ///   - carrier: the carrier's name (`Carrier` raw value), when known.
    ///   - region: where the number belongs (ISO 3166), when known.
    ///   - language: the draft's language, for a number nothing else places.
    static func link(carrier: String?, trackingNumber: String, region: String? = nil, language: Language = .simplifiedChinese) -> String? {
        guard !trackingNumber.isEmpty, trackingNumber.count <= 40,
            trackingNumber.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
            )
        else { return nil }
        if let carrier {
            if noLink.contains(carrier) { return nil }
            if let page = byCarrier[carrier] { return page + trackingNumber }
        }
        switch region {
        case "CN"?: return mainland + trackingNumber
        case let r? where r != "CN": return international + trackingNumber
        default: return (language == .simplifiedChinese ? mainland : international) + trackingNumber
        }
    }

    /// The link for the message's tracking number entity, by its own
    /// carrier and region before any carrier named elsewhere in the message.
    static func link(for number: Entity, namedCarrier: String?, language: Language) -> String? {
        let carrier = number.attributes["carrier"] ?? (number.attributes["postal_country"] == nil ? namedCarrier : nil)
        let region = number.attributes["region"] ?? number.attributes["postal_country"]
        return link(carrier: carrier, trackingNumber: number.value, region: region, language: language)
    }
}
