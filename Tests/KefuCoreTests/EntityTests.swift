import Testing

@testable import KefuCore

@Suite struct EntityTests {
    let extractor = BuiltinEntityExtractor()
    let normalizer = TextNormalizer()

    func entities(_ text: String) -> [EntityKind: String] {
        var result: [EntityKind: String] = [:]
        for e in extractor.extract(from: normalizer.normalize(text)) where result[e.kind] == nil { result[e.kind] = e.value }
        return result
    }

    @Test func orderNumbers() {
        #expect(entities("订单号 3827461928374651203 还没发")[.orderID] == "3827461928374651203")
        #expect(entities("order #58213 not here")[.orderID] == "58213")
        #expect(entities("我的订单：202311221234")[.orderID] == "202311221234")
    }

    @Test(arguments: [
        ("顺丰单号SF1234567890123", "SF1234567890123", "SF Express"),
        ("yt1234567890123 到哪了", "YT1234567890123", "YTO Express"),
        ("中通 75312345678901 一直没动", "75312345678901", "ZTO Express"),
        ("韵达快递单号 4312345678901", "4312345678901", "Yunda Express"),
        ("jd0012345678901 京东", "JD0012345678901", "JD Logistics"),
        ("EMS EA123456785CN", "EA123456785CN", "China Post EMS"),
        ("UPS 1Z999AA10123456784", "1Z999AA10123456784", "UPS"),
        ("fedex tracking 771234567890", "771234567890", "FedEx"),
        ("DHL waybill 1234567891", "1234567891", "DHL"),
        ("usps 9205590164917312751089", "9205590164917312751089", "USPS"),
        ("申通 773012345678901", "773012345678901", "STO Express"),
    ])
    func trackingNumbersWithCarriers(text: String, number: String, carrier: String) {
        let e = entities(text)
        #expect(e[.trackingNumber] == number, "\(text): \(e)")
        #expect(e[.carrier] == carrier, "\(text): \(e)")
    }

    @Test func amounts() {
        let e = extractor.extract(from: normalizer.normalize("付了¥199.50 还差 30元, or $25 usd"))
        let amounts = e.filter { $0.kind == .amount }
        #expect(amounts.map(\.value) == ["¥199.50", "¥30", "$25"])
        #expect(amounts.first?.attributes["currency"] == "CNY")
        #expect(entities("it was 40 dollars")[.amount] == "$40")
    }

    @Test func phonesAreMaskedOutsideDrafts() {
        let e = extractor.extract(from: normalizer.normalize("电话13812345678 联系我")).first { $0.kind == .phone }
        #expect(e?.value == "13812345678")
        #expect(e?.displayValue == "138****5678")
        #expect(entities("call me +86 13900001111")[.phone] == "13900001111")
        #expect(entities("phone: 020-1234567")[.phone] == "0201234567")
        #expect(entities("room 1234567")[.phone] == nil)
    }

    @Test func sizesColoursQuantitiesAndCodes() {
        let zh = entities("这款SKU-A2231黑色XL码要2件")
        #expect(zh[.sku] == "SKU-A2231")
        #expect(zh[.color] == "黑色")
        #expect(zh[.size] == "XL")
        #expect(zh[.quantity] == "2")
        #expect(entities("穿42码的鞋")[.size] == "42码")
        let en = entities("do you have the navy one in size M? need x3")
        #expect(en[.color] == "navy")
        #expect(en[.size] == "M")
        #expect(en[.quantity] == "3")
        #expect(entities("3 pairs of socks")[.quantity] == "3")
    }

    @Test func traditionalColourIsFound() {
        #expect(entities("有紅色的嗎")[.color] == "红色")
    }

    @Test func plainNumbersAreNotEntities() {
        #expect(entities("I waited 3 days").isEmpty)
        #expect(entities("等了5天了").isEmpty)
    }
}
