import Foundation

/// A value computed once on a thread of its own, from the moment it is
/// created; readers wait for what is left. The engine builds its
/// statistical detectors this way, so neither the first prompt nor a pack
/// reload waits for them: the first message that needs one does.
final class Pending<Value: Sendable>: @unchecked Sendable {
    // Unchecked: `result` is written once under `condition` and only read
    // under it afterwards.
    private let condition = NSCondition()
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = make()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}

/// A detector built in the background (`Pending`): it answers once built.
struct PendingDetector: IntentDetector {
    let id: String
    private let detector: Pending<any IntentDetector>

    init(id: String, _ make: @escaping @Sendable () -> any IntentDetector) {
        self.id = id
        self.detector = Pending(make)
    }

    func detect(_ message: DetectionInput) -> DetectorReport { detector.value.detect(message) }
}
