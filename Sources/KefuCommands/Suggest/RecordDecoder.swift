import Foundation
import KefuCore

/// Turns raw input records into messages, or into the reason they are bad.
struct RecordDecoder {
    struct Message {
        var id: JSONWriter.Value
        var text: String
        var variables: [String: String]
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
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(record.bytes))
        } catch {
            return .failure(Failure(id: fallbackID, message: "record \(record.number) is not valid JSON: \(Self.describe(error))"))
        }
        guard case .object(let dict) = value else {
            return .failure(Failure(id: fallbackID, message: "record \(record.number) must be a JSON object like {\"id\": 1, \"text\": \"...\"}"))
        }
        var id = fallbackID
        switch dict["id"] {
        case nil, .null?: break
        case .string(let s)?: id = .string(s)
        case .number(let n)?: id = n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .number(n)
        default:
            return .failure(Failure(id: fallbackID, message: "record \(record.number): \"id\" must be a string or a number"))
        }
        guard case .string(let message)? = dict["text"] else {
            return .failure(Failure(id: id, message: "record \(record.number): \"text\" is missing or not a string"))
        }
        var variables: [String: String] = [:]
        switch dict["vars"] {
        case nil, .null?: break
        case .object(let vars)?:
            for (k, v) in vars {
                switch v {
                case .string(let s): variables[k] = s
                case .number(let n): variables[k] = JSONValue.text(of: n)
                default:
                    return .failure(Failure(id: id, message: "record \(record.number): vars.\(k) must be a string or a number"))
                }
            }
        default:
            return .failure(Failure(id: id, message: "record \(record.number): \"vars\" must be an object of strings"))
        }
        for key in dict.keys.sorted() where !["id", "text", "vars"].contains(key) {
            return .failure(Failure(id: id, message: "record \(record.number): unknown key \"\(key)\" (expected id, text, vars)"))
        }
        return .success(Message(id: id, text: message, variables: variables))
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}
