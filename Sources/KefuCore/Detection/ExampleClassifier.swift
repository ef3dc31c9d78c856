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
package struct ExampleClassifier: IntentDetector {
    package let id = CoreDetector.classifier.rawValue

    enum Label: Hashable, Sendable {
        case intent, counter, other
    }

    private struct Document: Sendable {
        var label: Label
        /// Index into `intents` for `.intent` and `.counter` labels, -1 for `other`.
        var intentIndex: Int
        var text: String
        var key: ExampleKey
        /// The example's weight (`ExampleMessage.weight`): its similarity to
        /// a message counts at this fraction.
        var weight: Float
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
    private let weights: [Float]
    /// Feature hash → position in `entries`.
    private let index: IntegerTable
    private let entries: [IndexEntry]
    private let postingDocs: [Int32]
    private let postingWeights: [Float]
    private let scratchPool: ClassifierScratchPool
    /// `like “<example>” (` per example, written once: evidence is built
    /// for every intent that scores, several per message.
    private let evidencePrefixes: [String]
    /// `other` examples by their folded text: a message that is exactly one
    /// of them is no shop intent, whatever words it shares with intents (a
    /// pasted menu label such as 待评价 or 我的订单). The pack author's
    /// answer for that exact message, as an intent's example is for its own.
    private let otherTexts: [String: [ExampleKey]]

    /// Similarities below this say nothing.
    static let floor: Double = 0.18
    /// Similarity at which the classifier is as sure as it gets.
    static let ceiling: Double = 0.75

    package init(library: SnippetLibrary, normalizer: TextNormalizer) {
        let intentIDs = library.intents.keys.sorted()
        let indexOf = Dictionary(uniqueKeysWithValues: intentIDs.enumerated().map { ($1, $0) })
        var all: [(example: ExampleMessage, label: Label, intent: String)] = []
        for intent in library.intents.values.sorted(by: { $0.id < $1.id }) {
            all += intent.examples.map { ($0, .intent, intent.id) }
            all += intent.counterExamples.map { ($0, .counter, intent.id) }
        }
        all += library.otherExamples.map { ($0, .other, otherIntentID) }
        let sources = all
        // Normalising and featurising every example is most of the build:
        // in chunks over both cores, results in input order.
        let chunks = stride(from: 0, to: sources.count, by: 512).map { $0..<min($0 + 512, sources.count) }
        let parsed = Concurrently.map(chunks) { range in
            range.compactMap { i -> (Document, [(feature: UInt64, weight: Float)])? in
                let (example, label, intent) = sources[i]
                let text = normalizer.normalize(example.text)
                guard !text.isEmpty else { return nil }
                let doc = Document(
                    label: label, intentIndex: indexOf[intent] ?? -1, text: example.text,
                    key: ExampleKey(intent: intent, folded: text.folded, builtIn: example.location.isBuiltIn),
                    weight: Float(example.weight))
                return (doc, TextFeatures.extract(text.scalars))
            }
        }.flatMap { $0 }
        let docs = parsed.map(\.0)

        // Features get dense ids; document frequencies, weights and postings
        // are then plain arrays (a dictionary per feature cost most of the
        // build with 11,000 examples).
        var ids = GrowingIntegerTable()
        var docFeatures: [[(id: Int32, tf: Float)]] = []
        docFeatures.reserveCapacity(parsed.count)
        var df: [Int32] = []
        for (_, vector) in parsed {
            var row: [(id: Int32, tf: Float)] = []
            row.reserveCapacity(vector.count)
            for (f, tf) in vector {
                let id = ids.id(for: f)
                if Int(id) == df.count { df.append(0) }
                df[Int(id)] += 1
                row.append((id, tf))
            }
            docFeatures.append(row)
        }
        let n = Float(max(parsed.count, 1))
        // Features in more than 100 examples say little to a nearest
        // neighbour and have the longest postings: leave them out, as stop
        // words, so a message costs about the same with 1,000 examples or
        // 50,000. (The linear model keeps them: it weighs them itself.)
        // Measured with the 11,000 built-in examples: 15% less time per
        // message than a limit of n/40, development-set accuracy unchanged.
        let commonLimit: Int32 = 100
        let fullIDF = df.map { d in logf((n + 1) / (Float(d) + 1)) + 1 }
        let idf = df.indices.map { df[$0] <= commonLimit ? fullIDF[$0] : 0 }

        // Postings by counting sort: count per feature, prefix sums, fill.
        var starts = [Int32](repeating: 0, count: df.count + 1)
        for (id, d) in df.enumerated() { starts[id + 1] = starts[id] + (d <= commonLimit ? d : 0) }
        var fill = starts
        var postingDocs = [Int32](repeating: 0, count: Int(starts[df.count]))
        var postingWeights = [Float](repeating: 0, count: Int(starts[df.count]))
        for (doc, row) in docFeatures.enumerated() {
            // Sublinear (square-root) term frequency × IDF, L2-normalised
            // over all of the example's features, the common ones included
            // although they have no postings: an example that is mostly
            // common words ("货到付款ok吗") keeps its length, so a message
            // sharing only its one rare word ("ok") is not its twin (1.00).
            var posted: Float = 0
            var norm: Float = 0
            for (id, tf) in row {
                let w = tf.squareRoot() * fullIDF[Int(id)]
                norm += w * w
                if idf[Int(id)] > 0 { posted += w * w }
            }
            guard posted > 0 else { continue }
            let scale = 1 / norm.squareRoot()
            for (id, tf) in row where idf[Int(id)] > 0 {
                let at = Int(fill[Int(id)])
                postingDocs[at] = Int32(doc)
                postingWeights[at] = tf.squareRoot() * idf[Int(id)] * scale
                fill[Int(id)] += 1
            }
        }
        var entries: [IndexEntry] = []
        var positions: [(key: UInt64, value: Int32)] = []
        for (id, key) in ids.keys.enumerated() where idf[id] > 0 {
            positions.append((key, Int32(entries.count)))
            entries.append(IndexEntry(idf: idf[id], start: starts[id], end: starts[id + 1]))
        }
        self.entries = entries
        self.postingDocs = postingDocs
        self.postingWeights = postingWeights
        self.documents = docs
        self.labels = docs.map(\.label)
        self.labelIntents = docs.map(\.intentIndex)
        self.weights = docs.map(\.weight)
        self.intents = intentIDs
        self.index = IntegerTable(positions)
        self.evidencePrefixes = docs.map { "like “\($0.text)” (" }
        // Full-weight ones only: an unconfirmed learned `other` is a neighbour
        // like any learned example, not an answer.
        self.otherTexts = Dictionary(grouping: docs.filter { $0.label == .other && $0.weight >= 1 }.map(\.key), by: \.folded)
        self.scratchPool = ClassifierScratchPool(documents: docs.count, intents: intentIDs.count)
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

    package func detect(_ message: DetectionInput) -> DetectorReport {
        if let keys = otherTexts[message.text.folded], keys.contains(where: { $0 != message.heldOutExample }) {
            return DetectorReport(noIntent: 1)
        }
        return scratchPool.withScratch { scratch in DetectorReport(signals: signals(message, scratch)) }
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
                    let s = scores[doc] * weights[doc]
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
