/// An Aho-Corasick automaton over Unicode scalar values: finds every
/// occurrence of every phrase in one pass over the message, so matching costs
/// the same with ten phrases as with a hundred thousand.
struct PhraseAutomaton: Sendable {
    /// Transitions keyed by `state << 32 | scalar`, while building.
    private var next: [UInt64: Int32] = [:]
    /// The same transitions in the table the scan reads.
    private var transitions = IntegerTable([])
    private var fail: [Int32] = [0]
    /// Phrase ids ending at each state, including those reached by failure links.
    private var output: [[Int32]] = [[]]
    private(set) var phraseLengths: [Int] = []

    init(phrases: [[UInt32]]) {
        for (id, phrase) in phrases.enumerated() {
            var state: Int32 = 0
            for scalar in phrase {
                let key = UInt64(UInt32(state)) << 32 | UInt64(scalar)
                if let s = next[key] {
                    state = s
                } else {
                    let s = Int32(fail.count)
                    fail.append(0)
                    output.append([])
                    next[key] = s
                    state = s
                }
            }
            output[Int(state)].append(Int32(id))
            phraseLengths.append(phrase.count)
        }
        buildFailureLinks()
        transitions = IntegerTable(next.map { (key: $0.key, value: $0.value) })
        next = [:]
    }

    private mutating func buildFailureLinks() {
        // Children per state, to walk breadth-first.
        var children = Array(repeating: [(UInt32, Int32)](), count: fail.count)
        for (key, child) in next {
            children[Int(key >> 32)].append((UInt32(truncatingIfNeeded: key), child))
        }
        var queue: [Int32] = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let state = queue[head]; head += 1
            for (scalar, child) in children[Int(state)] {
                var f = fail[Int(state)]
                while true {
                    if let target = next[UInt64(UInt32(f)) << 32 | UInt64(scalar)], target != child {
                        fail[Int(child)] = target
                        break
                    }
                    if f == 0 { fail[Int(child)] = 0; break }
                    f = fail[Int(f)]
                }
                output[Int(child)] += output[Int(fail[Int(child)])]
                queue.append(child)
            }
        }
    }

    /// Calls `found(phraseID, start, end)` for every occurrence (end exclusive).
    func scan(_ text: [UInt32], _ found: (Int, Int, Int) -> Void) {
        var state: Int32 = 0
        for (i, scalar) in text.enumerated() {
            while true {
                if let s = transitions[UInt64(UInt32(state)) << 32 | UInt64(scalar)] { state = s; break }
                if state == 0 { break }
                state = fail[Int(state)]
            }
            for id in output[Int(state)] {
                let length = phraseLengths[Int(id)]
                found(Int(id), i + 1 - length, i + 1)
            }
        }
    }
}
