// libyaml's event parser, bundled with Yams. Yams composes a whole tree and
// then hashes every mapping's keys (expanded aliases included) before kefu
// sees a node, so what must be bounded has to be measured on the events first.
internal import CYaml

/// One pass over a YAML text's events, before Yams composes it: how many
/// nodes its aliases would add (a "billion laughs" file is a few hundred
/// bytes of anchors and aliases that expand to billions of nodes, and Yams'
/// duplicate-key check hashes them all), and where duplicate mapping keys are.
/// The pass costs one libyaml parse and allocates nothing per node.
struct YAMLEventScan {
    /// Nodes that aliases may add to a file, all aliases together. A pack
    /// that shares a list of triggers between intents adds thousands; a
    /// bomb adds billions. 100,000 nodes are walked in milliseconds.
    static let aliasNodeLimit = 100_000

    struct DuplicateKey {
        var key: String
        /// The repeated key (1-based, columns in Unicode scalars).
        var line: Int, column: Int
        var firstLine: Int
        /// From the repeated key to the end of its value: what to blank out
        /// to keep the first occurrence (scalar offsets into the text).
        var start: Int, end: Int
    }

    enum Outcome {
        case scanned(duplicates: [DuplicateKey])
        /// Aliases would add more than `aliasNodeLimit` nodes; at the alias
        /// that crossed it.
        case aliasLimit(line: Int, column: Int)
        /// libyaml could not read the text: Yams will say why, with its position.
        case syntaxError
    }

    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        var start: yaml_mark_t
        /// Nodes in this collection, aliases expanded (saturating).
        var size = 1
        var expectingKey = true
        var keys: [String: Int] = [:]
        var key: String?
        var keyMark = yaml_mark_t()
        var duplicateOf: Int?
    }

    static func scan(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .syntaxError }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

            var anchors: [String: Int] = [:]
            var aliasNodes = 0
            var stack: [Frame] = []
            var duplicates: [DuplicateKey] = []

            /// A finished node of `size` nodes, starting at `start`, ending at `end`, scalar text `key`.
            func finished(size: Int, anchor: String?, scalar: String?, start: yaml_mark_t, end: yaml_mark_t) {
                if let anchor { anchors[anchor] = size }
                guard !stack.isEmpty else { return }
                stack[stack.count - 1].size = min(stack[stack.count - 1].size + size, aliasNodeLimit + 1)
                guard stack[stack.count - 1].isMapping else { return }
                var frame = stack.removeLast()
                defer { stack.append(frame) }
                if frame.expectingKey {
                    frame.key = scalar
                    frame.keyMark = start
                    frame.duplicateOf = nil
                    if let scalar {
                        if let first = frame.keys[scalar] { frame.duplicateOf = first } else { frame.keys[scalar] = Int(start.line) + 1 }
                    }
                } else if let first = frame.duplicateOf, let key = frame.key {
                    duplicates.append(
                        DuplicateKey(
                            key: key, line: Int(frame.keyMark.line) + 1, column: Int(frame.keyMark.column) + 1,
                            firstLine: first, start: Int(frame.keyMark.index), end: Int(end.index)))
                }
                frame.expectingKey.toggle()
            }

            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return .syntaxError }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return .scanned(duplicates: duplicates)
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    finished(size: 1, anchor: Self.string(scalar.anchor), scalar: value, start: event.start_mark, end: event.end_mark)
                case YAML_ALIAS_EVENT:
                    let size = Self.string(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                    aliasNodes += size
                    if aliasNodes > aliasNodeLimit {
                        return .aliasLimit(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    }
                    finished(size: size, anchor: nil, scalar: nil, start: event.start_mark, end: event.end_mark)
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(Frame(isMapping: false, anchor: Self.string(event.data.sequence_start.anchor), start: event.start_mark))
                case YAML_MAPPING_START_EVENT:
                    stack.append(Frame(isMapping: true, anchor: Self.string(event.data.mapping_start.anchor), start: event.start_mark))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let frame = stack.removeLast()
                    finished(size: frame.size, anchor: frame.anchor, scalar: nil, start: frame.start, end: event.end_mark)
                default:
                    break
                }
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
