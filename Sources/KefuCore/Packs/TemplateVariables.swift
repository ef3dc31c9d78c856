/// The variables every template may use without declaring them
/// (docs/snippet-packs.md, "Variables").
package enum TemplateVariables {
    /// From configuration.
    package static let configuration: Set<String> = ["shop", "agent", "ship_date"]
    /// From the session: set by the agent (`:set`, `--var`) or an order
    /// system. `status` is the parcel's status (in_transit, delayed,
    /// delivered); `change_done` and `refund_done` say the agent has made the
    /// change or issued the refund, which a draft may then state.
    package static let session: Set<String> = ["buyer", "returning", "status", "change_done", "refund_done"]
    /// The shop's facts and code plugins: stock of the asked-for option (set
    /// only when there is some), its restock date, the price floor, a running
    /// promotion, the size the chart gives for the buyer's height and weight;
    /// the product's specs, the shipping rule of a region the buyer names,
    /// the return window, the dispatch cut-off and payment options
    /// (docs/shop-facts.md).
    package static let facts: Set<String> = [
        "stock", "restock_date", "price_floor", "promo", "size_advice", "specs", "region", "region_rule", "shipping_fee", "region_note",
        "return_days", "dispatch_cutoff", "cod_unavailable", "cod_available", "store_pickup", "free_over",
    ]
    /// Read from the message by recognisers that are being added; listed
    /// here so packs can branch on them already (an entity kind of the same
    /// name is the same variable).
    package static let recognised: Set<String> = ["address", "invoice_title", "tax_id", "height_cm", "weight_kg"]
    /// Extracted from the message (EntityKind raw values).
    package static let extracted: Set<String> = Set(EntityKind.allCases.map(\.rawValue))

    package static let builtin: Set<String> = configuration.union(session).union(facts).union(recognised).union(extracted)
}
