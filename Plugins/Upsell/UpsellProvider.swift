import KefuCore

/// A bundle suggestion when the buyer asks about (or bargains over) a
/// product of the catalogue: the partner items in stock and the bundle price.
struct UpsellProvider: DraftProvider {
    let id = "upsell"
    let catalog: Catalog

    func contribute(_ context: DraftContext) -> DraftContribution {
        guard let intent = context.intents.first(where: { $0.intent == "product_info" || $0.intent == "bargain" })?.intent else {
            return .none
        }
        guard let product = catalog.product(in: context.text.folded, values: context.values), product.inStock else { return .none }
        let partners = catalog.partners(of: product)
        guard !partners.isEmpty else { return .none }
        let total = partners.reduce(product.price) { $0 + $1.price }
        let bundle = (total * (100 - product.bundleDiscount) / 100 * 100).rounded() / 100
        let text = UpsellWording.bundle(
            product: product, partners: partners, total: total, bundle: bundle, currency: catalog.currency, language: context.language)
        return DraftContribution(drafts: [
            ProvidedDraft(
                id: "upsell.bundle", intent: intent, kind: .upsell, priority: 55, text: text,
                explanation: ["catalogue: \(product.sku) bundles with \(partners.map(\.sku).joined(separator: ", ")) (in stock)"])
        ])
    }
}
