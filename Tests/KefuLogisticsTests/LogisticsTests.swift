import Foundation
import KefuCore
import Testing

@testable import KefuLogistics

@Suite struct LogisticsTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2026-11-22 at `hour`:`minute` UTC.
    static func at(_ hour: Int, _ minute: Int = 0) -> Date {
        var c = DateComponents(); c.year = 2026; c.month = 11; c.day = 22; c.hour = hour; c.minute = minute
        var cal = Calendar(identifier: .gregorian); cal.timeZone = utc
        return cal.date(from: c)!
    }

    func provider(at date: Date, cutoff: String? = "16:00") throws -> any DraftProvider {
        var values: [String: PluginSettings.Value] = [:]
        if let cutoff { values["dispatch_cutoff"] = .init(text: cutoff, location: SourceLocation(file: "c", line: 1, column: 1)) }
        return try LogisticsPlugin(clock: { date }, timeZone: Self.utc).load(PluginSettings(values: values)).providers[0]
    }

    func context(
        _ text: String, intents: [String], values: [String: String] = [:], entities: [Entity] = [], language: Language = .simplifiedChinese
    ) -> DraftContext {
        DraftContext(
            text: TextNormalizer().normalize(text), language: language,
            intents: intents.map { DetectedIntent(intent: $0, confidence: 0.9, evidence: []) }, entities: entities, values: values,
            tone: .calm)
    }

    /// A ship date nobody configured is a promise nobody checked.
    @Test func withoutACutoffNothingIsPromised() throws {
        let c = try provider(at: Self.at(10), cutoff: nil).contribute(context("什么时候发货", intents: ["urge_delivery"]))
        #expect(c.variables["ship_date"] == nil)
        #expect(!c.drafts.contains { $0.id == "logistics.dispatch_promise" })
        let facts = try provider(at: Self.at(10), cutoff: nil).contribute(
            context("什么时候发货", intents: ["urge_delivery"], values: ["dispatch_cutoff": "17:00"]))
        #expect(facts.drafts.first?.text.contains("17:00前付款") == true, "the facts file's cut-off alone is enough")
    }

    @Test func beforeTheCutoffShipsToday() throws {
        let c = try provider(at: Self.at(10)).contribute(context("什么时候发货", intents: ["urge_delivery"]))
        #expect(c.variables["ship_date"] == "今天")
        #expect(c.drafts.first?.id == "logistics.dispatch_promise")
        #expect(c.drafts.first?.text.contains("今天发出") == true)
    }

    /// The shop facts file's cut-off (`dispatch_cutoff`, given by the facts
    /// provider before this one runs) wins over the plugin's own setting.
    @Test func theShopFactsCutoffDecides() throws {
        let p = try provider(at: Self.at(10), cutoff: "16:00")
        let facts = p.contribute(context("什么时候发货", intents: ["urge_delivery"], values: ["dispatch_cutoff": "09:30"]))
        #expect(facts.variables["ship_date"]?.hasPrefix("明天") == true, "\(facts.variables)")
        #expect(facts.drafts.first?.text.contains("09:30") == true, "\(facts.drafts.map(\.text))")
        let own = p.contribute(context("什么时候发货", intents: ["urge_delivery"]))
        #expect(own.variables["ship_date"] == "今天")
        let junk = p.contribute(context("什么时候发货", intents: ["urge_delivery"], values: ["dispatch_cutoff": "soon"]))
        #expect(junk.variables["ship_date"] == "今天", "an unreadable cut-off is ignored")
    }

    /// The promise reads the shop's wall clock by arithmetic, not Calendar:
    /// it must agree with Calendar everywhere, across month and year ends,
    /// leap days, daylight-saving changes and zones east and west of UTC.
    @Test(arguments: ["UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "Pacific/Auckland", "America/St_Johns"])
    func wallClockAgreesWithCalendar(_ zone: String) throws {
        let tz = try #require(TimeZone(identifier: zone))
        var cal = Calendar(identifier: .gregorian); cal.timeZone = tz
        let promise = DispatchPromise(cutoff: 16 * 60, timeZone: tz)
        // Every 7h13m from 2023-12-30 to 2028-03-02: every hour of the day, over several years.
        var t = Date(timeIntervalSince1970: 1_703_894_400)
        while t.timeIntervalSince1970 < 1_835_568_000 {
            let c = cal.dateComponents([.hour, .minute], from: t)
            let today = (c.hour! * 60 + c.minute!) < 16 * 60
            let ship = today ? t : cal.date(byAdding: .day, value: 1, to: t)!
            let d = cal.dateComponents([.month, .day], from: ship)
            let got = promise.shipDay(at: t)
            #expect(got.day == (today ? .today : .tomorrow), "\(zone) \(t)")
            #expect(got.date == DispatchPromise.LocalDate(month: d.month!, day: d.day!), "\(zone) \(t)")
            t += 7 * 3600 + 13 * 60
        }
    }

    @Test func afterTheCutoffShipsTomorrow() throws {
        let c = try provider(at: Self.at(16, 1)).contribute(context("when will it ship", intents: ["urge_delivery"], language: .english))
        #expect(c.variables["ship_date"] == "tomorrow (Nov 23)")
        let hant = try provider(at: Self.at(17)).contribute(context("什麼時候發貨", intents: ["urge_delivery"], language: .traditionalChinese))
        #expect(hant.variables["ship_date"] == "明天（11月23日）")
        #expect(hant.drafts.first?.text.contains("訂單") == true)
    }

    @Test func cutoffIsConfigurable() throws {
        let c = try provider(at: Self.at(17), cutoff: "18:30").contribute(context("发货", intents: ["urge_delivery"]))
        #expect(c.variables["ship_date"] == "今天")
        #expect(c.drafts.first?.text.contains("18:30") == true)
        #expect(throws: Diagnostic.self) { try provider(at: Self.at(1), cutoff: "4pm") }
    }

    @Test func aKnownShipDateIsKept() throws {
        let c = try provider(at: Self.at(10)).contribute(context("发货", intents: ["urge_delivery"], values: ["ship_date": "周五"]))
        #expect(c.variables["ship_date"] == nil)
        #expect(c.drafts.first?.text.contains("周五") == true)
    }

    @Test func trackingLinkAndStatusWording() throws {
        let sf = Entity(kind: .carrier, value: "SF Express", attributes: ["zh": "顺丰"])
        let p = try provider(at: Self.at(10))
        let plain = p.contribute(
            context("快递到哪", intents: ["logistics"], values: ["tracking_no": "SF1234567890123", "carrier": "顺丰"], entities: [sf]))
        #expect(plain.drafts.first?.text.contains("https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123") == true)
        let delayed = p.contribute(
            context(
                "where", intents: ["logistics"], values: ["tracking_no": "1Z999AA10123456784", "status": "delayed"], language: .english))
        #expect(delayed.drafts.first?.text.hasPrefix("Sorry, your parcel is running late") == true)
        // A session number with no carrier in an English draft: 17track (kuaidi100 covers mainland carriers only).
        #expect(delayed.drafts.first?.text.contains("17track.net") == true)
        let delivered = p.contribute(context("到哪了", intents: ["logistics"], values: ["tracking_no": "YT123456789012", "status": "已签收"]))
        #expect(delivered.drafts.first?.text.contains("已签收") == true)
    }

    @Test func nothingForOtherIntentsOrUnsafeNumbers() throws {
        let p = try provider(at: Self.at(10))
        #expect(p.contribute(context("有M码吗", intents: ["product_info"])).isEmpty)
        #expect(p.contribute(context("到哪了", intents: ["logistics"])).isEmpty)
        #expect(p.contribute(context("到哪了", intents: ["logistics"], values: ["tracking_no": "a b\"<x>"])).isEmpty)
    }
}

/// Links follow the number's own carrier and region: a Royal Mail number
/// never gets a kuaidi100 link, whatever carrier the buyer named.
@Suite struct TrackingLinkTests {
    static let extractor = BuiltinEntityExtractor()

    func link(_ message: String, language: Language = .english) -> String? {
        let entities = Self.extractor.extract(from: TextNormalizer().normalize(message))
        guard let number = entities.first(where: { $0.kind == .trackingNumber }) else { return nil }
        return TrackingLinks.link(for: number, namedCarrier: entities.first { $0.kind == .carrier }?.value, language: language)
    }

    @Test(arguments: [
        ("where is RR123456785GB", "https://www.royalmail.com/"),
        ("EMS RR123456785GB 到哪了", "https://www.royalmail.com/"),
        ("EMS EA123456785CN 到哪了", "https://www.kuaidi100.com/"),
        ("where is LX123456785FR", "https://t.17track.net/"),
        ("顺丰单号SF1234567890123", "https://www.sf-express.com/"),
        ("中通 75312345678901 一直没动", "https://www.kuaidi100.com/"),
        ("UPS 1Z999AA10123456784", "https://www.ups.com/"),
    ])
    func linkByCarrierAndRegion(message: String, page: String) throws {
        let got = try #require(link(message))
        #expect(got.hasPrefix(page), "\(message) → \(got)")
    }

    @Test func noLinkWithoutAPage() {
        #expect(link("黑貓宅急便 單號 123456789012", language: .traditionalChinese) == nil)
    }

    @Test func royalMailDraftHasNoKuaidi100Link() throws {
        let provider = try LogisticsPlugin().load(PluginSettings(values: [:])).providers[0]
        let text = TextNormalizer().normalize("EMS RR123456785GB 到哪了")
        let entities = Self.extractor.extract(from: text)
        let values = Engine.values(request: SuggestionRequest(), entities: entities, language: .simplifiedChinese)
        let c = provider.contribute(
            DraftContext(
                text: text, language: .simplifiedChinese, intents: [DetectedIntent(intent: "logistics", confidence: 0.9, evidence: [])],
                entities: entities, values: values, tone: .calm))
        let draft = try #require(c.drafts.first { $0.id == "logistics.tracking_link" })
        #expect(draft.text.contains("royalmail.com") && !draft.text.contains("kuaidi100"), "\(draft.text)")
        #expect(draft.text.contains("英国皇家邮政"), "\(draft.text)")
    }
}
