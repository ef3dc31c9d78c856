import Foundation
import KefuCore

/// Turns raw input records into messages, or into the reason they are bad.
/// Every message quotes input text only through `quoted`, so an error
/// record is safe to print whichever format carries it.
struct RecordDecoder {
    struct Message {
        var id: JSONWriter.Value
        var text: String
        var variables: [String: String]
        /// The thread the record belongs to (`"thread"`): records with the
        /// same id share carried values and a follow-up's intent. nil: the
        /// message is answered on its own.
        var thread: String? = nil
    }

    struct Failure: Error {
        var id: JSONWriter.Value
        var message: String
    }

    let format: InputFormat

    func decode(_ record: InputRecord) -> Result<Message, Failure> {
        let fallbackID = JSONWriter.Value.int(record.number)
        if record.oversized {
            return .failure(Failure(id: fallbackID, message: "record \(record.number) is larger than 1 MiB and was skipped"))
        }
        guard let text = String(validating: record.bytes, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidOffset(in: Data(record.bytes)) ?? 0
            return .failure(Failure(id: fallbackID, message: "record \(record.number) is not valid UTF-8 (byte \(offset + 1))"))
        }
        guard format == .jsonl else {
            return .success(Message(id: fallbackID, text: text, variables: [:]))
        }
        let value: JSONValue
        let loneSurrogates: [StrictJSONParser.LoneSurrogate]
        do {
            (value, loneSurrogates) = try StrictJSONParser.parse(record.bytes)
        } catch {
            return .failure(Failure(id: fallbackID, message: "record \(record.number) is not valid JSON: \(error.description)"))
        }
        guard case .object(let dict) = value else {
            return .failure(
                Failure(id: fallbackID, message: "record \(record.number) must be a JSON object like {\"id\": 1, \"text\": \"...\"}"))
        }
        var id = fallbackID
        switch dict["id"] {
        case nil, .null?: break
        case .string(let s)? where !loneSurrogates.contains(where: { $0.path == "id" }): id = .string(s)
        case .string?: break
        case .number(let n)?: id = .numberText(n)
        default:
            return .failure(Failure(id: fallbackID, message: "record \(record.number): \"id\" must be a string or a number"))
        }
        if let lone = loneSurrogates.first {
            return .failure(
                Failure(
                    id: id,
                    message:
                        "record \(record.number): \(lone.path) holds a lone surrogate \(lone.escape), which is not a character (a UTF-16 surrogate must come in a pair)"
                ))
        }
        guard case .string(let message)? = dict["text"] else {
            return .failure(Failure(id: id, message: "record \(record.number): \"text\" is missing or not a string"))
        }
        var variables: [String: String] = [:]
        switch dict["vars"] {
        case nil, .null?: break
        case .object(let vars)?:
            for (k, v) in vars.sorted(by: { $0.key < $1.key }) {
                switch v {
                case .string(let s): variables[k] = s
                case .number(let n): variables[k] = n  // as written: 1234567890123456789 stays itself
                default:
                    return .failure(
                        Failure(id: id, message: "record \(record.number): vars.\(Self.visible(k)) must be a string or a number"))
                }
            }
        default:
            return .failure(Failure(id: id, message: "record \(record.number): \"vars\" must be an object of strings"))
        }
        var thread: String?
        switch dict["thread"] {
        case nil, .null?: break
        case .string(let s)? where !s.isEmpty: thread = s
        case .number(let n)?: thread = n
        default:
            return .failure(Failure(id: id, message: "record \(record.number): \"thread\" must be a non-empty string or a number"))
        }
        for key in dict.keys.sorted() where !["id", "text", "vars", "thread"].contains(key) {
            return .failure(
                Failure(id: id, message: "record \(record.number): unknown key \(Self.quoted(key)) (expected id, text, vars, thread)"))
        }
        return .success(Message(id: id, text: message, variables: variables, thread: thread))
    }

    /// Input text in a message: controls shown (`^[`, `<U+202E>`), on one line.
    static func visible(_ s: String) -> String { OutputSanitizer.visible(s, lineBreaks: .show) }
    static func quoted(_ s: String) -> String { "\"" + visible(s) + "\"" }
}
