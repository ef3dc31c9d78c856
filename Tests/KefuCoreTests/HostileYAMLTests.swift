import Testing

@testable import KefuCore

/// Pack and configuration YAML that used to stall or mislead kefu (issue 11):
/// alias bombs, a byte-order mark, duplicate keys reported at 1:1.
@Suite struct HostileYAMLTests {
    let header = """
        pack:
          id: t
          name: T
          version: "1"

        """

    /// Nine levels of anchors doubling each time, used as complex keys: Yams
    /// hashes every expanded key for its duplicate check (65 s at 8 levels).
    static func aliasBomb(levels: Int) -> String {
        var lines = ["a0: &a0 [lol, lol]"]
        for i in 1...levels { lines.append("a\(i): &a\(i) [*a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1)]") }
        lines.append("bomb:")
        lines.append("  ? *a\(levels)")
        lines.append("  : 1")
        lines.append("  ? *a\(levels)")
        lines.append("  : 2")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aliasBombIsRefusedWithItsPosition() {
        let yaml = header + Self.aliasBomb(levels: 12)
        let result = PackParser().parse(yaml, file: "bomb.yaml", layer: .commandLine)
        #expect(result.pack == nil)
        #expect(result.diagnostics.count == 1)
        let d = result.diagnostics.first
        #expect(d?.message.contains("alias") == true, "\(result.diagnostics)")
        // The alias that crosses the limit, not 1:1.
        #expect((d?.location.line ?? 0) > 5)
        #expect(d?.location.file == "bomb.yaml")
    }

    @Test func aliasBombInAConfigurationGivesNoTree() {
        let composed = GuardedYAML.compose(Self.aliasBomb(levels: 12), file: "config.yaml", duplicateKeys: .keepFirst)
        #expect(composed.root == nil)
        #expect(composed.problems.first?.message.contains("alias") == true)
    }

    @Test func aliasesWithinTheLimitStillWork() {
        let yaml =
            header + """
                intents:
                  - id: a
                    description: d
                    triggers:
                      en: &shared [parcel, package]
                    examples:
                      en: [where is my parcel]
                  - id: b
                    description: d
                    triggers:
                      en: *shared
                    examples:
                      en: [where is my package]
                """
        let result = PackParser().parse(yaml, file: "p.yaml", layer: .commandLine)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pack?.intents.last?.triggers.map(\.phrase) == ["parcel", "package"])
    }

    @Test func aByteOrderMarkIsAccepted() {
        let result = PackParser().parse("\u{FEFF}" + TestPack.yaml, file: "bom.yaml", layer: .commandLine)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pack != nil)
    }

    @Test func aDuplicateKeyIsReportedWhereItIs() {
        let yaml =
            header + """
                intents:
                  - id: a
                    description: d
                    description: e
                """
        let result = PackParser().parse(yaml, file: "p.yaml", layer: .commandLine)
        #expect(result.pack == nil)
        #expect(result.diagnostics.map(\.description) == ["p.yaml:8:5: error: duplicate key 'description' (first at line 7)"])
    }

    @Test func aDuplicateKeyInAConfigurationKeepsTheOtherKeys() {
        let yaml = """
            shop: 小鹿家居
            drafts: 3
            agent: 小美
            drafts:
              - 7
            region: HK
            """
        let composed = GuardedYAML.compose(yaml, file: "config.yaml", duplicateKeys: .keepFirst)
        #expect(composed.problems.map(\.description) == ["config.yaml:4:1: error: duplicate key 'drafts' (first at line 2); ignored"])
        guard case .mapping(let map)? = composed.root else { Issue.record("no tree"); return }
        #expect(map["shop"]?.string == "小鹿家居")
        #expect(map["drafts"]?.string == "3")
        #expect(map["agent"]?.string == "小美")
        #expect(map["region"]?.string == "HK")
        // Every other node keeps its position.
        #expect(map["region"]?.mark?.line == 6)
    }
}
