/// A fact a draft may state about the buyer's order, the closed set a snippet
/// declares under `asserts:` (docs/snippet-packs.md, "Truth rule").
///
/// Draft 1 is copied unread: a draft that says "in stock" or "shipped today"
/// must have a value behind it, not the pack author's hope. `sources` and
/// `contradictedBy` below are the one table of what backs each fact and what
/// rules it out; `TruthAudit` enforces it in `kefu test` and
/// `kefu plugins validate`.
package enum Assertion: String, Sendable, CaseIterable, Hashable {
    /// The asked-for item or option is in stock.
    case inStock = "in_stock"
    /// A restock date ("back next week").
    case restock
    /// This is the lowest price the shop can offer.
    case priceFloor = "price_floor"
    /// A promotion is running (spend-and-save, coupon, bundle discount).
    case promotion
    /// When the order will ship ("today", "tomorrow", a date).
    case shipDate = "ship_date"
    /// The order has shipped.
    case shipped
    /// The parcel is on its way.
    case inTransit = "in_transit"
    /// The parcel has been delivered.
    case delivered
    /// Where the parcel is or what happened to it (stuck, marked delivered
    /// but not received, refused).
    case parcelStatus = "parcel_status"
    /// A change to the order (address, option) has been made.
    case changeDone = "change_done"
    /// A refund has been issued.
    case refundDone = "refund_done"
    /// Whether and at what cost the shop ships to a region ("西藏需补运费",
    /// "we don't ship to Okinawa").
    case shippingRule = "shipping_rule"
    /// How many days the buyer has to return an item.
    case returnWindow = "return_window"
    /// What the product is made of, holds, measures.
    case productSpec = "product_spec"
    /// How the buyer may pay (no cash on delivery, convenience-store pickup).
    case paymentOption = "payment_option"

    /// Variables any one of which backs the fact: a snippet asserting it
    /// needs one of them under `when: has:` (or the claim sits inside a
    /// `{{#var}}` section of one). Where each comes from is in
    /// docs/snippet-packs.md, "Variables".
    package var sources: [String] {
        switch self {
        case .inStock: ["stock"]
        case .restock: ["restock_date"]
        case .priceFloor: ["price_floor"]
        case .promotion: ["promo"]
        case .shipDate: ["ship_date", "dispatch_cutoff"]
        case .shipped: ["tracking_no", "parcel_status", "status"]
        case .inTransit: ["status"]
        case .delivered: ["status"]
        case .parcelStatus: ["parcel_status", "status"]
        case .changeDone: ["change_done"]
        case .refundDone: ["refund_done"]
        case .shippingRule: ["region_rule", "free_over"]
        case .returnWindow: ["return_days"]
        case .productSpec: ["specs"]
        case .paymentOption: ["cod_unavailable", "cod_available", "store_pickup"]
        }
    }

    /// Variables whose presence makes the fact contradict the message: a
    /// snippet asserting it needs each under `when: lacks:` (or the claim
    /// sits inside a `{{^var}}` section). A parcel with a tracking number is
    /// not "shipping today"; one the buyer says was marked delivered but never
    /// came is not "on its way".
    package var contradictedBy: [String] {
        switch self {
        case .shipDate: ["tracking_no", "parcel_status"]
        case .inTransit: ["parcel_status"]
        default: []
        }
    }
}
