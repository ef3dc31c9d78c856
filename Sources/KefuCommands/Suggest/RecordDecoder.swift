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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(record.bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(Failure(id: fallbackID, message: "record \(record.number) is not valid JSON: \(Self.describe(error))"))
        }
        guard let dict = object as? [String: Any] else {
            return .failure(Failure(id: fallbackID, message: "record \(record.number) must be a JSON object like {\"id\": 1, \"text\": \"...\"}"))
        }
        var id = fallbackID
        switch dict["id"] {
        case nil, is NSNull: break
        case let s as String: id = .string(s)
        case is Bool:
            return .failure(Failure(id: fallbackID, message: "record \(record.number): \"id\" must be a string or a number"))
        case let n as NSNumber:
            id = n.doubleValue == n.doubleValue.rounded() && abs(n.doubleValue) < 1e15 ? .int(n.intValue) : .number(n.doubleValue)
        default:
            return .failure(Failure(id: fallbackID, message: "record \(record.number): \"id\" must be a string or a number"))
        }
        guard let message = dict["text"] as? String else {
            return .failure(Failure(id: id, message: "record \(record.number): \"text\" is missing or not a string"))
        }
        var variables: [String: String] = [:]
        if let vars = dict["vars"], !(vars is NSNull) {
            guard let vars = vars as? [String: Any] else {
                return .failure(Failure(id: id, message: "record \(record.number): \"vars\" must be an object of strings"))
            }
            for (k, v) in vars {
                switch v {
                case let s as String: variables[k] = s
                case let n as NSNumber: variables[k] = n.stringValue
                default:
                    return .failure(Failure(id: id, message: "record \(record.number): vars.\(k) must be a string or a number"))
                }
            }
        }
        for key in dict.keys where !["id", "text", "vars"].contains(key) {
            return .failure(Failure(id: id, message: "record \(record.number): unknown key \"\(key)\" (expected id, text, vars)"))
        }
        return .success(Message(id: id, text: message, variables: variables))
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}
