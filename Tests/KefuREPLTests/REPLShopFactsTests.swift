import Foundation
import KefuTestSupport
import Testing

/// The shop facts file in the REPL: a buyer's height and weight get the size
/// the shop's chart gives, on screen as draft 1.
@Suite(.serialized) struct REPLShopFactsTests {
    static let example = Checkout.url("docs/examples/shop.yaml")

    @Test func sizeAdviceFromTheChartOnScreen() throws {
        let sandbox = try Sandbox()
        try sandbox.write(sandbox.configPath("shop.yaml"), Data(contentsOf: Self.example))
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "我178 70公斤穿哪个码", block: 1)
        #expect(screen.contains("found height_cm=178  weight_kg=70"), "\(screen)")
        #expect(screen.contains(" 1 answer  亲，按尺码表，建议您选 XL 哦"), "draft 1 is the chart's size:\n\(screen)")
        let stock = try REPLFixtures.ask(t, "深蓝L有货吗", block: 2)
        #expect(stock.contains("预计下周三补货"), "\(stock)")
        #expect(!stock.contains("目前有货"), "navy L is sold out:\n\(stock)")
    }
}
