/// Why a detector believes an intent is present.
package struct Evidence: Sendable, Hashable, Codable {
    /// The detector that produced it (`phrases`, `classifier`, `tone`, a plugin id).
    package var detector: String
    /// What it saw: a matched phrase, the nearest example, a tone cue.
    package var detail: String
    /// Its contribution, 0...1.
    package var weight: Double

    package init(detector: String, detail: String, weight: Double) {
        self.detector = detector
        self.detail = detail
        self.weight = weight
    }
}

/// One detector's opinion about one intent.
package struct IntentSignal: Sendable {
    package var intent: String
    /// Probability-like strength, 0...1.
    package var score: Double
    /// A veto lowers the intent's confidence instead of raising it
    /// (counter-triggers such as "不用退", "no need to return").
    package var isVeto: Bool
    package var evidence: [Evidence]

    package init(intent: String, score: Double, isVeto: Bool = false, evidence: [Evidence]) {
        self.intent = intent
        self.score = score
        self.isVeto = isVeto
        self.evidence = evidence
    }
}

/// The buyer's mood, read from wording, punctuation and capitals.
public struct ToneReading: Sendable, Hashable, Codable {
    /// Anger, insults and threats, 0...1.
    package var anger: Double
    /// Pressure to hurry, 0...1.
    package var urgency: Double
    /// What was seen ("!!!", "ALL CAPS", "骗子").
    package var cues: [String]

    package init(anger: Double = 0, urgency: Double = 0, cues: [String] = []) {
        self.anger = anger
        self.urgency = urgency
        self.cues = cues
    }

    /// Upset buyers get apology drafts first.
    package var upset: Bool { anger >= 0.35 }

    package static let calm = ToneReading()
}

/// What one detector reports for a message.
public struct DetectorReport: Sendable {
    package var signals: [IntentSignal]
    package var tone: ToneReading?
    /// How likely the message is no shop intent at all (the linear model's
    /// `other` probability), when the detector can tell. The combiner lets a
    /// lone phrase decide only when this is low.
    package var noIntent: Double?
    /// Intents `noIntent` says less about, with how much it counts for each
    /// (0...1; 1 for any intent not listed): the model cannot tell a shop's
    /// own intent with five examples from `other`, so its `other` reading
    /// must not silence that intent's trigger words.
    package var noIntentReach: [String: Double]

    package init(signals: [IntentSignal] = [], tone: ToneReading? = nil, noIntent: Double? = nil, noIntentReach: [String: Double] = [:]) {
        self.signals = signals
        self.tone = tone
        self.noIntent = noIntent
        self.noIntentReach = noIntentReach
    }
}
