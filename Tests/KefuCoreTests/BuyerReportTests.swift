import Testing

@testable import KefuCore

/// What the buyer reports has happened: each value with the messages that
/// must give it and those that must not (like a pack's examples).
@Suite struct BuyerReportTests {
    static func values(_ message: String) -> [String: String] {
        var out: [String: String] = [:]
        for e in BuyerReportExtractor.shared.extract(from: TextNormalizer().normalize(message)) { out[e.kind.rawValue] = e.value }
        return out
    }

    @Test(arguments: [
        "it says delivered but nothing is here", "my package says delivered but i dont have it", "显示已签收了但我没收到",
        "快递显示签收了 可是我家没人", "物流顯示已簽收 但我沒收到", "Tracking shows delivered, I never got it",
    ])
    func deliveredButNotReceived(_ message: String) {
        #expect(Self.values(message)["parcel_status"] == "delivered_not_received", "\(message)")
    }

    @Test(arguments: ["物流信息三天没更新了", "亲 物流停在杭州中转站两天了", "UPS 1Z999AA10123456784 hasnt moved since monday", "my parcel is stuck at the depot"])
    func stuck(_ message: String) {
        #expect(Self.values(message)["parcel_status"] == "stuck", "\(message)")
    }

    @Test func refused() {
        #expect(Self.values("我拒收了 什么时候退款")["parcel_status"] == "refused")
        #expect(Self.values("可以拒收吗")["parcel_status"] == nil)
    }

    @Test(arguments: ["照片发了 杯子碎了", "[图片] 这里裂了", "I sent a photo of the crack", "see attached picture", "图片已发 你看下"])
    func photosSent(_ message: String) {
        #expect(Self.values(message)["photos_sent"] == "true", "\(message)")
    }

    @Test(arguments: [
        "我的快递到哪了", "还没签收 也没收到短信", "when will it be delivered", "has it been delivered yet?", "东西收到了 坏了",
        "需要发照片吗", "should i send a photo?", "i haven't sent the photo yet", "the package was not delivered yet",
    ])
    func nothingReported(_ message: String) {
        #expect(Self.values(message).isEmpty, "\(message): \(Self.values(message))")
    }

    /// End to end: what the buyer reported decides which drafts may be offered.
    @Test func draftsDoNotContradictTheMessage() throws {
        let e = BuiltinEngine.engine
        let delivered = e.suggest("it says delivered but nothing is here")
        #expect(delivered.drafts.first?.snippet == "logistics.delivered-missing", "\(delivered.drafts.map(\.snippet))")
        #expect(!delivered.drafts.contains { $0.text.lowercased().contains("on its way") })
        let tracked = e.suggest("顺丰SF1402938475612 怎么还没到 催一下", SuggestionRequest(variables: ["ship_date": "今天"]))
        #expect(
            !tracked.drafts.contains { $0.text.contains("今天") && $0.text.contains("发出") || $0.snippet == "urge-delivery.promise" },
            "\(tracked.drafts.map(\.text))")
        let photos = e.suggest("照片发了 杯子收到就碎了")
        #expect(!photos.drafts.contains { $0.text.contains("拍一下") }, "\(photos.drafts.map(\.text))")
        let shipping = e.suggest("包邮吗 西藏能发吗")
        #expect(!shipping.drafts.contains { $0.text.contains("底价") }, "\(shipping.drafts.map(\.text))")
    }
}
