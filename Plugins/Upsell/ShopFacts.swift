import KefuCore

/// Everything the shop's facts file says: the catalogue (products, variants,
/// stock, prices, bundles, specs), the size chart, dispatch, shipping regions,
/// the return window and payment options. Drafts state a fact only from here
/// (or the message, the session, a plugin): docs/shop-facts.md.
struct ShopFacts: Sendable {
    var catalog: Catalog
    var sizeChart: SizeChart?
    var promo: ShopText?
    var dispatch: DispatchRules?
    var shipping: ShippingRules?
    /// Days after delivery a buyer may return an item.
    var returnDays: Int?
    var payment: PaymentOptions?
}
