import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuUpsell

/// What the facts fill in, from the shipped example file.
@Suite struct ShopFactsProviderTests {
    let provider: ShopFactsProvider

    init() throws { provider = ShopFactsProvider(facts: try UpsellPlugin.facts(at: ShopFactsReaderTests.examplePath)) }

    func variables(_ text: String, _ values: [String: String] = [:], language: Language? = nil) -> [String: String] {
        let t = TextNormalizer().normalize(text)
        let context = DraftContext(
            text: t, language: language ?? t.language, intents: [DetectedIntent(intent: "product_info", confidence: 0.9, evidence: [])],
            entities: [], values: values, tone: .calm)
        return provider.contribute(context).variables
    }

    @Test func sizeAdviceFromTheChart() {
        #expect(variables("我178 70公斤穿哪个码", ["height_cm": "178", "weight_kg": "70"])["size_advice"] == "XL")
        #expect(variables("165cm 52kg", ["height_cm": "165", "weight_kg": "52"])["size_advice"] == "M")
        // Height and weight disagree: the larger size.
        #expect(variables("158 65kg", ["height_cm": "158", "weight_kg": "65"])["size_advice"] == "L")
        #expect(variables("172cm", ["height_cm": "172"])["size_advice"] == "L")
        // Outside the chart nothing is guessed.
        #expect(variables("210cm 140kg", ["height_cm": "210", "weight_kg": "140"])["size_advice"] == nil)
        #expect(variables("穿哪个码")["size_advice"] == nil)
    }

    @Test func regionRules() {
        let tibet = variables("西藏能发吗")
        #expect(tibet["region"] == "西藏" && tibet["region_rule"] == "surcharge" && tibet["shipping_fee"] == "¥15")
        let hokkaido = variables("do you ship to Hokkaido?")
        #expect(hokkaido["region"] == "Hokkaido" && hokkaido["region_rule"] == "excluded" && hokkaido["shipping_fee"] == nil)
        #expect(variables("新疆的话运费多少", language: .english)["region"] == "remote areas", "a Chinese place is not put into an English draft")
        #expect(variables("海南岛能寄吗")["shipping_fee"] == "¥8")
        #expect(variables("上海能发吗")["region_rule"] == nil, "a place the file does not name gets no rule")
    }

    @Test func stockOnlyWhenTheAskedOptionHasSome() {
        let navyL = variables("深蓝L有货吗")
        #expect(navyL["stock"] == nil, "navy L is sold out")
        #expect(navyL["restock_date"] == "下周三")
        #expect(navyL["color"] == "深蓝" && navyL["size"] == "L" && navyL["product"] == "纯棉T恤")
        #expect(variables("T恤深蓝M有货吗")["stock"] == "12")
        #expect(variables("白色有货吗", ["color": "白色"])["stock"] == "38")
        #expect(variables("Is the tee in stock in navy, size M?", ["size": "M"])["stock"] == "12")
        #expect(variables("T恤紫色有货吗", ["color": "紫色"])["stock"] == nil, "an option the file does not list")
        #expect(variables("有货吗")["stock"] == nil, "no product named")
        #expect(variables("马克杯有货吗")["stock"] == "120")
        #expect(variables("马克杯红色有货吗", ["color": "红色"])["stock"] == nil, "the file keeps no stock per colour of the mug")
        // Size M is not in "I'm"; one letter counts only next to Chinese or a size word.
        #expect(variables("I'm looking for the tee, is it in stock")["size"] == nil)
    }

    @Test func specsPriceFloorReturnsAndPayment() {
        let mug = variables("这个马克杯容量多大")
        #expect(mug["specs"] == "材质：陶瓷，容量：350 ml，尺寸：8 × 9.5 cm")
        #expect(mug["stock"] == nil, "a question about capacity is not about stock")
        #expect(variables("What is the mug's capacity?")["specs"] == "material: ceramic, capacity: 350 ml, dimensions: 8 × 9.5 cm")
        #expect(variables("這個馬克杯容量多大")["specs"]?.hasPrefix("材質：陶瓷") == true)
        #expect(variables("T恤能便宜点吗")["price_floor"] == "¥69")
        #expect(variables("能便宜点吗")["price_floor"] == nil)
        let any = variables("可以退货吗")
        #expect(
            any["return_days"] == "7" && any["cod_unavailable"] == "true" && any["store_pickup"] == "true"
                && any["dispatch_cutoff"] == "16:00")
    }

    @Test func withoutAFactsFileNothingIsFilled() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.path
        #expect(try UpsellPlugin().load(PluginSettings(folder: folder)).providers.isEmpty)
        try FileManager.default.copyItem(atPath: ShopFactsReaderTests.examplePath, toPath: folder + "/shop.yaml")
        #expect(try UpsellPlugin().load(PluginSettings(folder: folder)).providers.map(\.id) == ["upsell", "shop"])
    }
}
