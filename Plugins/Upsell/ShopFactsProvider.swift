import KefuCore

/// Fills pack templates from the shop facts file: `stock` (only when the
/// asked-for option has some), `restock_date`, `price_floor`, `promo`,
/// `size_advice`, `specs`, the shipping rule of a region the buyer names
/// (`region`, `region_rule`, `shipping_fee`), `return_days`,
/// `dispatch_cutoff`, free shipping (`free_over`), and payment options
/// (`cod_available`, `cod_unavailable`, `store_pickup`). A value the file does not give stays unset, so the packs'
/// checking forms are offered instead of a claim.
struct ShopFactsProvider: DraftProvider {
    let id = "shop"
    let facts: ShopFacts
    /// Variant colours by product index and colour key.
    let colors: FactsMatcher
    let sizes: FactsMatcher
    /// Region index by place name.
    let places: FactsMatcher
    /// Words of a question about stock or about specs: a product named in
    /// "这个马克杯容量多大" gets its specs, not a stock count.
    let stockCues = FactsMatcher(
        ["有货", "有没有货", "还有吗", "还有没有", "库存", "现货", "缺货", "卖完", "断货", "补货", "in stock", "stock", "available", "sold out", "have any"].map {
            ($0, "cue")
        })
    let specCues = FactsMatcher(
        [
            "材质", "面料", "材料", "什么做的", "容量", "多大", "尺寸", "多重", "重量", "参数", "规格", "多长", "多高", "多宽",
            "material", "fabric", "made of", "capacity", "dimensions", "how big", "how large", "how heavy", "weight", "specs",
            "specifications", "how much does it hold",
        ].map { ($0, "cue") })

    init(facts: ShopFacts) {
        self.facts = facts
        var colorTerms: [(term: String, label: String)] = [], sizeTerms: [(term: String, label: String)] = []
        for p in facts.catalog.products {
            for v in p.variants {
                for c in v.colors { colorTerms.append((c, Self.colorKey(v.colors[0]))) }
                if let s = v.size { sizeTerms.append((s, s.lowercased())) }
            }
        }
        colors = FactsMatcher(colorTerms)
        sizes = FactsMatcher(sizeTerms, latinNeedsContext: true)
        var placeTerms: [(term: String, label: String)] = []
        for (i, r) in (facts.shipping?.regions ?? []).enumerated() {
            for place in r.places { placeTerms.append((place, String(i))) }
        }
        places = FactsMatcher(placeTerms)
    }

    /// 深蓝色, 深蓝 and Navy are one colour key when the file lists them together.
    static func colorKey(_ s: String) -> String {
        let l = s.lowercased()
        return l.count > 1 && l.hasSuffix("色") ? String(l.dropLast()) : l
    }

    func contribute(_ context: DraftContext) -> DraftContribution {
        var v: [String: String] = [:]
        let language = context.language, english = language == .english
        let folded = context.text.folded
        let product = facts.catalog.product(in: folded, values: context.values)
        if let p = product { name(p, context, into: &v) }
        stock(context, product: product, into: &v)
        if let p = product, let floor = p.priceFloor { v["price_floor"] = facts.catalog.currency + UpsellWording.price(floor) }
        if let promo = facts.promo?.text(language) { v["promo"] = promo }
        if let p = product, specCues.labels(in: folded).first != nil {
            let specs = p.specs.compactMap { s in s.value.text(language).map { "\(s.label(language))\(english ? ": " : "：")\($0)" } }
            if !specs.isEmpty { v["specs"] = specs.joined(separator: english ? ", " : "，") }
        }
        if let chart = product?.sizeChart ?? facts.sizeChart,
            let size = chart.size(
                heightCM: context.values["height_cm"].flatMap(Double.init), weightKG: context.values["weight_kg"].flatMap(Double.init))
        {
            v["size_advice"] = size
        }
        region(context, into: &v)
        if let days = facts.returnDays { v["return_days"] = String(days) }
        if let cutoff = facts.dispatch?.cutoff { v["dispatch_cutoff"] = cutoff }
        if let over = facts.shipping?.freeOver { v["free_over"] = facts.catalog.currency + UpsellWording.price(over) }
        if facts.payment?.cashOnDelivery == false { v["cod_unavailable"] = "true" }
        if facts.payment?.cashOnDelivery == true { v["cod_available"] = "true" }
        if facts.payment?.convenienceStore == true { v["store_pickup"] = "true" }
        return DraftContribution(variables: v)
    }

