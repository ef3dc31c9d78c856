/// A delivery address, quoted as the buyer wrote it: Chinese (省/市/区,
/// 路/街 + 号, 栋/单元/室, after 地址 or 寄到) and English ("123 Main St",
/// "Flat 4B", "Apt 5"). The numbers inside belong to the address: "改地址到
/// 解放路12号" has no size 12号, "Flat 4B" no SKU.
struct AddressRecognizer: EntityRecognizer {
    static func set(_ s: String) -> Set<UInt32> { Set(s.unicodeScalars.map(\.value)) }

    /// Street words followed by a house number: 解放路12号.
    static let streets = set("路街巷弄")
    static let hao: UInt32 = 0x53F7  // 号
    /// After a number: 3栋, 2单元, 501室, 5号楼 (not 层: "3层的收纳架" is a product).
    static let buildingUnits = set("栋幢室楼")
    static let danyuan = "单元".scalarArray
    /// Places that make a span an address after an address word.
    static let places = set("省市区县镇乡村路街巷弄道")
    /// Where an address begins after these ("改到", "寄到"); single characters
    /// and pairs, so that 成都 survives "改成成都市".
    static let leftStops = set("到至为是在住往去给发:,.;!?，。；！？、 ")
    static let leftStopPairs = [[UInt32]](words: ["改成", "换成", "写成", "地址", "寄到", "送到", "发到"])
    /// What ends an address on the right: particles and requests.
    static let rightStops = set("的吗呢吧了啊呀哦哈嘛谢请麻可能帮给发快要我你他她,.;!?，。；！？ ")
    static let addressWords = [[UInt32]](words: ["收货地址", "收件地址", "地址", "寄到", "送到", "发到", "改到"])

    static let englishStreetSuffixes: Set<String> = [
        "st", "street", "rd", "road", "ave", "avenue", "blvd", "boulevard", "ln", "lane", "dr", "drive", "way",
        "ct", "court", "pl", "place", "terrace", "close", "crescent", "highway", "hwy", "sq", "square",
    ]
    static let englishUnits: Set<String> = ["flat", "apt", "apartment", "unit", "suite", "ste", "room"]
    /// Words that end an English address (the rest of the sentence).
    static let englishStops: Set<String> = ["please", "pls", "thanks", "thank", "thx", "asap", "instead", "and", "is", "for", "if", "but"]

    func recognize(_ input: RecognizerInput) -> [Recognition] {
        var found: [Recognition] = []
        if input.message.hanCount > 0, let r = chinese(input) { found.append(r) }
        if let r = english(input), !found.contains(where: { $0.range.overlaps(r.range) }) { found.append(r) }
        return found
    }

    private func chinese(_ input: RecognizerInput) -> Recognition? {
        let t = input.text
        var anchor: Int? = nil
        var i = 0
        while i < t.count, anchor == nil {
            if Self.streets.contains(t[i]) || t[i] == 0x9053 && i > 0 && t[i - 1] == 0x5927 {  // 大道
                var j = i + 1
                while j < t.count, Script.isDigit(t[j]) { j += 1 }
                if j > i + 1, j < t.count, t[j] == Self.hao || t[j] == 0x2D { anchor = i }
            } else if Script.isDigit(t[i]), i == 0 || !Script.isDigit(t[i - 1]) {
                var j = i
                while j < t.count, Script.isDigit(t[j]) { j += 1 }
                if j < t.count,
                    Self.buildingUnits.contains(t[j]) || input.matches(Self.danyuan, at: j)
                        || t[j] == Self.hao && j + 1 < t.count && t[j + 1] == 0x697C
                {
                    anchor = i
                }
            }
            i += 1
        }
        var start: Int
        if let a = anchor {
            start = a
            while start > 0, a - start < 24 {
                let c = t[start - 1]
                if Self.leftStops.contains(c) || !(Script.isHan(c) || Script.isDigit(c) || Script.isASCIILetter(c)) { break }
                if start >= 2, Self.leftStopPairs.contains(where: { input.matches($0, endingAt: start) }) { break }
                start -= 1
            }
        } else {
            // No house number: a place after an address word (地址改成北京市朝阳区).
            guard
                let wordEnd = Self.addressWords.lazy.compactMap({ w -> Int? in
                    var k = 0
                    while k + w.count <= t.count { if input.matches(w, at: k) { return k + w.count }; k += 1 }
                    return nil
                }).first
            else { return nil }
            start = wordEnd
            while start < t.count,
                Self.leftStops.contains(t[start]) || input.matches("改成".scalarArray, at: start)
                    || input.matches("改为".scalarArray, at: start) || t[start] == 0x6539
            {
                start += input.matches("改成".scalarArray, at: start) || input.matches("改为".scalarArray, at: start) ? 2 : 1
            }
        }
        var end = max(start, anchor ?? start)
        while end < t.count, end - start < 48 {
            let c = t[end]
            if Self.rightStops.contains(c) || !(Script.isHan(c) || Script.isDigit(c) || Script.isASCIILetter(c) || c == 0x2D || c == 0x23) {
                break
            }
            end += 1
        }
        guard end - start >= 3 else { return nil }
        if anchor == nil, !t[start..<end].contains(where: { Self.places.contains($0) }) { return nil }
        return Recognition(entity: Entity(kind: .address, value: input.quote(start..<end)), range: start..<end)
    }

