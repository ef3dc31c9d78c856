import CLibedit
import Foundation

/// How copies reach a clipboard (config `clipboard:`, `--no-clipboard`).
package enum ClipboardMethod: Sendable, Equatable, CustomStringConvertible {
    /// OSC 52 to the terminal, plus the system tool when one is found.
    case auto
    /// OSC 52 only.
    case osc52
    /// The system tool only.
    case system
    /// Print only (`--no-clipboard`, `clipboard: none`).
    case none
    /// OSC 52 plus this command (run directly, never through a shell), which
    /// reads the text on its standard input.
    case command([String])

    package init?(config value: String) {
        let words = ProcessRunner.split(value)
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "auto", "": self = .auto
        case "osc52", "osc 52", "terminal": self = .osc52
        case "system", "tool": self = .system
        case "none", "off", "print", "false": self = .none
        default:
            guard !words.isEmpty else { return nil }
            self = .command(words)
        }
    }

    package var description: String {
        switch self {
        case .auto: "auto"
        case .osc52: "osc52"
        case .system: "system"
        case .none: "none"
        case .command(let words): words.joined(separator: " ")
        }
    }
}

/// Copies text: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`, which works over SSH and
/// inside tmux with `set-clipboard on`) and the system clipboard tool.
struct Clipboard {
    let method: ClipboardMethod
    /// OSC 52 only makes sense when standard output is the terminal.
    let terminal: Bool
    let environment: [String: String]

    struct Report {
        /// The ways the text went, e.g. ["OSC 52", "xclip"].
        var ways: [String] = []
        var problems: [String] = []
    }

    /// The system clipboard tool for this session, if there is one: Wayland,
    /// X11, macOS, WSL.
    func systemTool() -> (name: String, arguments: [String], utf16: Bool)? {
        if case .command(let words) = method, let first = words.first {
            return (first, Array(words.dropFirst()), false)
        }
        let env = environment
        let candidates: [(String, [String], Bool, Bool)] = [
            ("wl-copy", [], env["WAYLAND_DISPLAY"]?.isEmpty == false, false),
            ("xclip", ["-selection", "clipboard"], env["DISPLAY"]?.isEmpty == false, false),
            ("xsel", ["--clipboard", "--input"], env["DISPLAY"]?.isEmpty == false, false),
            ("pbcopy", [], true, false),
            ("clip.exe", [], true, true),
        ]
        for (name, args, applies, utf16) in candidates where applies {
            if ProcessRunner.which(name, environment: env) != nil { return (name, args, utf16) }
        }
        return nil
    }

    static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    func copy(_ text: String) -> Report {
        var report = Report()
        let useOSC: Bool
        let useTool: Bool
        switch method {
        case .none: return report
        case .auto: useOSC = true; useTool = true
        case .osc52: useOSC = true; useTool = false
        case .system: useOSC = false; useTool = true
        case .command: useOSC = true; useTool = true
        }
        if useOSC {
            if terminal {
                TerminalIO.write(Self.osc52(text))
                report.ways.append("OSC 52")
            } else {
                report.problems.append("OSC 52 skipped: output is not a terminal")
            }
        }
        if useTool, let tool = systemTool() {
            var input = Data()
            if tool.utf16 {
                input = Data([0xFF, 0xFE])
                for unit in text.utf16 { input.append(UInt8(unit & 0xFF)); input.append(UInt8(unit >> 8)) }
            } else {
                input = Data(text.utf8)
            }
            // Named by the program alone: a configured full path would crowd the echo.
            let shortName = (tool.name as NSString).lastPathComponent
            switch ProcessRunner.run(tool.name, tool.arguments, input: input, timeout: 3) {
            case .success(0): report.ways.append(shortName)
            case .success(let status): report.problems.append("\(shortName) failed (exit status \(status))")
            case .failure(let e): report.problems.append("\(shortName): \(e.message)")
            }
        }
        return report
    }
}
