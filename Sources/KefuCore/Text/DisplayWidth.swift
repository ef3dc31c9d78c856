import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many terminal columns text takes, and line wrapping that knows Chinese
/// characters take two, Latin words must not be split, and a Chinese line
/// must not start with a comma or a full stop.
///
/// Widths come from the C library's `wcwidth` under the UTF-8 locale the REPL
/// sets, the same table libedit uses to draw the line being edited, so what
/// kefu prints lines up with what libedit draws. Shared by the REPL and the
/// commands that draw for a terminal (`kefu stats`).
package enum DisplayWidth {
    /// The C library's `wcwidth`, looked up once: Swift's Glibc module does
    /// not declare it (`<wchar.h>` hides it outside `_XOPEN_SOURCE`), and the
    /// core must not link libedit for one function.
    private static let wcwidth: (@convention(c) (Int32) -> Int32)? = {
        #if canImport(Darwin)
            let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
            let handle: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(handle, "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        let w = wcwidth.map { Int($0(Int32(bitPattern: v))) } ?? -1
        if w >= 0 { return w }
        // Unknown to the C library (or no UTF-8 locale): the common wide ranges.
        return isWide(v) ? 2 : (v >= 0xA0 ? 1 : 0)
    }

    package static func of(_ character: Character) -> Int {
        var w = 0
        for s in character.unicodeScalars { w += of(s) }
        return w
    }

    package static func of<S: StringProtocol>(_ text: S) -> Int {
        var w = 0
        for s in text.unicodeScalars { w += of(s) }
        return w
    }

    package static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// Characters a line should not start with (closing punctuation).
    package static let noLineStart: Set<Character> = Set("，。！？、；：）」』】〉》…～,.!?;:)]}%’”·ー")
    /// Characters a line should not end with (opening brackets).
    package static let noLineEnd: Set<Character> = Set("（「『【〈《“‘([{")

    /// Text shortened to `width` columns, with `…` when something was cut.
    package static func truncate(_ text: String, width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > max(0, width - 1) { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `text` broken into lines of at most `width` columns. Line breaks in the
    /// text are kept; a blank line stays blank. Latin words and ⟨placeholders⟩
    /// move to the next line whole (unless longer than a line); Chinese breaks
    /// between any two characters, except before closing punctuation.
    package static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 4)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), width: width)
        }
        return lines
    }

    private enum Unit {
        case space(String)
        case word(String)
    }

    private static func units(_ text: String) -> [Unit] {
        var units: [Unit] = []
        var word = ""
        var inPlaceholder = false
        func flush() {
            if !word.isEmpty { units.append(.word(word)); word = "" }
        }
        for c in text {
            if inPlaceholder {
                word.append(c)
                if c == "⟩" { inPlaceholder = false }
                continue
            }
            if c == " " || c == "\u{3000}" {
                flush()
                if case .space(let s)? = units.last {
                    units[units.count - 1] = .space(s + String(c))
                } else {
                    units.append(.space(String(c)))
                }
                continue
            }
            if c == "⟨" {
                if let last = word.last, noLineEnd.contains(last) {} else { flush() }
                word.append(c)
                inPlaceholder = true
                continue
            }
            let wide = of(c) >= 2
            if noLineStart.contains(c) {
                // Glued to what precedes it.
                if word.isEmpty, case .word(let w)? = units.last {
                    units[units.count - 1] = .word(w + String(c))
                } else {
                    word.append(c)
                }
                continue
            }
            if wide {
                // A Chinese character is a unit of its own, unless it follows an
                // opening bracket.
                if let last = word.last, noLineEnd.contains(last) {
                    word.append(c)
                } else {
                    flush()
                    word.append(c)
                    if !noLineEnd.contains(c) { flush() }
                }
                continue
            }
            // Latin: a word grows until a space or a wide character.
            if let last = word.last, of(last) >= 2, !noLineEnd.contains(last) { flush() }
            word.append(c)
        }
        flush()
        return units
    }

    private static func wrapParagraph(_ text: String, width: Int) -> [String] {
        if text.isEmpty { return [""] }
        var lines: [String] = []
        var line = ""
        var used = 0
        var pendingSpace = ""
        for unit in units(text) {
            switch unit {
            case .space(let s):
                pendingSpace = s
            case .word(let w):
                let ww = of(w)
                let sw = line.isEmpty ? 0 : of(pendingSpace)
                if used + sw + ww <= width {
                    if !line.isEmpty { line += pendingSpace }
                    line += w
                    used += sw + ww
                } else if ww <= width {
                    if !line.isEmpty { lines.append(line) }
                    line = w
                    used = ww
                } else {
                    // Longer than a line: break it where it must be broken.
                    if !line.isEmpty {
                        if used + sw < width { line += pendingSpace; used += sw } else { lines.append(line); line = ""; used = 0 }
                    }
                    for c in w {
                        let cw = of(c)
                        if used + cw > width {
                            lines.append(line)
                            line = ""
                            used = 0
                        }
                        line.append(c)
                        used += cw
                    }
                }
                pendingSpace = ""
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
