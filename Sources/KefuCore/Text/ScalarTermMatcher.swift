/// Finds any of a fixed set of terms in a text, ASCII case-insensitively,
/// leftmost-longest: where several terms start at one place the longest
/// wins, and the next match starts after it.
///
/// Draft checks run this on every draft shown, so it is one pass of a
/// deterministic automaton over the text's UTF-8 bytes: one table read per
/// byte, whatever the number of terms, nothing allocated unless a term is
/// found. (UTF-8 is self-synchronising: a term found in valid text always
/// starts and ends on scalar boundaries.) Bytes are first mapped to classes
/// (the bytes the terms use, upper-case ASCII folded onto lower case, and one
/// class for every other byte), which keeps the table small.
package struct ScalarTermMatcher: Sendable {
    /// One term found: its text as written in the scanned string, its label,
    /// and where it is (UTF-8 offsets).
    package struct Match: Sendable, Hashable {
        package var term: String
        package var label: String
        package var utf8Range: Range<Int>
    }

    package var isEmpty: Bool { lengths.isEmpty }

    /// Byte → class; 0 for bytes no term uses.
    private let classOf: [UInt8]
    private let classCount: Int
    /// `state * classCount + class` → next state; the top bit is set when
    /// the next state ends a term.
    private let table: [UInt32]
    /// Per state: the terms ending there (including through failure links).
    private let endings: [[Int32]]
    private let lengths: [Int]
    private let labels: [String]

    static let endsTerm: UInt32 = 1 << 31

    /// - Parameter terms: (term, label) pairs; an empty label marks an
    ///   allow-listed term that is consumed but not reported.
    package init(_ terms: [(String, String)]) {
        let kept = terms.filter { !$0.0.isEmpty }
        let folded = kept.map { $0.0.utf8.map(Self.fold) }
        lengths = folded.map(\.count)
        labels = kept.map(\.1)

        var classOf = [UInt8](repeating: 0, count: 256)
        var classes = 1
        for bytes in folded {
            for b in bytes where classOf[Int(b)] == 0 {
                // More than 255 distinct bytes cannot occur in valid UTF-8 terms.
                classOf[Int(b)] = UInt8(classes)
                classes += 1
            }
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classOf[Int(upper)] = classOf[Int(upper | 0x20)] }
        self.classOf = classOf
        self.classCount = classes

        // The trie, with -1 for a missing edge.
        var edges = [Int32](repeating: -1, count: classes)
        var endings: [[Int32]] = [[]]
        for (id, bytes) in folded.enumerated() {
            var state = 0
            for b in bytes {
                let slot = state * classes + Int(classOf[Int(b)])
                if edges[slot] < 0 {
                    edges[slot] = Int32(endings.count)
                    endings.append([])
                    edges += [Int32](repeating: -1, count: classes)
                }
                state = Int(edges[slot])
            }
            endings[state].append(Int32(id))
        }
        // Breadth first, missing edges become the failure state's edges, so
        // scanning never follows a failure link.
        var fail = [Int](repeating: 0, count: endings.count)
        var queue: [Int] = []
        for c in 0..<classes {
            if edges[c] < 0 { edges[c] = 0 } else { queue.append(Int(edges[c])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for c in 0..<classes {
                let slot = state * classes + c
                let viaFailure = edges[fail[state] * classes + c]
                if edges[slot] < 0 {
                    edges[slot] = viaFailure
                } else {
                    let child = Int(edges[slot])
                    fail[child] = Int(viaFailure)
                    endings[child] += endings[Int(viaFailure)]
                    queue.append(child)
                }
            }
        }
        self.table = edges.map { UInt32($0) | (endings[Int($0)].isEmpty ? 0 : Self.endsTerm) }
        self.endings = endings
    }

    /// ASCII upper case to lower case; every other byte is left alone.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Each matching term with its label, in order of appearance.
    package func matches(in text: String) -> [Match] {
        if lengths.isEmpty { return [] }
        var text = text
        return text.withUTF8 { buf in
            // Every occurrence, as (start, term), then leftmost-longest among them.
            var found: [(start: Int, term: Int)] = []
            classOf.withUnsafeBufferPointer { classOf in
                table.withUnsafeBufferPointer { table in
                    var state = 0
                    for i in 0..<buf.count {
                        let next = table[state &* classCount &+ Int(classOf[Int(buf[i])])]
                        state = Int(next & ~Self.endsTerm)
                        if next & Self.endsTerm != 0 {
                            for t in endings[state] { found.append((i + 1 - lengths[Int(t)], Int(t))) }
                        }
                    }
                }
            }
            guard !found.isEmpty else { return [] }
            // By place, longest first; between equal terms the one listed first.
            found.sort { ($0.start, lengths[$1.term], $0.term) < ($1.start, lengths[$0.term], $1.term) }
            var result: [Match] = []
            var resume = 0
            for (start, t) in found where start >= resume {
                let end = start + lengths[t]
                resume = end
                if labels[t].isEmpty { continue }
                result.append(
                    Match(
                        term: String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self), label: labels[t],
                        utf8Range: start..<end))
            }
            return result
        }
    }
}
