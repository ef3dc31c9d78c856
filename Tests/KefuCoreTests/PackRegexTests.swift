import Testing

@testable import KefuCore

/// Pack regular expressions cannot stall a message (issue 11): exponential
/// shapes are refused at load, and every match has a step budget.
@Suite struct PackRegexTests {
    @Test(arguments: [
        "(a+)+", "(a*)*", "(a|a)*", "xx(a+)+b", "(\\w+\\s?)+", "(?:a+)+", "(a|b|ab)*c", "((ab)+)+", "(a+){2,}", "(.{1,3})+x",
    ])
    func catastrophicShapesAreRefused(_ pattern: String) {
        #expect(RegexHazard.problem(in: pattern) != nil)
    }

    @Test(arguments: [
        "等了.{1,3}天", "(ordered|placed|paid) .{0,20}(days|weeks) ago", "still (not|no) .{0,10}(received|here|arrived|delivered)",
        "(\\d{3}-){2}\\d{4}", "(a+)++", "[(a+)+]", "\\(a+\\)+", "(ab)+", "(?:abc)*x", "(?i)abc", "a{2,5}", "(?<name>ab)+", "\\p{Han}+单",
    ])
    func ordinaryPatternsPass(_ pattern: String) {
        #expect(RegexHazard.problem(in: pattern) == nil)
    }

    @Test func theHazardIsALoadErrorAtItsPosition() {
        let yaml = """
            pack: {id: t, name: T, version: "1"}
            intents:
              - id: a
                description: d
                patterns:
                  en: ['xx(a+)+b']
                examples:
                  en: [xxab]
            """
        let result = PackParser().parse(yaml, file: "p.yaml", layer: .commandLine)
        #expect(result.pack == nil)
        #expect(result.diagnostics.first?.location == SourceLocation(file: "p.yaml", line: 6, column: 12))
        #expect(result.diagnostics.first?.message.contains("'(a+)+'") == true, "\(result.diagnostics)")
    }

    @Test func aMatchFindsItsText() throws {
        let regex = try #require(PackRegex("ordered .{0,20}days ago"))
        #expect(regex.firstMatch(in: "i ordered it 3 days ago!") == .match("ordered it 3 days ago"))
        #expect(regex.firstMatch(in: "no order here") == .noMatch)
        #expect(PackRegex("(unclosed") == nil)
    }

    /// 0.8 s per message before the budget (exponential in the run of a's):
    /// with it, the match gives up. The test asserts that it returns, and how.
    @Test func anExponentialMatchRunsOutOfBudget() throws {
        let regex = try #require(PackRegex("xx(a+)+b"))
        let text = "xx" + String(repeating: "a", count: 40) + "c"
        #expect(regex.firstMatch(in: text) == .overBudget)
    }

    @Test func aPolynomialMatchOnAHugePasteRunsOutOfBudget() throws {
        let regex = try #require(PackRegex("xx.*.*.*y"))
        let text = "xx" + String(repeating: "a", count: 100_000)
        #expect(regex.firstMatch(in: text) == .overBudget)
    }
}
