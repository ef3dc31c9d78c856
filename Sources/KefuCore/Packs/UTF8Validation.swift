import Foundation

/// Finding where UTF-8 goes wrong, for messages that point at it.
package enum UTF8Validation {
    package static func firstInvalidOffset(in data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            let prefix = Array(bytes[i..<(i + length)])
            if String(validating: prefix, as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }

    package static func lineColumn(ofByte offset: Int, in data: Data) -> (Int, Int) {
        SourceLocation.lineColumn(of: offset, in: data, newline: 0x0A) { $0 & 0xC0 != 0x80 }
    }
}
