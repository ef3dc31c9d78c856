import Foundation
import Testing

@testable import KefuCore

/// Floors on the blind set (`Tests/BlindSet`, frozen on 2026-12-02 before
/// tuning began and never used to choose anything). Each floor sits a few
/// points under what the engine measured when it was set (in brackets), so
/// a change that makes detection worse fails the suite. The bars of the
/// issue are noted where they differ: a floor below a bar marks a bar not
/// met yet, said so in the closing note rather than hidden.
enum BlindSetFloors {
    struct Language {
        var file: String
        var draft1: Double
        var anyOf3: Double
        /// A ceiling: `other` rows given shop drafts (reported or guessed).
        var otherGivenShopDrafts: Double
    }

    static let languages: [Language] = [
        // Bars: draft 1 ≥ 0.70, unrelated text given shop drafts ≤ 0.08.
        Language(file: "blind-en.tsv", draft1: 0.86, anyOf3: 0.87, otherGivenShopDrafts: 0.05),  // 0.906, 0.921, 0.011
        Language(file: "blind-zh-Hans.tsv", draft1: 0.86, anyOf3: 0.87, otherGivenShopDrafts: 0.08),  // 0.924, 0.932, 0.059
        // 0.932, 0.943, 0.118 (2 of 17 rows; bar not met)
        Language(file: "blind-zh-Hant.tsv", draft1: 0.88, anyOf3: 0.89, otherGivenShopDrafts: 0.18),
    ]

    /// Per intent, F1 over the three files together.
    static let f1: [String: Double] = [
        "bad_review": 0.90,  // 0.952
        "bargain": 0.85,  // 0.909
        "change_order": 0.83,  // 0.890
        "cod": 0.90,  // 0.963
        "complaint": 0.73,  // 0.797
        "greeting": 0.81,  // 0.878
        "invoice": 0.91,  // 0.969
        "item_problem": 0.68,  // 0.748
        "logistics": 0.72,  // 0.787
        "product_info": 0.78,  // 0.842
        "refund_return": 0.79,  // 0.848
        "thanks_bye": 0.79,  // 0.852
        "urge_delivery": 0.75,  // 0.816
    ]
}

@Suite struct BlindSetTests {
    static func rows(_ file: String) -> [Evaluation.Row] {
        LabelledFile.rows("Tests/BlindSet/\(file)")
    }

    static let evaluations: [String: Evaluation] = Dictionary(
        uniqueKeysWithValues: BlindSetFloors.languages.map { ($0.file, Evaluation(engine: BuiltinEngine.engine, rows: rows($0.file))) })
    static let all = Evaluation(engine: BuiltinEngine.engine, rows: BlindSetFloors.languages.flatMap { rows($0.file) })

    @Test func theSetIsTheFrozenOne() {
        #expect(Self.rows("blind-zh-Hans.tsv").count == 404)
        #expect(Self.rows("blind-zh-Hant.tsv").count == 193)
        #expect(Self.rows("blind-en.tsv").count == 430)
    }

    @Test(arguments: BlindSetFloors.languages.map(\.file))
    func asTheAgentSeesIt(file: String) throws {
        let floor = try #require(BlindSetFloors.languages.first { $0.file == file })
        let e = try #require(Self.evaluations[file])
        #expect(e.draft1Fits >= floor.draft1, "\(file): draft 1 fits \(e.draft1Fits)")
        #expect(e.anyOf3Fits >= floor.anyOf3, "\(file): one of 3 fits \(e.anyOf3Fits)")
        #expect(e.otherGivenShopDrafts <= floor.otherGivenShopDrafts, "\(file): other given shop drafts \(e.otherGivenShopDrafts)")
    }

    @Test(arguments: BuiltinPackTests.taxonomy)
    func perIntentFloor(intent: String) throws {
        try LabelledFile.expectF1(of: intent, in: Self.all, atLeast: try #require(BlindSetFloors.f1[intent]))
    }
}
