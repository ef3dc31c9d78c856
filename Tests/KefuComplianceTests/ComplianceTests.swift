import KefuCore
import Testing

@testable import KefuCompliance

@Suite struct ComplianceTests {
    let message = TextNormalizer().normalize("hello")

    /// The warning codes for a draft; drafts with Traditional characters are
    /// written for a Traditional reader, as the engine would render them.
    func codes(
        _ text: String, check: any DraftCheck = CompliancePlugin.check(), message: String = "hello", missing: [String] = [],
        language: Language? = nil
    ) -> [String] {
        let traditional = text.unicodeScalars.contains { ChineseConverter.shared.isTraditionalOnly($0) }
        let d = Draft(
            rank: 1, snippet: "s", intent: nil, kind: .answer, score: 1,
            language: language ?? (traditional ? .traditionalChinese : .simplifiedChinese), text: text, missing: missing, explanation: [],
            source: SourceLocation(file: "f", line: 1, column: 1))
        return check.check(d, message: TextNormalizer().normalize(message)).warnings.map(\.code)
    }

    @Test(arguments: [
        "这是全网最好的面料", "销量第一", "国家级工艺", "國家級工藝", "100%纯棉", "绝对不掉色", "顶级品质", "万能充电器", "This is the BEST EVER mug", "the best quality cotton",
    ])
    func absoluteClaimsAreFlagged(_ text: String) {
        #expect(codes(text).contains("compliance:absolute-claim"))
    }

    @Test(arguments: [
        "最近天气冷，注意保暖", "最快明天发货哦", "最晚周五送到", "最多可以买三件", "我们会第一时间处理", "我們會第一時間處理", "Your parcel ships today.", "I will recommend the best fit",
    ])
    func timeAndQuantityLimitsAreNotClaims(_ text: String) {
        #expect(codes(text).isEmpty)
    }

    @Test(arguments: [
        "加我微信聊", "有事加VX：abc123", "我的QQ是12345", "add me on WeChat", "call 13812345678", "看这里 https://evil.example.com/x", "打 138-1234-5678",
        "请拨打13812345678联系我", "详情见 WWW.Evil-Shop.cn", "see http://ups.com.evil.example/x",
    ])
    func offPlatformIsFlagged(_ text: String) {
        #expect(codes(text).contains("compliance:off-platform"))
    }

    @Test func buyersOwnPhoneAndCarrierLinksAreFine() {
        #expect(codes("好的，收件电话改为13812345678", message: "电话改成13812345678").isEmpty)
        #expect(codes("live status: https://www.ups.com/track?tracknum=1Z999").isEmpty)
        #expect(codes("order SF1234567890123 and 20251122001").isEmpty)
        #expect(codes("顺丰官网 https://www.sf-express.com/track 查询").isEmpty)
        #expect(codes("on WWW.UPS.COM or track.ups.com").isEmpty)
        #expect(codes("运单号 SF13812345678 已发出").isEmpty)  // a tracking number, not a phone
    }

    @Test func policyContradictionsAreFlagged() {
        let strict = CompliancePlugin.check(refundDays: 15, freeReturn: false)
        #expect(codes("本店支持7天无理由退换", check: strict) == ["compliance:policy"])
        #expect(codes("本店支持七天无理由退货", check: strict) == ["compliance:policy"])
        #expect(codes("本店支持十五天无理由退货", check: strict).isEmpty)
        #expect(codes("We offer a 30-day return", check: strict) == ["compliance:policy"])
        #expect(codes("Returns within 15 days", check: strict).isEmpty)
        #expect(codes("退货包运费哦", check: strict) == ["compliance:policy"])
        #expect(codes("退货包运费哦").isEmpty)  // no policy configured: nothing to contradict
        let generous = CompliancePlugin.check(freeReturn: true)
        #expect(codes("运费由您承担", check: generous) == ["compliance:policy"])
    }

    /// Traditional drafts are checked in both scripts (a Simplified value may
    /// sit in one); Simplified drafts never need the Traditional terms.
    @Test func scriptsOfTheDraft() {
        #expect(codes("國家級工藝，国家级品质", language: .traditionalChinese) == ["compliance:absolute-claim", "compliance:absolute-claim"])
        #expect(codes("退貨包運費哦", check: CompliancePlugin.check(freeReturn: false)) == ["compliance:policy"])
        #expect(codes("This is the best ever mug", language: .traditionalChinese) == ["compliance:absolute-claim"])
    }

    /// Promises nothing backs (issue 13): a ship day, a guarantee.
    @Test(arguments: ["今天一定给您发出", "今天一定發出", "保证明天到", "Delivery guaranteed by Friday", "I promise it ships today", "我们保证质量"])
    func unbackedPromisesAreFlagged(_ text: String) {
        #expect(codes(text).contains("compliance:promise"), "\(text)")
    }

    @Test(arguments: ["预计明天发出，发出后第一时间把单号发给您", "paying online is covered by our after-sales guarantee", "品质和售后都有保障"])
    func checkedDatesAndGuaranteesOfServiceAreNotPromises(_ text: String) {
        #expect(!codes(text).contains("compliance:promise"), "\(text)")
    }

    @Test func placeholdersAreFlagged() {
        #expect(codes("欢迎光临⟨shop⟩", missing: ["shop"]) == ["compliance:placeholder"])
    }

    @Test func badSettingsNameTheirPlace() throws {
        let at = SourceLocation(file: "config.yaml", line: 4, column: 18)
        let s = PluginSettings(values: ["refund_days": .init(text: "900", location: at)])
        #expect(throws: Diagnostic.self) { try CompliancePlugin().load(s) }
        do { _ = try CompliancePlugin().load(s) } catch let e as Diagnostic {
            #expect(e.description.hasPrefix("config.yaml:4:18: error:"))
        }
    }
}
