import Dispatch
import KefuCore

/// Answers the records standard input already holds on every core, then
/// writes them in input order.
///
/// Why: one message costs about 60 µs on one core, so a script piping
/// 20,000 messages waited on one core while the others idled (measured
/// 2026-12-02, 2 cores: 1.28 s on one, see docs/architecture.md, *Speed*).
/// A batch is only what is already read: `kefu suggest` never waits for
/// more input to fill one, so a script that writes a line and waits for
/// its answer gets it at once. Records of a thread depend on the thread's
/// earlier records, and an external plugin answers one request at a time,
/// so a batch with either is answered in order on one core.
enum ParallelAnswers {
    /// Records answered together at most: enough to keep every core busy,
    /// few enough that output keeps streaming.
    static let batchLimit = 256

    /// `answer(i)` for every `i` in `0..<count`, in that order, computed on
    /// every core when `parallel`. Rendering belongs in `answer` too: the
    /// JSON or text of an answer costs a third of the answer itself.
    static func answers<Answer: Sendable>(count: Int, parallel: Bool, _ answer: @escaping @Sendable (Int) -> Answer) -> [Answer] {
        guard parallel, count > 1 else { return (0..<count).map(answer) }
        let slots = Slots<Answer>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.put(answer(i), at: i) }
        return slots.all()
    }

    /// One slot per record, each written by exactly one worker before
    /// `concurrentPerform` returns: no two workers touch the same slot.
    /// Raw memory, not an array property: writing through a class's array
    /// from several threads would be overlapping accesses to the property.
    private final class Slots<Answer>: @unchecked Sendable {
        private let values: UnsafeMutableBufferPointer<Answer?>
        init(count: Int) {
            values = .allocate(capacity: count)
            values.initialize(repeating: nil)
        }
        deinit {
            values.deinitialize()
            values.deallocate()
        }
        func put(_ a: Answer, at i: Int) { values[i] = a }
        func all() -> [Answer] { values.map { $0! } }
    }
}
