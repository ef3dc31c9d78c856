import Testing

@testable import KefuCore

/// The truth rule (issue 13, SPEC §8): a snippet states a fact only with a
/// source, declares it, and never contradicts the message.
@Suite struct TruthRuleTests {
    static let header = """
        pack:
          id: t
          name: T
          version: "1"
        intents:
          - id: parcel
            description: where is my parcel
            examples:
              en: [where is my parcel]
        snippets:

        """

    func audit(_ snippets: String) -> [Diagnostic] {
        let library = SnippetLibrary.load([PackSource(path: "t.yaml", text: Self.header + snippets, layer: .commandLine)])
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
        return TruthAudit(library: library).run()
    }

    /// The whole built-in library keeps the rule.
    @Test func everyBuiltinSnippetKeepsTheTruthRule() {
        let problems = TruthAudit(library: BuiltinEngine.library).run()
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func anAssertionWithoutASourceFailsAtItsPosition() throws {
        let d = audit(
            """
              - id: s
                intents: [parcel]
                kind: answer
                asserts: [in_stock]
                text:
                  en: Good news, it's in stock!
            """)
        let first = try #require(d.first)
        #expect(first.message.contains("asserts 'in_stock' without a source") && first.message.contains("'stock'"), "\(first)")
        #expect(first.location.file == "t.yaml" && first.location.line == 14 && first.location.column == 14, "\(first.location)")
    }

    @Test func aSourceUnderWhenHasSatisfiesIt() {
        #expect(
            audit(
                """
                  - id: s
                    intents: [parcel]
                    kind: answer
                    when:
                      has: [stock]
                    asserts: [in_stock]
                    text:
                      en: "Good news: we have {{stock}} in stock!"
                """
            ).isEmpty)
    }

    @Test func anUndeclaredClaimIsFoundWithItsLineAndColumn() throws {
        let d = audit(
            """
              - id: s
                intents: [parcel]
                kind: logistics
                text:
                  zh-Hans: |
                    亲，您好～
                    您的包裹已经在路上啦
                  en: Your parcel is on its way!
            """)
        let zh = try #require(d.first { $0.message.contains("在路上") })
        #expect(zh.message.contains("'in_transit'") && zh.message.contains("asserts: [in_transit]"), "\(zh)")
        #expect(zh.location.line == 17 && zh.location.column == 15, "\(zh.location)")
        let en = try #require(d.first { $0.message.contains("on its way") })
        #expect(en.location.line == 18 && en.location.column == 26, "\(en.location)")
    }

    @Test func aClaimInsideASectionOfItsSourceIsSourced() {
        #expect(
            audit(
                """
                  - id: s
                    intents: [parcel]
                    kind: logistics
                    asserts: [shipped]
                    text:
                      en: "Thanks!{{#tracking_no}} Your order has already shipped: {{tracking_no}}.{{/tracking_no}}"
                """
            ).isEmpty)
        let outside = audit(
            """
              - id: s
                intents: [parcel]
                kind: logistics
                asserts: [shipped]
                text:
                  en: "Your order has already shipped{{#tracking_no}}: {{tracking_no}}{{/tracking_no}}."
            """)
        #expect(outside.contains { $0.message.contains("asserts 'shipped' without a source") })
    }

    /// "Will ship today" to a buyer whose parcel has a tracking number contradicts the message.
    @Test func aShipDateNeedsNoTrackingNumber() {
        let d = audit(
            """
              - id: s
                intents: [parcel]
                kind: answer
                when:
                  has: [ship_date]
                asserts: [ship_date]
                text:
                  zh-Hans: 亲，您的订单预计{{ship_date}}发出～
            """)
        #expect(
            d.contains { $0.message.contains("'tracking_no' from the message contradicts") && $0.message.contains("lacks: [tracking_no]") },
            "\(d)")
        #expect(d.contains { $0.message.contains("'parcel_status'") })
        #expect(
            audit(
                """
                  - id: s
                    intents: [parcel]
                    kind: answer
                    when:
                      has: [ship_date]
                      lacks: [tracking_no, parcel_status]
                    asserts: [ship_date]
                    text:
                      zh-Hans: 亲，您的订单预计{{ship_date}}发出～
                """
            ).isEmpty)
    }

    /// Conditions and questions mention a fact without stating it.
    @Test func checkingFormsAreNotClaims() {
        #expect(
            audit(
                """
                  - id: s
                    intents: [parcel]
                    kind: answer
                    text:
                      zh-Hans: 亲，我帮您确认一下是否有货；如果已经发出，可以拒收哦。
                      en: If it's already on the way, you can refuse it. Let me check whether it's in stock.
                """
            ).isEmpty)
    }

    @Test func anUnknownAssertionIsAPackError() {
        let r = PackParser().parse(
            Self.header + """
                  - id: s
                    intents: [parcel]
                    kind: answer
                    asserts: [instock]
                    text:
                      en: Hi
                """, file: "p.yaml", layer: .commandLine)
        #expect(r.pack == nil)
        #expect(
            r.diagnostics.contains {
                $0.message.contains("unknown assertion 'instock'") && $0.hint == "did you mean 'in_stock'?"
                    && $0.location.line == 14
            }, "\(r.diagnostics)")
    }

    /// Every declared source variable is one a pack may name.
    @Test func everySourceIsAKnownVariable() {
        for a in Assertion.allCases {
            for v in a.sources + a.contradictedBy { #expect(TemplateVariables.builtin.contains(v), "\(a.rawValue): \(v)") }
        }
    }
}
