import KefuCore

/// Reads the buyer's mood: anger, insults and threats in Chinese and English,
/// repeated punctuation, shouting in capitals, and urgency.
///
/// Anger raises `complaint`, a bad-review or one-star threat raises
/// `bad_review` (the pack's own triggers usually do too), and both mark the
/// buyer upset, which moves apology drafts
/// first. Punctuation and capitals alone are weak: "status??" is impatience,
/// not a complaint; together with angry words they are strong.
package struct ToneDetector: IntentDetector {
    package let id = "tone"

    package init() {}

    package func detect(_ message: DetectionInput) -> DetectorReport {
        let text = message.text
        var anger = 0.0, urgency = 0.0, review = 0.0
        var cues: [String] = []

        let hits = ToneLexicon.shared.scan(text.scalars)
        for hit in hits {
            switch hit.kind {
            case .insult: anger += 0.55
            case .threat: anger += 0.5
            case .anger: anger += 0.35
            case .urgency: urgency += 0.4
            case .reviewThreat: review = 0.5
            }
            cues.append(hit.word)
        }

        let punctuation = Self.repeatedPunctuation(text.display)
        if punctuation.exclamations >= 3 {
            anger += 0.2; cues.append("!!!")
        } else if punctuation.exclamations == 2 {
            anger += 0.1; urgency += 0.1
        }
        if punctuation.questions >= 3 { anger += 0.15; urgency += 0.1; cues.append("???") }
        if Self.shoutedWords(text.display) >= 2 { anger += 0.25; cues.append("ALL CAPS") }

        anger = min(1, anger)
        urgency = min(1, urgency)
        // A review threat makes the buyer upset (apology first) but is the
        // bad_review intent's business, not a complaint of its own.
        let tone = ToneReading(anger: min(1, anger + review), urgency: urgency, cues: cues)
        var signals: [IntentSignal] = []
        if anger > 0 {
            // A lone "!!!" says little; words and threats carry the complaint.
            let score = anger >= 0.35 ? min(0.95, anger + 0.1) : anger * 0.5
            signals.append(
                IntentSignal(intent: "complaint", score: score, evidence: cues.map { Evidence(detector: id, detail: $0, weight: anger) }))
        }
        if review > 0 {
            signals.append(
                IntentSignal(intent: "bad_review", score: 0.6, evidence: cues.map { Evidence(detector: id, detail: $0, weight: review) }))
        }
        return DetectorReport(signals: signals, tone: tone)
    }

    /// Longest runs of `!`/`！` and `?`/`？` (full-width forms are already folded by NFKC).
    static func repeatedPunctuation(_ text: String) -> (exclamations: Int, questions: Int) {
        var bestBang = 0, bestQuestion = 0, bang = 0, question = 0
        for s in text.unicodeScalars {
            if s == "!" { bang += 1; bestBang = max(bestBang, bang) } else if s != " " { bang = 0 }
            if s == "?" { question += 1; bestQuestion = max(bestQuestion, question) } else if s != " " { question = 0 }
        }
        return (bestBang, bestQuestion)
    }

    /// Words of three or more capital letters ("WHERE IS MY ORDER"), ignoring
    /// codes with digits and common abbreviations.
    static let exemptCapitals: Set<String> = [
        "SKU", "USPS", "UPS", "DHL", "EMS", "COD", "VAT", "GST", "USD", "RMB", "CNY", "ASAP", "FEDEX", "OK", "ID", "PDF", "XL", "XXL",
        "XXXL", "SF", "YTO", "ZTO", "STO", "JD", "EU", "UK", "US", "TV", "LED", "USB",
    ]

    static func shoutedWords(_ text: String) -> Int {
        // Two shouted words need at least six capitals: most messages stop here.
        guard text.utf8.lazy.filter({ (0x41...0x5A).contains($0) }).count >= 6 else { return 0 }
        var count = 0
        var word: [UInt8] = []
        var hasLower = false
        func end() {
            if word.count >= 3 && !hasLower && word.allSatisfy({ (0x41...0x5A).contains($0) }),
                !exemptCapitals.contains(String(decoding: word, as: UTF8.self))
            {
                count += 1
            }
            word.removeAll(keepingCapacity: true); hasLower = false
        }
        for b in text.utf8 {
            if (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) {
                word.append(b)
            } else if (0x61...0x7A).contains(b) || b >= 0x80 {
                hasLower = true; word.append(b)
            } else {
                end()
            }
        }
        end()
        return count
    }
}

/// Registers the tone detector with the engine.
package struct ToneDetectorFactory: IntentDetectorFactory {
    package let id = "tone"
    package init() {}
    package func makeDetector(library: SnippetLibrary, normalizer: TextNormalizer) -> any IntentDetector { ToneDetector() }
}
