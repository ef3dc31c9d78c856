import Foundation

/// A statistical intent classifier trained at load time from the packs'
/// examples: TF-IDF weighted n-grams (`TextFeatures`) and nearest neighbours
/// by cosine similarity, through an inverted index so a message only touches
/// the examples it shares features with.
///
/// Nearest neighbours rather than a trained linear model: training is one pass
/// of counting (start-up stays in milliseconds with thousands of examples), a
/// new example works the moment a pack is saved, and the evidence is
/// explainable ("closest to the example 快递到哪了"). Counter-examples and
/// `other` examples are neighbours too: when a message is closer to them than
/// to an intent's examples, that intent is discounted.
public struct ExampleClassifier: IntentDetector {
    public let id = "classifier"

    enum Label: Hashable, Sendable {
        case intent(String)
        case counter(String)
        case other
    }

    private struct Document: Sendable {
        var label: Label
        var text: String
        var key: ExampleKey
    }

    private let documents: [Document]
    private let postings: [UInt64: [(doc: Int32, weight: Float)]]
    private let idf: [UInt64: Float]

    /// Similarities below this say nothing.
    static let floor: Double = 0.18
    /// Similarity at which the classifier is as sure as it gets.
    static let ceiling: Double = 0.75

    public init(library: SnippetLibrary, normalizer: TextNormalizer) {
        var docs: [Document] = []
        var vectors: [[UInt64: Float]] = []
        func add(_ example: ExampleMessage, _ label: Label, intent: String) {
            let text = normalizer.normalize(example.text)
            guard !text.isEmpty else { return }
            docs.append(Document(label: label, text: example.text, key: ExampleKey(intent: intent, folded: text.folded)))
            vectors.append(TextFeatures.extract(text.scalars))
        }
        for intent in library.intents.values.sorted(by: { $0.id < $1.id }) {
            for e in intent.examples { add(e, .intent(intent.id), intent: intent.id) }
            for e in intent.counterExamples { add(e, .counter(intent.id), intent: intent.id) }
        }
        for e in library.otherExamples { add(e, .other, intent: otherIntentID) }

        var df: [UInt64: Int] = [:]
        for v in vectors { for f in v.keys { df[f, default: 0] += 1 } }
        let n = Float(max(vectors.count, 1))
        var idf: [UInt64: Float] = [:]
        for (f, d) in df { idf[f] = logf((n + 1) / (Float(d) + 1)) + 1 }

        var postings: [UInt64: [(doc: Int32, weight: Float)]] = [:]
        for (i, v) in vectors.enumerated() {
            let weighted = Self.weigh(v, idf: idf)
            for (f, w) in weighted { postings[f, default: []].append((Int32(i), w)) }
        }
        self.documents = docs
        self.postings = postings
        self.idf = idf
    }

    /// Sublinear (square-root) term frequency × IDF, L2-normalised. Unknown features are dropped.
    private static func weigh(_ tf: [UInt64: Float], idf: [UInt64: Float]) -> [UInt64: Float] {
        var out: [UInt64: Float] = [:]
        var norm: Float = 0
        for (f, t) in tf {
            guard let i = idf[f] else { continue }
            let w = t.squareRoot() * i
            out[f] = w
            norm += w * w
        }
        guard norm > 0 else { return [:] }
        let scale = 1 / norm.squareRoot()
        for f in out.keys { out[f]! *= scale }
        return out
    }

    /// Cosine similarity of the message to every example it shares a feature with.
    func neighbours(_ message: DetectionInput) -> [(doc: Int, similarity: Float)] {
        let query = Self.weigh(TextFeatures.extract(message.text.scalars), idf: idf)
        var scores: [Int32: Float] = [:]
        scores.reserveCapacity(64)
        for (f, w) in query {
            guard let list = postings[f] else { continue }
            for (doc, dw) in list { scores[doc, default: 0] += w * dw }
        }
        var result: [(Int, Float)] = []
        result.reserveCapacity(scores.count)
        for (doc, s) in scores {
            if let held = message.heldOutExample, documents[Int(doc)].key == held { continue }
            result.append((Int(doc), s))
        }
        return result
    }

    public func detect(_ message: DetectionInput) -> DetectorReport {
        // The two nearest examples of each intent: one lucky neighbour is weaker
        // evidence than two.
        var best: [String: (first: Float, second: Float, doc: Int)] = [:]
        var counter: [String: Float] = [:]
        var other: Float = 0
        for (doc, s) in neighbours(message) {
            switch documents[doc].label {
            case .intent(let i):
                var b = best[i] ?? (0, 0, doc)
                if s > b.first { b = (s, b.first, doc) } else if s > b.second { b.second = s }
                best[i] = b
            case .counter(let i): counter[i] = max(counter[i] ?? 0, s)
            case .other: other = max(other, s)
            }
        }
        let top = best.values.map { Self.blend($0.first, $0.second) }.max() ?? 0
        var signals: [IntentSignal] = []
        for (intent, b) in best {
            var s = Self.blend(b.first, b.second)
            // Closer to what this intent is not than to what it is: discount.
            // Closer to another intent: discount too, so shared wording ("where
            // is my ...") does not make every intent that uses it a candidate.
            for rival in [Double(other), Double(counter[intent] ?? 0), top] where rival > s {
                s *= (s / rival) * (s / rival)
            }
            let score = min(1, max(0, (s - Self.floor) / (Self.ceiling - Self.floor)))
            guard score > 0 else { continue }
            let evidence = Evidence(detector: id, detail: "like “\(documents[b.doc].text)” (\(String(format: "%.2f", b.first)))", weight: score)
            signals.append(IntentSignal(intent: intent, score: score, evidence: [evidence]))
        }
        return DetectorReport(signals: signals)
    }

    private static func blend(_ first: Float, _ second: Float) -> Double {
        Double(0.75 * first + 0.25 * second)
    }
}
