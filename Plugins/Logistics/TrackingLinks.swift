/// Public tracking pages, by the carrier entity's value (the core's
/// `Carrier` names the carrier; this only knows where to look it up).
/// Chinese carriers without a stable public deep link go to kuaidi100.
enum TrackingLinks {
    static let byCarrier: [String: String] = [
        "SF Express": "https://www.sf-express.com/chn/sc/waybill/waybill-detail/",
        "UPS": "https://www.ups.com/track?tracknum=",
        "FedEx": "https://www.fedex.com/fedextrack/?trknbr=",
        "DHL": "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=",
        "USPS": "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
    ]
    static let fallback = "https://www.kuaidi100.com/chaxun?nu="

    /// The link for a tracking number; nil when the number is not a plain code
    /// (it goes into a URL, so nothing but letters, digits and dashes).
    static func link(carrier: String?, trackingNumber: String) -> String? {
        guard !trackingNumber.isEmpty, trackingNumber.count <= 40,
              trackingNumber.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
        else { return nil }
        return (carrier.flatMap { byCarrier[$0] } ?? fallback) + trackingNumber
    }
}
