/// Finds the literal run a regular expression cannot match without, so the
/// phrase automaton can index patterns: a pattern's regex runs only when its
/// anchor occurs in the message, and thousands of patterns cost what a few do.
///
/// Conservative by design: only text outside groups, classes, escapes and
/// optional parts counts; a top-level alternation has no single anchor.
enum PatternAnchor {
    static func find(in pattern: String) -> String? {
        let s = Array(pattern.unicodeScalars)
        var runs: [[Unicode.Scalar]] = []
        var run: [Unicode.Scalar] = []
        var depth = 0
        var i = 0
        func endRun() { if !run.isEmpty { runs.append(run); run = [] } }
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                endRun()
                // An escaped metacharacter is a literal, but keep it simple: split here.
                i += 2
                continue
            case "[":
                endRun()
                while i < s.count && s[i] != "]" { if s[i] == "\\" { i += 1 }; i += 1 }
            case "(":
                endRun(); depth += 1
            case ")":
                endRun(); depth -= 1
            case "|":
                if depth == 0 { return nil }
                endRun()
            case "?", "*", "{":
                // The previous character is optional or repeated from zero: drop it.
                if depth == 0 && !run.isEmpty { run.removeLast() }
                endRun()
                if c == "{" { while i < s.count && s[i] != "}" { i += 1 } }
            case "+":
                endRun()
            case ".", "^", "$":
                endRun()
            default:
                if depth == 0 { run.append(c) }
            }
            i += 1
        }
        endRun()
        let best = runs.map { String(String.UnicodeScalarView($0)) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .max { $0.unicodeScalars.count < $1.unicodeScalars.count }
        guard let anchor = best, anchor.unicodeScalars.count >= 2 else { return nil }
        return anchor
    }
}
