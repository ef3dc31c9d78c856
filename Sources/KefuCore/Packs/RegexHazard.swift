/// Finds the shape of regular expression that backtracks exponentially: a
/// group that can match the same text in more than one way, repeated a
/// variable number of times — `(a+)+`, `(a*)*`, `(a|a)*`, `(\w+\s?)+`. On
/// `xx` + 40 × `a` + `c`, `xx(a+)+b` cost 0.8 s per message before it was
/// refused at load.
///
/// Conservative by design: any repeated group whose content can vary in
/// length or has alternatives is refused, even the harmless `(ab|cd)+`;
/// pack patterns anchor short things (order numbers, "ordered 3 days ago")
/// and never need one. Polynomial shapes (`.*.*x`) pass and are held by the
/// step budget of `PackRegex` instead.
enum RegexHazard {
    /// Why `pattern` is refused, or nil.
    static func problem(in pattern: String) -> String? {
        let s = Array(pattern.unicodeScalars)
        struct Frame {
            /// The group can match in more than one way (a variable quantifier or '|').
            var variable = false
            /// The atom a quantifier would apply to: whether it is variable; nil after a quantifier.
            var last: Bool?
            /// Where that atom starts, for the message.
            var lastStart = 0
            /// Where the group opened.
            var open = 0
        }
        var stack = [Frame()]
        var i = 0
        func atom(_ variable: Bool, from start: Int) {
            stack[stack.count - 1].last = variable
            stack[stack.count - 1].lastStart = start
            if variable { stack[stack.count - 1].variable = true }
        }
        while i < s.count {
            let c = s[i]
            let start = i
            switch c {
            case "\\":
                // \p{Han}, \x{41}, \N{...}: the braces belong to the escape.
                i += 1
                if i + 1 < s.count, "pPxN".unicodeScalars.contains(s[i]), s[i + 1] == "{" {
                    while i < s.count && s[i] != "}" { i += 1 }
                } else if i < s.count, s[i] == "Q" {
                    while i + 1 < s.count && !(s[i] == "\\" && s[i + 1] == "E") { i += 1 }
                    i += 1
                }
                atom(false, from: start)
            case "[":
                // A class, with ICU's nested classes and escapes.
                var depth = 0
                repeat {
                    if s[i] == "\\" { i += 1 } else if s[i] == "[" { depth += 1 } else if s[i] == "]" { depth -= 1 }
                    i += 1
                } while i < s.count && depth > 0
                i -= 1
                atom(false, from: start)
            case "(":
                var frame = Frame()
                frame.open = i
                stack.append(frame)
                // `(?:`, `(?=`, `(?<!`, `(?<name>`, `(?i)`: the group's kind, not a quantifier.
                if i + 1 < s.count && s[i + 1] == "?" {
                    var j = i + 2
                    if j + 1 < s.count && s[j] == "<" && (s[j + 1] == "=" || s[j + 1] == "!") {
                        j += 2
                    } else if j < s.count && ":=!>".unicodeScalars.contains(s[j]) {
                        j += 1
                    } else {
                        while j < s.count && !":)>".unicodeScalars.contains(s[j]) { j += 1 }
                        if j < s.count && s[j] != ")" { j += 1 }
                    }
                    i = j - 1
                }
            case ")":
                guard stack.count > 1 else { atom(false, from: start); break }
                let group = stack.removeLast()
                atom(group.variable, from: group.open)
            case "|":
                stack[stack.count - 1].variable = true
                stack[stack.count - 1].last = nil
            case "*", "+", "?", "{":
                var low = 0, high: Int? = nil
                switch c {
                case "*": break
                case "+": low = 1
                case "?": high = 1
                default:
                    var j = i + 1, text = ""
                    while j < s.count && s[j] != "}" { text.unicodeScalars.append(s[j]); j += 1 }
                    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                    guard j < s.count, let first = parts.first.flatMap({ Int($0) }) else { atom(false, from: start); i += 1; continue }
                    low = first
                    high = parts.count == 1 ? first : Int(parts[1])
                    i = j
                }
                // A possessive quantifier (`++`, `*+`) never backtracks into what it took.
                let possessive = i + 1 < s.count && s[i + 1] == "+"
                if i + 1 < s.count && (s[i + 1] == "?" || s[i + 1] == "+") { i += 1 }
                let repeats = high.map { $0 > 1 && $0 != low } ?? true
                let frame = stack[stack.count - 1]
                if repeats && !possessive && frame.last == true {
                    let group = String(String.UnicodeScalarView(s[frame.lastStart...i]))
                    return
                        "'\(group)' repeats a group that can match the same text in more than one way (nested quantifiers): it can take exponential time; make the inner part fixed, or write the pattern without the outer repetition"
                }
                if high != low { stack[stack.count - 1].variable = true }
                stack[stack.count - 1].last = nil
            default:
                atom(false, from: start)
            }
            i += 1
        }
        return nil
    }
}
