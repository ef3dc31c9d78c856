/// The buyer's height and weight, for size advice: "178cm 70kg", "身高165体重50kg",
/// "1米78 140斤", "5'10 160lbs", and the bare pair "178 70" buyers type
/// when asked. Height becomes `height_cm`, weight `weight_kg` (斤 halved,
/// pounds converted). One recogniser for both kinds: a bare pair is only
/// readable as the two together. Never a size ("180cm" is not size 180),
/// never a SKU; the size itself is left to the shop's size chart.
struct BodyMeasurementRecognizer: EntityRecognizer {
    struct Number { var start: Int; var end: Int; var value: Double }

    static let heightUnits = [[UInt32]](words: ["cm", "厘米", "公分"])
    static let weightUnits: [([UInt32], Double)] = [
        ("kgs".scalarArray, 1), ("kg".scalarArray, 1), ("kilos".scalarArray, 1), ("kilo".scalarArray, 1),
        ("公斤".scalarArray, 1), ("千克".scalarArray, 1), ("斤".scalarArray, 0.5),
        ("lbs".scalarArray, 0.45359237), ("lb".scalarArray, 0.45359237),
    ]
    static let heightWords = [[UInt32]](words: ["身高", "height", "i'm", "i am", "高"])
    static let weightWords = [[UInt32]](words: ["体重", "weight", "weigh", "重"])
    static let feetMarks: Set<UInt32> = [0x27, 0x2019, 0x2032]  // ' ’ ′
    static let inchMarks: Set<UInt32> = [0x22, 0x201D, 0x2033]  // " ” ″
    /// Units of other things after a bare number: 178 70件 is not a weight.
    static let otherUnits: Set<UInt32> = Set("码号元块件个双条套岁%$¥".unicodeScalars.map(\.value))

    static func numbers(_ t: [UInt32]) -> [Number] {
        var result: [Number] = []
        var i = 0
        while i < t.count {
            guard Script.isDigit(t[i]), i == 0 || !Script.isASCIILetter(t[i - 1]) && !Script.isDigit(t[i - 1]) else { i += 1; continue }
            let start = i
            var value = 0.0, scale = 0.0
            while i < t.count {
                if Script.isDigit(t[i]) {
                    let d = Double(t[i] - 0x30)
                    if scale == 0 { value = value * 10 + d } else { value += d * scale; scale /= 10 }
                } else if t[i] == 0x2E, scale == 0, i + 1 < t.count, Script.isDigit(t[i + 1]) {
                    scale = 0.1
                } else {
                    break
                }
                i += 1
            }
            result.append(Number(start: start, end: i, value: value))
        }
        return result
    }

