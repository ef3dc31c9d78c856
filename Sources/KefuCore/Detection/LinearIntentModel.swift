import Foundation

/// Multinomial logistic regression over the example classifier's n-gram
/// features (`TextFeatures`), with `other` as a class of its own.
///
/// Why a linear model beside the nearest neighbours: measured on real buyer
/// messages, neighbours barely use more examples (+1 point from 2,250 new
/// ones) while a linear model over the same features learns from them (+3 to
/// +9 points), and its `other` probability is what tells shop text from
/// everyday text (docs/architecture.md, "Detection"). Neighbours stay for
/// what they do well: a new example works the moment its pack is saved, and
/// their evidence is explainable.
///
/// Training is deterministic (fixed seed, fixed order of classes and
/// examples), so the same examples always give the same weights: the built-in
/// weights can be trained once and reused, and a cache keyed by the examples'
/// fingerprint is exact (`LinearModelStore`).
struct LinearIntentModel: Sendable {
    /// The library's intents in id order, then `other` last.
    let classes: [String]
    /// Feature hash → row of `weights`.
    private let rows: IntegerTable
    private let featureHashes: [UInt64]
    /// `featureHashes.count × classes.count`, row-major.
    private let weights: [Float]
    private let bias: [Float]

    var otherClass: Int { classes.count - 1 }

    /// A labelled training example: folded scalars and its class index.
    struct Example {
        var text: [UInt32]
        var label: Int
    }

    /// Settings chosen on the development sets (`../shared/eval`, the
    /// labelled fixture), never on the blind set.
    struct Training {
        var epochs = 20
        var learningRate: Float = 1.0
        /// The learning rate of epoch n is `learningRate / (1 + n × lrDecay)`.
        var lrDecay: Float = 0.2
        var l2: Float = 0.00002
        var seed: UInt64 = 0x6b65_6675
    }

    /// Sublinear term frequency, L2-normalised: a long message does not
    /// outvote a short one by length.
    static func features(_ text: [UInt32]) -> [(feature: UInt64, weight: Float)] {
        var f = TextFeatures.extract(text)
        var norm: Float = 0
        for i in f.indices {
            f[i].weight = f[i].weight.squareRoot()
            norm += f[i].weight * f[i].weight
        }
        guard norm > 0 else { return [] }
        let scale = 1 / norm.squareRoot()
        for i in f.indices { f[i].weight *= scale }
        return f
    }

    init(classes: [String], featureHashes: [UInt64], weights: [Float], bias: [Float]) {
        precondition(weights.count == featureHashes.count * classes.count && bias.count == classes.count)
        self.classes = classes
        self.featureHashes = featureHashes
        self.weights = weights
        self.bias = bias
        self.rows = IntegerTable(featureHashes.enumerated().map { (key: $1, value: Int32($0)) })
    }

    /// Class probabilities for a folded message (`classes` order), and the
    /// share (by squared weight) of its features the model was trained on:
    /// 0 for text it has never seen anything like.
    func predict(_ text: [UInt32]) -> (probabilities: [Double], known: Double) {
        let k = classes.count
        var logits = bias
        var known: Float = 0
        let feats = Self.features(text)
        weights.withUnsafeBufferPointer { w in
            logits.withUnsafeMutableBufferPointer { z in
                for (f, x) in feats {
                    guard let r = rows[f] else { continue }
                    known += x * x
                    let base = Int(r) * k
                    for c in 0..<k { z[c] += w[base + c] * x }
                }
            }
        }
        return (Self.softmax(logits), Double(known))
    }

    static func softmax(_ logits: [Float]) -> [Double] {
        let m = logits.max() ?? 0
        var e = logits.map { Double(expf($0 - m)) }
        let s = e.reduce(0, +)
        for i in e.indices { e[i] /= s }
        return e
    }

    /// Classes with at least this many examples train at full weight; a
    /// smaller one (a shop's own intent with five examples next to 3,000
    /// `other` ones) has each example count √(fullClass / n) times, at most
    /// `maxClassWeight`, so its own trigger words are not drowned by the
    /// `other` class. Every built-in intent has more than 300 examples even
    /// in a held-out fold: the built-in model is unaffected.
    static let fullClass = 100
    static let maxClassWeight: Float = 8

    /// Per class: how much each of its examples counts.
    static func classWeights(labels: [Int], classes: Int) -> [Float] {
        var counts = [Int](repeating: 0, count: classes)
        for l in labels { counts[l] += 1 }
        return counts.map { n in n == 0 || n >= fullClass ? 1 : min(maxClassWeight, (Float(fullClass) / Float(n)).squareRoot()) }
    }