    private func english(_ input: RecognizerInput) -> Recognition? {
        let t = input.text
        guard input.message.latinWordCount > 0 else { return nil }
        // Words of the folded text with their ranges.
        var words: [(text: String, range: Range<Int>)] = []
        var i = 0
        while i < t.count {
            guard Script.isWordCharacter(t[i]) else { i += 1; continue }
            let s = i
            while i < t.count, Script.isWordCharacter(t[i]) || t[i] == 0x2D && i + 1 < t.count && Script.isWordCharacter(t[i + 1]) {
                i += 1
            }
            words.append((String(scalarValues: t[s..<i]), s..<i))
        }
        func isStreet(after k: Int) -> Bool {
            for n in 2...4 where k + n < words.count {
                let name = words[(k + 1)..<(k + n)]
                guard name.allSatisfy({ !Self.englishStops.contains($0.text) && $0.text.first?.isLetter == true }) else { return false }
                if Self.englishStreetSuffixes.contains(words[k + n].text) { return true }
            }
            return false
        }
        var startWord: Int? = nil
        for (k, w) in words.enumerated() {
            if Self.englishUnits.contains(w.text), k + 1 < words.count, words[k + 1].text.contains(where: \.isNumber) {
                startWord = k; break
            }
            if w.text == "po" || w.text == "p", k + 2 < words.count, words[k + 1].text == "box" || words[k + 1].text == "o" {
                startWord = k; break
            }
            // 123 Main St: a number, one to three words, a street suffix.
            if w.text.first?.isNumber == true, w.text.count <= 6, isStreet(after: k) {
                startWord = k; break
            }
        }
        guard let first = startWord else { return nil }
        var last = first
        var k = first + 1
        while k < words.count {
            if Self.englishStops.contains(words[k].text) { break }
            // A sentence end between two words ends the address.
            let gap = t[words[k - 1].range.upperBound..<words[k].range.lowerBound]
            if gap.contains(where: { [0x2E, 0x3F, 0x21, 0x3B, 0x0A, 0x3002, 0xFF1F, 0xFF01].contains($0) })
                && !(words[k - 1].text.count <= 3 && gap.first == 0x2E && gap.count <= 2
                    && Self.englishStreetSuffixes.contains(words[k - 1].text))
            {
                break
            }
            if words[k].range.upperBound - words[first].range.lowerBound > 80 { break }
            last = k
            k += 1
        }
        let range = words[first].range.lowerBound..<words[last].range.upperBound
        return Recognition(entity: Entity(kind: .address, value: input.quote(range)), range: range)
    }

    static let examples: [EntityExample] = [
        EntityExample("改地址到解放路12号", .address, "解放路12号"),
        EntityExample("地址改成广东省深圳市南山区科技园路18号3栋501室，谢谢", .address, "广东省深圳市南山区科技园路18号3栋501室"),
        EntityExample("寄到臺北市信義區松仁路100號", .address, "臺北市信義區松仁路100號"),
        EntityExample("收货地址改成成都市武侯区", .address, "成都市武侯区"),
        EntityExample("阳光小区5栋2单元301", .address, "阳光小区5栋2单元301"),
        EntityExample("please ship to 123 Main St, Springfield instead", .address, "123 Main St, Springfield"),
        EntityExample(
            "new address: Flat 4B, 22 Baker Street, London NW1 6XE. Thanks", .address, "Flat 4B, 22 Baker Street, London NW1 6XE"),
        EntityExample("change it to Apt 5, 10 Ocean Drive", .address, "Apt 5, 10 Ocean Drive"),
    ]

    static let counterExamples: [EntityExample] = [
        // The house number is not a size, nor anything else.
        EntityExample("改地址到解放路12号", .size),
        EntityExample("改地址到解放路12号", .quantity),
        EntityExample("new address: Flat 4B, 22 Baker Street, London NW1 6XE", .sku),
        EntityExample("穿42码还是43码", .address),
        EntityExample("12号能发货吗", .address),
        EntityExample("这款3层的收纳架有货吗", .address),
        EntityExample("I waited 3 days for this", .address),
        EntityExample("the 2 main straps broke", .address),
    ]
}
