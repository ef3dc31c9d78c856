import ArgumentParser
import Foundation
import KefuCore

struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List, validate and inspect snippet packs and code plugins.",
        subcommands: [List.self, Validate.self, Examples.self, PluginsNewCommand.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every pack and code plugin with its state.")

        @OptionGroup var library: LibraryOptions
        @OptionGroup var externalPlugins: ExternalPluginOptions

        func run() throws {
            let configuration = Configuration.load(reportingTo: StandardError())
            let lib = library.loadLibrary(configuration)
            StandardOutput.print("packs (load order; later ones override earlier ones by id):")
            var packs = TextTable()
            for p in lib.packs {
                let intents = lib.intents.values.filter { $0.pack == p.id }.count
                let snippets = lib.snippets.filter { $0.pack == p.id }.count
                packs.append(
                    Terminal.inert(p.id), Terminal.inert(p.version), "loaded", "[\(p.layer)]",
                    "intents: \(intents)", "snippets: \(snippets)", Terminal.inert(p.source))
            }
            for f in lib.failures {
                let first = f.diagnostics.first.map { "first: \($0.location.line):\($0.location.column): \($0.message)" } ?? ""
                packs.append(Terminal.inert(f.source), "-", "failed", "[\(f.layer)]", "\(f.diagnostics.count) error(s)", first)
            }
            StandardOutput.print(packs.render(), terminator: "")
            StandardOutput.print("code plugins:")
            let code = CodePluginLoading.load(configuration, disabled: externalPlugins.disabled(configuration), errors: StandardError())
            StandardOutput.print(CodePluginsListing.render(code), terminator: "")
            let external = ExternalPluginsListing.render(externalPlugins.makeHost(configuration: configuration, errors: StandardError()))
            StandardOutput.print(external.text, terminator: "")
            StandardOutput.print("intents: \(lib.intents.keys.sorted().joined(separator: ", "))")
            if !lib.failures.isEmpty || external.anyFailed || !code.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pack files and report every error as file:line:col.",
            discussion: "Without PATHs, validates every pack on the search path. Exit status 1 on any error.")

        @Argument(help: ArgumentHelp("Pack files or folders.", valueName: "path"))
        var paths: [String] = []

        @OptionGroup var library: LibraryOptions

        func run() throws {
            var options = library
            options.extraPaths += paths
            let lib = options.loadLibrary(Configuration.load(reportingTo: StandardError()))
            // Files that could not be read (permissions, symlink loops, an
            // unreadable sub-folder) are among the wanted ones: they are errors.
            let wanted: Set<String>? =
                paths.isEmpty
                ? nil
                : Set(
                    paths.flatMap { path in
                        let found = PackSource.files(at: path, layer: .commandLine)
                        return found.sources.map(\.path) + found.problems.map(\.location.file)
                    } + paths)
            // Loaded packs are also held to the truth rule (TruthAudit): a
            // snippet stating a fact needs 'asserts:' and a source for it.
            let diagnostics =
                lib.failures.filter { f in wanted.map { $0.contains(f.source) } ?? true }.flatMap(\.diagnostics)
                + TruthAudit(library: lib).run(files: wanted)
            for d in diagnostics { StandardOutput.print("\(d)") }
            let checked = paths.isEmpty ? lib.packs.count + lib.failures.count : (wanted?.count ?? 0)
            if diagnostics.isEmpty {
                StandardOutput.print(paths.isEmpty ? "\(checked) pack file(s) OK" : "OK: no errors in \(paths.joined(separator: ", "))")
            } else {
                StandardOutput.print("\(diagnostics.count) error(s)")
                throw ExitCode(1)
            }
        }
    }

    struct Examples: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every example and counter-example of the loaded packs.")

        @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "format"))
        var format: Format = .tsv

        @OptionGroup var library: LibraryOptions

        /// One value today; an enum so help lists it and others can follow.
        enum Format: String, ExpressibleByArgument, CaseIterable { case tsv }

        func run() throws {
            let lib = library.loadLibrary(Configuration.load(reportingTo: StandardError()))
            func clean(_ s: String) -> String {
                let oneLine = s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                return OutputSanitizer.visible(oneLine, lineBreaks: .show)
            }
            var out = "text\tintent\tkind\tpack\n"
            for intent in lib.intents.values.sorted(by: { $0.id < $1.id }) {
                for e in intent.examples { out += "\(clean(e.text))\t\(intent.id)\texample\t\(packID(e.location, lib))\n" }
                for e in intent.counterExamples { out += "\(clean(e.text))\t\(intent.id)\tcounter_example\t\(packID(e.location, lib))\n" }
            }
            for e in lib.otherExamples { out += "\(clean(e.text))\tother\texample\t\(packID(e.location, lib))\n" }
            StandardOutput.write(out)
        }

        func packID(_ location: SourceLocation, _ lib: SnippetLibrary) -> String {
            lib.packs.last { $0.source == location.file }?.id ?? location.file
        }
    }
}
