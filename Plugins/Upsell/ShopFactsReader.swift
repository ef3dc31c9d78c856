import Foundation
import KefuCore
import Yams

/// Reads the shop facts file (`shop.yaml`, docs/shop-facts.md): the
/// catalogue's products (with variants, specs, price floors) and the shop's
/// size chart, promotion, dispatch, shipping regions, return window and
/// payment options. Unknown keys are errors, so a typo is not a fact
/// silently missing.
enum ShopFactsReader {
    static let keys: Set<String> = ["currency", "products", "size_chart", "promo", "dispatch", "shipping", "returns", "payment"]

    static func read(_ text: String, file: String) throws -> ShopFacts {
        let nodes = FactsNodes(file: file)
        guard let root = try nodes.root(text) else { throw nodes.fail(nil, "the facts file is empty: it needs at least products: [...]") }
        let map = try nodes.mapping(root, "the facts file", known: keys)
        let currency = map["currency"]?.string ?? "¥"
        let catalog =
            try map["products"].map { try CatalogYAMLReader.catalog($0, currency: currency, nodes: nodes, strict: true) }
            ?? Catalog(products: [], currency: currency, file: file)
        var facts = ShopFacts(catalog: catalog)
        if let c = map["size_chart"] { facts.sizeChart = try sizeChart(c, nodes: nodes) }
        if let p = map["promo"] { facts.promo = try nodes.text(p, "promo") }
        if let d = map["dispatch"] { facts.dispatch = try dispatch(d, nodes: nodes) }
        if let s = map["shipping"] { facts.shipping = try shipping(s, nodes: nodes) }
        if let r = map["returns"] {
            let f = try nodes.mapping(r, "returns", known: ["days"])
            guard let d = f["days"] else { throw nodes.fail(r, "returns needs days: (the return window in days)") }
            facts.returnDays = try nodes.whole(d, "returns.days")
        }
        if let p = map["payment"] {
            let f = try nodes.mapping(p, "payment", known: ["cod", "convenience_store"])
            facts.payment = PaymentOptions(
                cashOnDelivery: try f["cod"].map { try nodes.boolean($0, "payment.cod") },
                convenienceStore: try f["convenience_store"].map { try nodes.boolean($0, "payment.convenience_store") })
        }
        return facts
    }

    /// `[{size: M, height: 165-172, weight: 55-65}, ...]`, smallest size first.
    static func sizeChart(_ node: Node, nodes: FactsNodes) throws -> SizeChart {
        guard case .sequence(let entries) = node, !entries.isEmpty else {
            throw nodes.fail(node, "size_chart must be a list of {size, height, weight} rows")
        }
        return SizeChart(
            rows: try entries.map { entry in
                let f = try nodes.mapping(entry, "a size_chart row", known: ["size", "height", "weight"])
                guard let size = f["size"]?.string, !size.isEmpty else { throw nodes.fail(entry, "a size_chart row needs a size") }
                let row = SizeChart.Row(
                    size: size, height: try f["height"].map { try nodes.range($0, "height (cm) of size \(size)") },
                    weight: try f["weight"].map { try nodes.range($0, "weight (kg) of size \(size)") })
                guard row.height != nil || row.weight != nil else {
                    throw nodes.fail(entry, "size \(size) needs a height or a weight range")
                }
                return row
            })
    }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `{cutoff: "16:00", days: [mon, tue, wed, thu, fri]}`
    static func dispatch(_ node: Node, nodes: FactsNodes) throws -> DispatchRules {
        let f = try nodes.mapping(node, "dispatch", known: ["cutoff", "days"])
        var rules = DispatchRules(cutoff: nil, days: Array(1...7))
        if let c = f["cutoff"] {
            guard let s = c.string, PluginSettings.problem(s, for: .timeOfDay) == nil else {
                throw nodes.fail(c, "dispatch.cutoff must be a time of day HH:MM, found '\(c.string ?? "")'")
            }
            rules.cutoff = s
        }
        if let d = f["days"] {
            rules.days = try nodes.strings(d, "dispatch.days").map { day in
                guard let i = weekdays.firstIndex(of: String(day.lowercased().prefix(3))) else {
                    throw nodes.fail(d, "dispatch.days: '\(day)' is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
                }
                return i + 1
            }
        }
        return rules
    }

    /// `{fee: 0, free_over: 99, regions: [{name, places, fee | ships: false}]}`
    static func shipping(_ node: Node, nodes: FactsNodes) throws -> ShippingRules {
        let f = try nodes.mapping(node, "shipping", known: ["fee", "free_over", "regions"])
        var rules = ShippingRules(
            fee: try f["fee"].map { try nodes.number($0, "shipping.fee") },
            freeOver: try f["free_over"].map { try nodes.number($0, "shipping.free_over") }, regions: [])
        if let r = f["regions"] {
            guard case .sequence(let entries) = r else { throw nodes.fail(r, "shipping.regions must be a list") }
            rules.regions = try entries.map { entry in
                let e = try nodes.mapping(entry, "a shipping region", known: ["name", "places", "fee", "ships", "free_shipping", "note"])
                guard let n = e["name"] else { throw nodes.fail(entry, "a shipping region needs a name") }
                guard let p = e["places"] else { throw nodes.fail(entry, "shipping region needs places: [新疆, 西藏, Tibet, ...]") }
                let region = ShippingRules.Region(
                    name: try nodes.text(n, "a region's name"), places: try nodes.strings(p, "places"),
                    fee: try e["fee"].map { try nodes.number($0, "fee") },
                    ships: try e["ships"].map { try nodes.boolean($0, "ships") } ?? true,
                    noFreeShipping: !(try e["free_shipping"].map { try nodes.boolean($0, "free_shipping") } ?? true),
                    note: try e["note"].map { try nodes.text($0, "note") })
                if !region.ships, let fee = e["fee"] {
                    throw nodes.fail(fee, "a region the shop does not ship to (ships: false) has no fee")
                }
                return region
            }
        }
        return rules
    }
}
