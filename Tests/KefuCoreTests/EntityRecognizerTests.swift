import Testing

@testable import KefuCore

/// Every recogniser's own example table, run through the whole extractor
/// (so a counter-example also catches another rule reading the same text).
@Suite struct EntityRecognizerTests {
    static let extractor = BuiltinEntityExtractor()
    static let normalizer = TextNormalizer()

    struct Row: Sendable, CustomTestStringConvertible {
        var recognizer: String
        var example: EntityExample
        var mustBeFound: Bool
        var testDescription: String { "\(recognizer) \(mustBeFound ? "finds" : "does not find") \(example)" }
    }

    static let rows: [Row] = BuiltinEntityExtractor.recognizers.flatMap { r -> [Row] in
        let t = type(of: r)
        let name = String(describing: t)
        return t.examples.map { Row(recognizer: name, example: $0, mustBeFound: true) }
            + t.counterExamples.map { Row(recognizer: name, example: $0, mustBeFound: false) }
    }

    @Test(arguments: rows)
    func exampleTable(row: Row) {
        let entities = Self.extractor.extract(from: Self.normalizer.normalize(row.example.text))
        let shown = entities.map { "\($0.kind.rawValue)=\($0.value) \($0.attributes)" }.joined(separator: "; ")
        #expect(row.example.isFound(in: entities) == row.mustBeFound, "\(row.testDescription): got \(shown)")
    }

    @Test func everyRecognizerHasBothTables() {
        for r in BuiltinEntityExtractor.recognizers {
            let t = type(of: r)
            #expect(t.examples.count >= 3 && t.counterExamples.count >= 3, "\(t)")
        }
    }

    @Test func checkDigits() {
        #expect(CheckDigits.upuS10("EA123456785CN"))
        #expect(!CheckDigits.upuS10("EA123456789CN"))
        #expect(CheckDigits.ups("1Z999AA10123456784"))
        #expect(!CheckDigits.ups("1Z999AA10123456785"))
        #expect(CheckDigits.uspsMod10("9205590164917312751089"))
        #expect(!CheckDigits.uspsMod10("9205590164917312751088"))
        #expect(CheckDigits.dhlMod7("1234567891"))
        #expect(CheckDigits.chineseCreditCode("91350100M000100Y43"))
        #expect(!CheckDigits.chineseCreditCode("91350100M000100Y44"))
        #expect(CheckDigits.taiwanBusinessNumber("04595257"))
        #expect(!CheckDigits.taiwanBusinessNumber("04595258"))
    }

    /// A value the extractor cannot vouch for is listed but never reaches a draft.
    @Test func ambiguousValuesStayOutOfDrafts() {
        let text = Self.normalizer.normalize("where is EA123456789CN")
        let entities = Self.extractor.extract(from: text)
        #expect(entities.contains { $0.kind == .trackingNumber && $0.isAmbiguous })
        let values = Engine.values(request: SuggestionRequest(), entities: entities, language: .english)
        #expect(values["tracking_no"] == nil)
    }
}
