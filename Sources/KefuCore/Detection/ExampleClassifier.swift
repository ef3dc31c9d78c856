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
        case intent, counter, other
    }

    private struct Document: Sendable {
        var label: Label
        /// Index into `intents` for `.intent` and `.counter` labels, -1 for `other`.
        var intentIndex: Int
        var text: String
        var key: ExampleKey
    }

    /// Intent ids, so per-message bookkeeping is by array index, not string hash.
    private let intents: [String]

    /// Per feature: its inverse document frequency and where its postings
    /// (the examples that have it) sit in the flat posting arrays. Flat
    /// arrays, not an array per feature: the per-message loop then retains
    /// nothing and walks contiguous memory.
    private struct IndexEntry: Sendable {
        var idf: Float
        var start: Int32
        var end: Int32
    }

    private let documents: [Document]
    /// `documents[i].label` and `.intentIndex` as flat arrays: the per-message
    /// loop reads these without copying a document (and retaining its strings).
    private let labels: [Label]
    private let labelIntents: [Int]
    /// Feature hash → position in `entries`.
    private let index: IntegerTable
    private let entries: [IndexEntry]
    private let postingDocs: [Int32]
    private let postingWeights: [Float]
    private let scratchPool: ClassifierScratchPool
    /// `like “<example>” (` per example, written once: evidence is built
    /// for every intent that scores, several per message.
    private let evidencePrefixes: [String]

    /// Similarities below this say nothing.
    static let floor: Double = 0.18
    /// Similarity at which the classifier is as sure as it gets.
    static let ceiling: Double = 0.75

    public init(library: SnippetLibrary, normalizer: TextNormalizer) {
        var docs: [Document] = []
        var vectors: [[(feature: UInt64, weight: Float)]] = []
        let intentIDs = library.intents.keys.sorted()
        let indexOf = Dictionary(uniqueKeysWithValues: intentIDs.enumerated().map { ($1, $0) })
        func add(_ example: ExampleMessage, _ label: Label, intent: String) {
            let text = normalizer.normalize(example.text)
            guard !text.isEmpty else { return }
            docs.append(Document(label: label, intentIndex: indexOf[intent] ?? -1, text: example.text, key: ExampleKey(intent: intent, folded: text.folded)))
            vectors.append(TextFeatures.extract(text.scalars))
        }
        for intent in library.intents.values.sorted(by: { $0.id < $1.id }) {
            for e in intent.examples { add(e, .intent, intent: intent.id) }
            for e in intent.counterExamples { add(e, .counter, intent: intent.id) }
        }
        for e in library.otherExamples { add(e, .other, intent: otherIntentID) }

        var df: [UInt64: Int] = [:]
        for v in vectors { for f in v { df[f.feature, default: 0] += 1 } }
        let n = Float(max(vectors.count, 1))
        // Features in more than 100 examples say little to a nearest
        // neighbour and have the longest postings: leave them out, as stop
        // words, so a message costs about the same with 1,000 examples or
        // 50,000. (The linear model keeps them: it weighs them itself.)
        // Measured with the 11,000 built-in examples: 15% less time per
        // message than a limit of n/40, development-set accuracy unchanged.
        let commonLimit = 100
        var idf: [UInt64: Float] = [:]
        for (f, d) in df where d <= commonLimit { idf[f] = logf((n + 1) / (Float(d) + 1)) + 1 }

        var postings: [UInt64: [(doc: Int32, weight: Float)]] = [:]
        for (i, v) in vectors.enumerated() {
            for (f, w) in Self.weigh(v, idf: idf) { postings[f, default: []].append((Int32(i), w)) }
        }
        var entries: [IndexEntry] = []
        var positions: [(key: UInt64, value: Int32)] = []
        entries.reserveCapacity(postings.count)
        var postingDocs: [Int32] = [], postingWeights: [Float] = []
        for (f, list) in postings {
            let start = Int32(postingDocs.count)
            for (d, w) in list { postingDocs.append(d); postingWeights.append(w) }
            positions.append((f, Int32(entries.count)))
            entries.append(IndexEntry(idf: idf[f] ?? 0, start: start, end: Int32(postingDocs.count)))
        }
        self.entries = entries
        self.postingDocs = postingDocs
        self.postingWeights = postingWeights
        self.documents = docs
        self.labels = docs.map(\.label)
        self.labelIntents = docs.map(\.intentIndex)
        self.intents = intentIDs
        self.index = IntegerTable(positions)
        self.evidencePrefixes = docs.map { "like “\($0.text)” (" }
        self.scratchPool = ClassifierScratchPool(documents: docs.count, intents: intentIDs.count)
    }

    /// Sublinear (square-root) term frequency × IDF, L2-normalised. Features
    /// not in the index are dropped. Used at training time.
    private static func weigh(_ tf: [(feature: UInt64, weight: Float)], idf: [UInt64: Float]) -> [(UInt64, Float)] {
        var out: [(UInt64, Float)] = []
        var norm: Float = 0
        for (f, t) in tf {
            guard let i = idf[f] else { continue }
            let w = t.squareRoot() * i
            out.append((f, w))
            norm += w * w
        }
        guard norm > 0 else { return [] }
        let scale = 1 / norm.squareRoot()
        return out.map { ($0.0, $0.1 * scale) }
    }

    /// Cosine similarity of the message to every example it shares a feature
    /// with: fills `scratch.scores` and `scratch.touchedDocs`.
    @inline(__always)
    private func scoreNeighbours(_ message: DetectionInput, into scratch: ClassifierScratch) {
        // One index lookup per distinct feature: weight and norm first, then the postings.
        let features = TextFeatures.extract(message.text.scalars)
        var hits: [(entry: IndexEntry, weight: Float)] = []
        hits.reserveCapacity(features.count)
        var norm: Float = 0
        for (f, t) in features {
            guard let position = index[f] else { continue }
            let entry = entries[Int(position)]
            let w = t.squareRoot() * entry.idf
            hits.append((entry, w))
            norm += w * w
        }
        guard norm > 0 else { return }
        let scale = 1 / norm.squareRoot()
        // Dense scores plus the list of documents touched (a buffer with room
        // for every document, so the loop never grows an array): no hashing
        // per posting.
        var count = scratch.touchedCount
        defer { scratch.touchedCount = count }
        scratch.touchedDocs.withUnsafeMutableBufferPointer { touched in
            scratch.scores.withUnsafeMutableBufferPointer { scores in
                postingDocs.withUnsafeBufferPointer { docs in
                    postingWeights.withUnsafeBufferPointer { weights in
                        for (entry, w) in hits {
                            let qw = w * scale
                            for p in Int(entry.start)..<Int(entry.end) {
                                let doc = Int(docs[p])
                                if scores[doc] == 0 { touched[count] = docs[p]; count &+= 1 }
                                scores[doc] += qw * weights[p]
                            }
                        }
                    }
                }
            }
        }
    }

    public func detect(_ message: DetectionInput) -> DetectorReport {
        scratchPool.withScratch { scratch in DetectorReport(signals: signals(message, scratch)) }
    }

    private func signals(_ message: DetectionInput, _ scratch: ClassifierScratch) -> [IntentSignal] {
        scoreNeighbours(message, into: scratch)
        // The two nearest examples of each intent: one lucky neighbour is weaker
        // evidence than two.
        var other: Float = 0
        // A local in the loop, not a class property; moved out (not copied)
        // so that appending to it does not copy the array.
        var touchedIntents = scratch.touchedIntents
        scratch.touchedIntents = []
        scratch.tallies.withUnsafeMutableBufferPointer { tallies in
            scratch.scores.withUnsafeBufferPointer { scores in
                for doc in scratch.touchedDocs[..<scratch.touchedCount] {
                    let doc = Int(doc)
                    if let held = message.heldOutExample, documents[doc].key == held { continue }
                    let s = scores[doc]
                    let i = labelIntents[doc]
                    switch labels[doc] {
                    case .intent:
                        if !tallies[i].touched { touchedIntents.append(i) }
                        if s > tallies[i].first {
                            tallies[i].second = tallies[i].first
                            tallies[i].first = s
                            tallies[i].nearest = Int32(doc)
                        } else if s > tallies[i].second {
                            tallies[i].second = s
                        }
                    case .counter:
                        if !tallies[i].touched { touchedIntents.append(i) }
                        tallies[i].counter = max(tallies[i].counter, s)
                    case .other: other = max(other, s)
                    }
                }
            }
        }
        touchedIntents.sort()  // signals in intent order: stable output
        scratch.touchedIntents = touchedIntents
        var top = 0.0
        for i in scratch.touchedIntents where scratch.tallies[i].nearest >= 0 {
            top = max(top, Self.blend(scratch.tallies[i].first, scratch.tallies[i].second))
        }
        var signals: [IntentSignal] = []
        for i in scratch.touchedIntents {
            let t = scratch.tallies[i]
            guard t.nearest >= 0 else { continue }
            var s = Self.blend(t.first, t.second)
            // Closer to what this intent is not than to what it is: discount.
            // Closer to another intent: discount too, so shared wording ("where
            // is my ...") does not make every intent that uses it a candidate.
            Self.discount(&s, below: Double(other))
            Self.discount(&s, below: Double(t.counter))
            Self.discount(&s, below: top)
            let score = min(1, max(0, (s - Self.floor) / (Self.ceiling - Self.floor)))
            guard score > 0 else { continue }
            let evidence = Evidence(detector: id, detail: evidencePrefixes[Int(t.nearest)] + Self.twoDecimals(t.first) + ")", weight: score)
            signals.append(IntentSignal(intent: intents[i], score: score, evidence: [evidence]))
        }
        return signals
    }

    /// "0.81": `String(format:)` costs microseconds on Linux, this costs nanoseconds.
    static func twoDecimals(_ x: Float) -> String {
        let hundredths = Int((x * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    @inline(__always)
    private static func discount(_ s: inout Double, below rival: Double) {
        if rival > s { s *= (s / rival) * (s / rival) }
    }

    private static func blend(_ first: Float, _ second: Float) -> Double {
        Double(0.75 * first + 0.25 * second)
    }
}
