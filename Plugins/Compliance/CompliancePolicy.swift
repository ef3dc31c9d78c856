import Foundation
import KefuCore

/// The shop's own promises (`plugins: {compliance: {refund_days: 7, free_return: true}}`),
/// which a draft must not contradict.
struct CompliancePolicy: Sendable, Hashable {
    /// Days within which a buyer may return without reason (nil: not configured).
    var refundDays: Int?
    /// Whether the shop pays return shipping (nil: not configured).
    var freeReturn: Bool?
    /// Link hosts that are fine to send (the marketplace's own, carriers').
    var allowedHosts: [String]

    static let defaultAllowedHosts = [
        "sf-express.com", "ups.com", "fedex.com", "dhl.com", "usps.com", "jd.com", "kuaidi100.com", "taobao.com", "tmall.com",
    ]

    init(refundDays: Int? = nil, freeReturn: Bool? = nil, allowedHosts: [String] = defaultAllowedHosts) {
        self.refundDays = refundDays
        self.freeReturn = freeReturn
        self.allowedHosts = allowedHosts
    }

    init(_ s: PluginSettings) throws {
        self.init()
        if let v = s["refund_days"] {
            guard let d = s.integer("refund_days"), (0...365).contains(d) else {
                throw Diagnostic("refund_days must be a number of days between 0 and 365", at: v.location)
            }
            refundDays = d
        }
        freeReturn = s.boolean("free_return")
        if let hosts = s["allowed_hosts"] {
            allowedHosts = hosts.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter {
                !$0.isEmpty
            }
        }
    }

    /// Whether a link to `host` may be sent: an allowed host or one of its subdomains.
    func allows(host: String) -> Bool {
        allowedHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// Phrases that promise free returns, flagged when `freeReturn` is false.
    static let freeReturnPromises = [
        "退货包运费", "包退运费", "免费退货", "免费退换", "退货运费我们出", "free return", "we cover return shipping", "we pay return shipping",
        "return shipping is free", "return shipping is on us",
    ]
    /// Phrases that make the buyer pay, flagged when `freeReturn` is true.
    static let buyerPaysReturn = [
        "运费由您承担", "运费需要您承担", "运费您承担", "买家承担运费", "you pay return shipping", "return shipping is at your cost", "buyer pays return shipping",
    ]
}
