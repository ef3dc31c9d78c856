import Testing

@testable import KefuCore

@Suite struct NormalizerTests {
    let normalizer = TextNormalizer()

    @Test func fullWidthAndCaseAreFolded() {
        let t = normalizer.normalize("ＷＨＥＲＥ　ＩＳ  my Parcel？")
        #expect(t.folded == "where is my parcel?")
        #expect(t.language == .english)
    }

    @Test func traditionalIsFoldedToSimplified() {
        let t = normalizer.normalize("我的快遞到哪裡了？請幫我查一下物流")
        #expect(t.folded.contains("快递"))
        #expect(t.folded.contains("请帮我查一下物流"))
        #expect(t.language == .traditionalChinese)
    }

    @Test func simplifiedStaysSimplified() {
        let t = normalizer.normalize("亲，我的快递到哪了")
        #expect(t.language == .simplifiedChinese)
        #expect(t.folded == "亲,我的快递到哪了")
    }

    @Test func chineseWithLatinCodesIsChinese() {
        #expect(normalizer.normalize("这个SKU-A2231 XL码有货吗").language == .simplifiedChinese)
        #expect(normalizer.normalize("iPhone 15 Pro Max 的壳子有吗").language == .simplifiedChinese)
        #expect(normalizer.normalize("is 这个 available in red please").language == .english)
    }

    @Test func controlSequencesAreRemovedBeforeMatching() {
        let t = normalizer.normalize("where\u{1B}[31m is\u{1B}]52;c;ZXZpbA==\u{07} my\u{9B}2J parcel")
        #expect(t.folded == "where is my parcel")
    }

    @Test func emptyAndWhitespaceOnlyAreEmpty() {
        #expect(normalizer.normalize("").isEmpty)
        #expect(normalizer.normalize("  \n\t ").isEmpty)
    }
}

@Suite struct ControlSequenceTests {
    @Test func stripsCSIOSCDCSAndC1() {
        #expect(ControlSequences.strip("a\u{1B}[2J\u{1B}[1;31mb") == "ab")
        #expect(ControlSequences.strip("x\u{1B}]52;c;aGVsbG8=\u{07}y") == "xy")
        #expect(ControlSequences.strip("x\u{1B}]0;title\u{1B}\\y") == "xy")
        #expect(ControlSequences.strip("x\u{1B}Pq#0;2;0;0;0\u{1B}\\y") == "xy")
        #expect(ControlSequences.strip("x\u{9B}31my\u{9D}0;t\u{9C}z") == "xyz")
        #expect(ControlSequences.strip("bell\u{07}\u{08}\u{7F}") == "bell")
    }

    @Test func keepsTextNewlinesAndChinese() {
        #expect(ControlSequences.strip("第一行\r\n第二行\rthird\tcol") == "第一行\n第二行\nthird col")
        #expect(ControlSequences.strip("plain 文本 😀") == "plain 文本 😀")
    }

    @Test func unterminatedSequencesDoNotLeakTheirPayload() {
        #expect(ControlSequences.strip("ok\u{1B}]52;c;ZXZpbA==") == "ok")
        #expect(ControlSequences.strip("ok\u{1B}") == "ok")
    }
}