    static func format(_ v: Double) -> String {
        let r = (v * 2).rounded() / 2
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    func recognize(_ input: RecognizerInput) -> [Recognition] {
        let t = input.text
        let numbers = Self.numbers(t)
        guard !numbers.isEmpty else { return [] }
        var height: Recognition?
        var weight: Recognition?
        func skipSpace(_ i: Int) -> Int { i < t.count && t[i] == 0x20 ? i + 1 : i }
        func unit(_ words: [[UInt32]], at i: Int) -> [UInt32]? {
            words.first { w in
                input.matches(w, at: i) && (i + w.count >= t.count || !Script.isASCIILetter(t[i + w.count]) || !Script.isASCIILetter(w[0]))
            }
        }
        func wordBefore(_ words: [[UInt32]], _ start: Int) -> Bool {
            var e = start
            while e > 0, t[e - 1] == 0x20 || t[e - 1] == 0x3A || t[e - 1] == 0xFF1A { e -= 1 }
            return words.contains { input.matches($0, endingAt: e) }
        }
        func setHeight(_ cm: Double, _ range: Range<Int>) {
            guard height == nil, (120...230).contains(cm) else { return }
            height = Recognition(
                entity: Entity(kind: .heightCM, value: Self.format(cm.rounded()), attributes: ["as_written": input.quote(range)]),
                range: range)
        }
        func setWeight(_ kg: Double, _ range: Range<Int>) {
            guard weight == nil, (25...250).contains(kg) else { return }
            weight = Recognition(
                entity: Entity(kind: .weightKG, value: Self.format(kg), attributes: ["as_written": input.quote(range)]), range: range)
        }

        var bare: [Number] = []
        var k = 0
        while k < numbers.count {
            let n = numbers[k]
            let u = skipSpace(n.end)
            // 5'10", 5 ft 10 in
            if (4...7).contains(n.value), u < t.count,
                Self.feetMarks.contains(t[u]) || unit([[UInt32]](words: ["ft", "feet", "foot"]), at: u) != nil
            {
                var end = Self.feetMarks.contains(t[u]) ? u + 1 : u + (unit([[UInt32]](words: ["feet", "foot", "ft"]), at: u)?.count ?? 2)
                var inches = 0.0
                if k + 1 < numbers.count, skipSpace(end) == numbers[k + 1].start, numbers[k + 1].value < 12 {
                    inches = numbers[k + 1].value
                    end = numbers[k + 1].end
                    let m = skipSpace(end)
                    if m < t.count, Self.inchMarks.contains(t[m]) {
                        end = m + 1
                    } else if let w = unit([[UInt32]](words: ["inches", "inch", "in"]), at: m) {
                        end = m + w.count
                    }
                    k += 1
                }
                setHeight(n.value * 30.48 + inches * 2.54, n.start..<end)
                k += 1
                continue
            }
            if let w = unit(Self.heightUnits, at: u) {
                setHeight(n.value, n.start..<(u + w.count)); k += 1; continue
            }
            // 1米78, 1米8, 1.78m, 1.78米
            if u < t.count, t[u] == 0x7C73 || t[u] == 0x6D && (u + 1 >= t.count || !Script.isASCIILetter(t[u + 1])) {
                if t[u] == 0x7C73, n.value == 1, k + 1 < numbers.count, numbers[k + 1].start == u + 1 {
                    let rest = numbers[k + 1].value
                    setHeight(100 + (rest < 10 ? rest * 10 : rest), n.start..<numbers[k + 1].end)
                    k += 2; continue
                }
                if (1.2...2.3).contains(n.value) { setHeight(n.value * 100, n.start..<(u + 1)); k += 1; continue }
            }
            if let (w, factor) = Self.weightUnits.first(where: {
                input.matches($0.0, at: u) && (u + $0.0.count >= t.count || !Script.isASCIILetter(t[u + $0.0.count]))
            }) {
                setWeight(n.value * factor, n.start..<(u + w.count)); k += 1; continue
            }
            if wordBefore(Self.heightWords, n.start), u >= t.count || !Self.otherUnits.contains(t[u]) {
                setHeight(n.value < 3 ? n.value * 100 : n.value, n.start..<n.end); k += 1; continue
            }
            if wordBefore(Self.weightWords, n.start), u >= t.count || !Self.otherUnits.contains(t[u]) {
                setWeight(n.value, n.start..<n.end); k += 1; continue
            }
            if u >= t.count || !Self.otherUnits.contains(t[u]) && !Script.isASCIILetter(t[u]) { bare.append(n) }
            k += 1
        }
        // "178 70", "178/70", "178 70kg": a height-sized number right before a
        // weight-sized one (or before the weight already read).
        func adjacent(_ a: Number, _ bStart: Int) -> Bool {
            guard bStart > a.end, bStart - a.end <= 2, (140...210).contains(a.value), a.value == a.value.rounded() else { return false }
            return t[a.end..<bStart].allSatisfy { [0x20, 0x2F, 0x2C, 0xFF0C, 0x3001].contains($0) }
        }
        if height == nil, let w = weight {
            if let a = bare.last(where: { adjacent($0, w.range.lowerBound) }) { setHeight(a.value, a.start..<a.end) }
        }
        if height == nil, weight == nil {
            for (a, b) in zip(bare, bare.dropFirst()) where adjacent(a, b.start) && (35...150).contains(b.value) {
                setHeight(a.value, a.start..<a.end)
                setWeight(b.value, b.start..<b.end)
                break
            }
        }
        return [height, weight].compactMap { $0 }
    }

    static let examples: [EntityExample] = [
        EntityExample("178 70公斤 穿什么码", .heightCM, "178"),
        EntityExample("178 70公斤 穿什么码", .weightKG, "70"),
        EntityExample("180cm 75kg", .heightCM, "180"),
        EntityExample("180cm 75kg", .weightKG, "75"),
        EntityExample("5'10 160lbs what size", .heightCM, "178"),
        EntityExample("5'10 160lbs what size", .weightKG, "72.5"),
        EntityExample("身高165体重50kg", .heightCM, "165"),
        EntityExample("身高165体重50kg", .weightKG, "50"),
        EntityExample("1米78 140斤", .heightCM, "178"),
        EntityExample("1米78 140斤", .weightKG, "70"),
        EntityExample("身高170 體重60", .weightKG, "60"),
        EntityExample("I'm 165 cm and 55 kg", .heightCM, "165"),
        EntityExample("168/52 选哪个", .weightKG, "52"),
    ]

    static let counterExamples: [EntityExample] = [
        EntityExample("180cm 75kg", .sku),
        EntityExample("180cm 75kg", .size),
        EntityExample("5'10 160lbs what size", .sku),
        EntityExample("买了2件 等了3天", .heightCM),
        EntityExample("衣长70cm吗", .heightCM),
        EntityExample("it costs 150 dollars", .weightKG),
    ]
}
