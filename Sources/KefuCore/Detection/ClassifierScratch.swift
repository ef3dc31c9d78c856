import Synchronization

/// The classifier's per-message work arrays (one score per example, one
/// tally per intent), kept between messages. Zeroing and allocating them
/// afresh costs more than the search itself once a library has thousands of
/// examples; a used set is cleaned by resetting only the entries it touched.
final class ClassifierScratch: @unchecked Sendable {
    // Unchecked: a scratch is used by one call at a time, between `take` and
    // `give` on its pool, which hand it over under a lock.
    var scores: [Float]
    /// The documents with a score, in `touchedDocs[..<touchedCount]`: room
    /// for every document, so filling it never reallocates.
    var touchedDocs: [Int32]
    var touchedCount = 0
    var tallies: [IntentTally]
    var touchedIntents: [Int] = []

    init(documents: Int, intents: Int) {
        scores = [Float](repeating: 0, count: documents)
        touchedDocs = [Int32](repeating: 0, count: documents)
        tallies = [IntentTally](repeating: IntentTally(), count: intents)
        touchedIntents.reserveCapacity(32)
    }

    /// Back to all zeros, touching only what the last message touched (through
    /// buffer pointers: element by element, each write to a class's array
    /// property is an access check of its own).
    func reset() {
        let n = touchedCount
        touchedDocs.withUnsafeBufferPointer { touched in
            scores.withUnsafeMutableBufferPointer { scores in
                for d in touched[..<n] { scores[Int(d)] = 0 }
            }
        }
        for i in touchedIntents { tallies[i] = IntentTally() }
        touchedCount = 0
        touchedIntents.removeAll(keepingCapacity: true)
    }
}

/// Per intent while scanning neighbours: the two nearest examples and the
/// nearest counter-example.
struct IntentTally {
    var first: Float = 0
    var second: Float = 0
    var counter: Float = 0
    var nearest: Int32 = -1
    var touched: Bool { nearest >= 0 || counter > 0 }
}

/// Clean scratches for concurrent callers: as many as calls ever overlapped.
final class ClassifierScratchPool: Sendable {
    private let documents: Int
    private let intents: Int
    private let free = Mutex<[ClassifierScratch]>([])

    init(documents: Int, intents: Int) {
        self.documents = documents
        self.intents = intents
    }

    func withScratch<R>(_ body: (ClassifierScratch) -> R) -> R {
        let scratch = free.withLock { $0.popLast() } ?? ClassifierScratch(documents: documents, intents: intents)
        defer {
            scratch.reset()
            free.withLock { $0.append(scratch) }
        }
        return body(scratch)
    }
}
