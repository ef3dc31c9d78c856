import ArgumentParser
import Foundation
import KefuCore
import KefuREPL

/// `kefu config init | show | path`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Write, show or locate $XDG_CONFIG_HOME/kefu/config.yaml.",
        subcommands: [Init.self, Show.self, PathCommand.self],
        defaultSubcommand: Show.self)

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Write a commented default config.yaml (never overwrites one without --force).")

        @Flag(name: .long, help: "Replace an existing file.")
        var force = false

        func run() throws {
            let path = Configuration.path
            if FileManager.default.fileExists(atPath: path) && !force {
                StandardError().write("kefu: \(path) already exists (kefu config show prints it; --force replaces it)\n")
                throw ExitCode(1)
            }
            let folder = (path as NSString).deletingLastPathComponent
            var wroteExample: String?
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(Configuration.commentedDefault.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                // An example to copy to shop.yaml; never one the shop already keeps.
                let example = folder + "/shop.example.yaml"
                if !FileManager.default.fileExists(atPath: example) {
                    try Data(Configuration.shopFactsExample.utf8).write(to: URL(fileURLWithPath: example), options: .atomic)
                    wroteExample = example
                }
            } catch {
                StandardError().write("kefu: cannot write \(path): \(error.localizedDescription)\n")
                throw ExitCode(1)
            }
            StandardOutput.write("wrote \(path)\n")
            if let wroteExample { StandardOutput.write("wrote \(wroteExample) (rename it shop.yaml once it says what your shop does)\n") }
        }
    }

    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "path", abstract: "Print where config.yaml is read from.")
        func run() throws { StandardOutput.write(Configuration.path + "\n") }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the effective configuration and where each value comes from.",
            discussion: "Problems in the file are printed on stderr as file:line:col; the exit status is then 1.")

        func run() throws {
            let config = Configuration.read()
            let env = ProcessInfo.processInfo.environment
            var rows: [(String, String, String)] = []
            func origin(_ key: String) -> String { config.origins[key] ?? "default" }
            func list(_ l: [String]) -> String { l.isEmpty ? "[]" : l.joined(separator: ", ") }
            for key in ["shop", "agent", "ship_date"] {
                rows.append((key, config.describe(key) ?? "(unset)", origin(key)))
            }
            rows.append(("language", config.language?.rawValue ?? "auto", origin("language")))
            rows.append(("region", config.region.rawValue, origin("region")))
            rows.append(("drafts", String(config.drafts), origin("drafts")))
            rows.append(("clipboard", REPL.describeClipboard(config.clipboard), origin("clipboard")))
            rows.append(("packs", list(config.packs), origin("packs")))
            rows.append(("disabled_packs", list(config.disabledPacks), origin("disabled_packs")))
            rows.append(("disabled_plugins", list(config.disabledPlugins), origin("disabled_plugins")))
            rows.append(("history_size", String(config.historySize), origin("history_size")))
            rows.append(("threshold", String(config.threshold), origin("threshold")))
            let names = Set(config.variables.keys.map { LocalizedValue.split($0)?.name ?? $0 })
            for key in names.sorted() where !["shop", "agent", "ship_date"].contains(key) {
                rows.append(("variables." + key, config.describe(key) ?? "", origin("variables." + key)))
            }
            let stateSource = (env["XDG_STATE_HOME"]?.hasPrefix("/") ?? false) ? "$XDG_STATE_HOME" : "default"
            rows.append(("history file", REPL.defaultHistoryPath(), stateSource))
            rows.append(("usage", config.usage ? "on: " + StatePaths.usageDirectory() : "off", origin("usage")))
            rows.append(("learned examples", StatePaths.learnedDirectory(), stateSource))
            let editor = REPL.describeEditor()
            rows.append(("editor", editor.command, editor.source))
            let noColor = !(env["NO_COLOR"] ?? "").isEmpty
            rows.append(("colour", noColor ? "off" : "on when the output is a terminal", noColor ? "$NO_COLOR" : "default"))
            let configSource = (env["XDG_CONFIG_HOME"]?.hasPrefix("/") ?? false) ? "$XDG_CONFIG_HOME" : "default"

            var out =
                "config file  \(Configuration.path)  (\(config.found ? "found" : "not found: kefu config init writes one"); \(configSource))\n\n"
            let keyWidth = rows.map { $0.0.count }.max() ?? 10
            let valueWidth = min(48, rows.map { DisplayWidth.of($0.1) }.max() ?? 10)
            for (k, v, o) in rows {
                let value = OutputSanitizer.visible(v, lineBreaks: .show)
                out += OutputSanitizer.visible(k, lineBreaks: .show).padding(toLength: keyWidth + 2, withPad: " ", startingAt: 0)
                out += value + String(repeating: " ", count: max(2, valueWidth + 2 - DisplayWidth.of(value)))
                out += o + "\n"
            }
            StandardOutput.write(out)
            for d in config.diagnostics { StandardError().write("\(d)\n") }
            if !config.diagnostics.isEmpty { throw ExitCode(1) }
        }
    }
}