    /// `stock` when the asked-for product and option have some, else
    /// `restock_date` when the file says when it is back. With no product
    /// named, the one product with the asked-for option is meant; with
    /// several, nothing is said.
    func stock(_ context: DraftContext, product named: CatalogProduct?, into v: inout [String: String]) {
        let folded = context.text.folded
        var askedColor = colors.labels(in: folded).first
        if askedColor == nil, let c = context.values["color"], !c.isEmpty { askedColor = Self.colorKey(c) }
        let askedSize = (context.values["size"].flatMap { $0.isEmpty ? nil : $0.lowercased() }) ?? sizes.labels(in: folded).first
        func matching(_ p: CatalogProduct) -> [ProductVariant] {
            p.variants.filter { variant in
                (askedColor.map { a in variant.colors.contains { Self.colorKey($0) == a } } ?? true)
                    && (askedSize.map { variant.size?.lowercased() == $0 } ?? true)
            }
        }
        let asksOption = askedColor != nil || askedSize != nil
        // "这个马克杯容量多大" names a product but asks about its capacity, not its stock.
        guard asksOption || stockCues.labels(in: folded).first != nil else { return }
        let product: CatalogProduct
        if let named {
            product = named
        } else {
            guard asksOption else { return }
            let candidates = facts.catalog.products.filter { !matching($0).isEmpty }
            guard candidates.count == 1 else { return }
            product = candidates[0]
        }
        if named == nil { name(product, context, into: &v) }
        let stock: Int, restock: ShopText?
        if product.variants.isEmpty {
            // The file keeps no stock per option: a colour or size cannot be vouched for.
            guard !asksOption else { return }
            stock = product.stock
            restock = product.restock
        } else {
            let options = matching(product)
            guard !options.isEmpty else { return }
            stock = options.reduce(0) { $0 + $1.stock }
            restock = options.compactMap(\.restock).first ?? product.restock
        }
        let language = context.language
        if (context.values["color"] ?? "").isEmpty, let key = askedColor,
            let names = product.variants.first(where: { $0.colors.contains { Self.colorKey($0) == key } })?.colors,
            let name = names.first(where: { ShopText(plain: $0).text(language) != nil && (language == .english) != ShopText.isHanText($0) })
        {
            v["color"] = language == .traditionalChinese ? ChineseConverter.shared.convert(name, .toTraditional) : name
        }
        if (context.values["size"] ?? "").isEmpty, let asked = askedSize,
            let size = product.variants.lazy.compactMap(\.size).first(where: { $0.lowercased() == asked })
        {
            v["size"] = size
        }
        if stock > 0 {
            v["stock"] = String(stock)
        } else if let r = restock?.text(language) {
            v["restock_date"] = r
        }
    }

    /// `product`, when the message did not give it, in the draft's language.
    func name(_ p: CatalogProduct, _ context: DraftContext, into v: inout [String: String]) {
        guard (context.values["product"] ?? "").isEmpty else { return }
        let name = p.name(english: context.language == .english)
        guard ShopText(plain: name).text(context.language) != nil else { return }
        v["product"] = context.language == .traditionalChinese ? ChineseConverter.shared.convert(name, .toTraditional) : name
    }

    /// The rule for a region the buyer names: `region`, `region_rule`
    /// (`ships`, `surcharge` or `excluded`) and `shipping_fee`.
    func region(_ context: DraftContext, into v: inout [String: String]) {
        guard let shipping = facts.shipping, let label = places.labels(in: context.text.folded).first, let i = Int(label) else { return }
        let r = shipping.regions[i]
        let language = context.language
        let folded = context.text.folded
        let normalizer = TextNormalizer()
        let named = r.places.first {
            normalizer.fold($0) != "" && folded.contains(normalizer.fold($0)) && (language == .english) != ShopText.isHanText($0)
        }
        guard let name = named.map({ ShopText(plain: $0).text(language) ?? $0 }) ?? r.name.text(language) else { return }
        v["region"] = name
        if !r.ships {
            v["region_rule"] = "excluded"
        } else if let fee = r.fee ?? shipping.fee, fee > 0 {
            v["region_rule"] = "surcharge"
            v["shipping_fee"] = facts.catalog.currency + UpsellWording.price(fee)
        } else {
            v["region_rule"] = "ships"
        }
        if let note = r.note?.text(language) { v["region_note"] = note }
    }
}
