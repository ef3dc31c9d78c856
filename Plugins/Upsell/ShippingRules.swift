/// Where the shop ships and what it costs: a default fee, free shipping over
/// an amount, and regions (偏远地区, islands, Hokkaido/Okinawa) with their own
/// fee or excluded altogether.
struct ShippingRules: Sendable, Hashable {
    struct Region: Sendable, Hashable {
        var name: ShopText
        /// Places buyers name (any language): `新疆`, `Tibet`, `北海道`.
        var places: [String]
        /// Extra or total fee for the region; nil: the default fee.
        var fee: Double?
        /// False: the shop does not deliver there.
        var ships: Bool
        /// Free shipping over `freeOver` does not apply there.
        var noFreeShipping: Bool
        var note: ShopText?
    }

    var fee: Double?
    var freeOver: Double?
    var regions: [Region]
}

/// When paid orders leave the warehouse.
struct DispatchRules: Sendable, Hashable {
    /// `HH:MM`: orders paid before it ship the same dispatch day.
    var cutoff: String?
    /// 1 Monday ... 7 Sunday.
    var days: [Int]
}

/// How buyers may pay besides paying online.
struct PaymentOptions: Sendable, Hashable {
    /// Cash on delivery (货到付款); nil: the file does not say.
    var cashOnDelivery: Bool?
    /// Convenience-store pickup and payment (超商取貨付款: 7-11, 全家).
    var convenienceStore: Bool?
}