    /// Stochastic gradient descent on the cross-entropy, examples in a
    /// seeded shuffled order each epoch, learning rate decaying per epoch, L2
    /// applied to the rows an example touches, small classes weighted up
    /// (`classWeights`).
    static func train(_ examples: [Example], classes: [String], settings: Training = Training()) -> LinearIntentModel {
        let k = classes.count
        let encoded = examples.map { (features: Self.features($0.text), label: $0.label) }
        var rowOf: [UInt64: Int32] = [:]
        var hashes: [UInt64] = []
        let sparse: [(rows: [Int32], values: [Float], label: Int)] = encoded.map { e in
            var r: [Int32] = [], v: [Float] = []
            for (f, x) in e.features {
                let row: Int32
                if let known = rowOf[f] {
                    row = known
                } else {
                    row = Int32(hashes.count)
                    rowOf[f] = row
                    hashes.append(f)
                }
                r.append(row)
                v.append(x)
            }
            return (r, v, e.label)
        }
        let classWeight = Self.classWeights(labels: sparse.map(\.label), classes: k)
        var w = [Float](repeating: 0, count: hashes.count * k)
        var b = [Float](repeating: 0, count: k)
        var order = Array(sparse.indices)
        var rng = settings.seed
        var z = [Float](repeating: 0, count: k)
        var g = [Float](repeating: 0, count: k)
        for epoch in 0..<settings.epochs {
            // Fisher-Yates with a 64-bit LCG: the same order on every machine.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let j = Int((rng >> 33) % UInt64(i + 1))
                order.swapAt(i, j)
            }
            let lr = settings.learningRate / (1 + Float(epoch) * settings.lrDecay)
            let decay = 1 - lr * settings.l2
            w.withUnsafeMutableBufferPointer { w in
                for n in order {
                    let e = sparse[n]
                    for c in 0..<k { z[c] = b[c] }
                    for (r, x) in zip(e.rows, e.values) {
                        let base = Int(r) * k
                        for c in 0..<k { z[c] += w[base + c] * x }
                    }
                    let m = z.max() ?? 0
                    var s: Float = 0
                    for c in 0..<k { g[c] = expf(z[c] - m); s += g[c] }
                    let weight = classWeight[e.label]
                    for c in 0..<k { g[c] = (g[c] / s - (c == e.label ? 1 : 0)) * weight }
                    for (r, x) in zip(e.rows, e.values) {
                        let base = Int(r) * k
                        for c in 0..<k { w[base + c] = w[base + c] * decay - lr * g[c] * x }
                    }
                    for c in 0..<k { b[c] -= lr * g[c] }
                }
            }
        }
        return LinearIntentModel(classes: classes, featureHashes: hashes, weights: w, bias: b)
    }

    // MARK: Storage

    /// Little-endian: magic, class count, class names, row count, hashes,
    /// bias, weights. Floats are stored exactly, so a loaded model answers
    /// byte for byte like the trained one.
    func serialized() -> [UInt8] {
        var out: [UInt8] = Array("KEFULM1\n".utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        u32(UInt32(classes.count))
        for c in classes { let b = Array(c.utf8); u32(UInt32(b.count)); out += b }
        u32(UInt32(featureHashes.count))
        featureHashes.map(\.littleEndian).withUnsafeBytes { out += $0 }
        bias.map { $0.bitPattern.littleEndian }.withUnsafeBytes { out += $0 }
        weights.map { $0.bitPattern.littleEndian }.withUnsafeBytes { out += $0 }
        return out
    }

    /// Reads `serialized()`. The arrays are copied in one move each (the
    /// format is little-endian, as every machine kefu builds for): a model
    /// of a few megabytes loads in about a millisecond.
    init?(serialized bytes: [UInt8]) {
        guard 1.littleEndian == 1 else { return nil }
        var p = 0
        func take(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, p + n <= bytes.count else { return nil }
            defer { p += n }
            return bytes[p..<(p + n)]
        }
        func u32() -> UInt32? { take(4).map { s in s.reversed().reduce(0) { $0 << 8 | UInt32($1) } } }
        func array<T>(_ count: Int, of: T.Type) -> [T]? {
            guard let raw = take(count * MemoryLayout<T>.stride) else { return nil }
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                raw.withUnsafeBytes { src in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: src)
                }
                initialized = count
            }
        }
        guard take(8).map(Array.init) == Array("KEFULM1\n".utf8), let nc = u32(), nc > 0, nc < 10_000 else { return nil }
        var classes: [String] = []
        for _ in 0..<nc {
            guard let len = u32(), let b = take(Int(len)), let s = String(bytes: b, encoding: .utf8) else { return nil }
            classes.append(s)
        }
        guard let nr = u32().map(Int.init), let hashes = array(nr, of: UInt64.self), let biasBits = array(Int(nc), of: UInt32.self),
            let weightBits = array(nr * Int(nc), of: UInt32.self), p == bytes.count
        else { return nil }
        self.init(
            classes: classes, featureHashes: hashes, weights: weightBits.map(Float.init(bitPattern:)),
            bias: biasBits.map(Float.init(bitPattern:)))
    }
}
