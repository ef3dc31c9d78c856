import ArgumentParser
import Foundation
import KefuCore
import KefuREPL

/// `kefu stats`: what the usage log says about how kefu is used
/// (docs/user-guide.md, *kefu stats*). One agent's own log by default; a
/// team lead names several agents' files or folders.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "What the usage log says: drafts copied, misses, intents, snippets never picked or always edited.",
        discussion: """
            Reads the usage log the REPL writes ($XDG_STATE_HOME/kefu/usage, \
            rotated files included), or the files and folders named (a team \
            lead's agents' logs; a folder's *.jsonl files are read). Reports \
            messages answered, the share answered by draft 1, keystrokes and \
            seconds from Enter to copy (median, p90), generic and hedged \
            rates, intents by volume and by miss rate, snippets of the loaded \
            packs never picked and nearly always edited, and learned examples \
            waiting for review.

            A line that is not a usage record is skipped and reported on \
            stderr as file:line; the rest still counts. Text output draws bars \
            for the terminal's width (COLUMNS, else 80 when not a terminal), \
            in colour on a terminal unless NO_COLOR is set.
            """)

    @Argument(help: ArgumentHelp("Usage files or folders (default: this user's usage log).", valueName: "path"))
    var paths: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only messages from then on: a duration back (30m, 24h, 7d, 2w), a day (2026-11-01) or an ISO 8601 time.", valueName: "when"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("text, json (one object) or csv (section,key,metric,value rows).", valueName: "format"))
    var format: Format = .text

    @OptionGroup var library: LibraryOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    /// Malformed lines reported one by one at most; the rest are counted.
    static let malformedReported = 20

    func validate() throws {
        if let since {
            do { _ = try UsagePeriod.start(since, now: Date()) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        let errors = StandardError()
        let configuration = Configuration.load(reportingTo: errors)
        let start = try since.map { (text: $0, date: try UsagePeriod.start($0, now: Date())) }
        let defaultFolder = StatePaths.usageDirectory()
        let (files, missing) = UsageLogReader.files(at: paths.isEmpty ? [defaultFolder] : paths)
        for m in paths.isEmpty ? [] : missing { errors.write("kefu: no such file or folder: \(m)\n") }

        var lines: [UsageLine] = []
        var malformed = 0
        for file in files {
            let read = UsageLogReader.read(file)
            lines += read.lines
            for problem in read.malformed {
                if malformed < Self.malformedReported { errors.write("\(problem)\n") }
                malformed += 1
            }
        }
        if malformed > Self.malformedReported {
            errors.write("kefu: \(malformed - Self.malformedReported) more malformed line(s) skipped\n")
        }

        let snippets = library.loadLibrary(configuration)
        for d in snippets.diagnostics { errors.write("\(d)\n") }
        var learned: StatsReport.Learned?
        if library.learnedLoaded {
            do {
                learned = StatsReport.Learned(try LearnedStore(directory: StatePaths.learnedDirectory()).examples())
            } catch {
                errors.write("kefu: \(error)\n")
            }
        }
        let statistics = UsageStatistics(lines: lines, since: start?.date, snippets: snippets.snippets.map(\.id))
        let report = StatsReport(
            statistics: statistics, files: files, since: start, malformed: malformed, librarySnippets: snippets.snippets.count,
            learned: learned)

        if statistics.messages == 0 {
            let note = nothingRecorded(files: files, usageOn: configuration.usage, folder: defaultFolder)
            if format == .text {
                StandardOutput.print(note)
                if !missing.isEmpty && !paths.isEmpty { throw ExitCode(1) }
                return
            }
            errors.write(note + "\n")
        }
        switch format {
        case .text:
            let width = Self.width(environment: ProcessInfo.processInfo.environment)
            let text = StatsText(report: report, width: width).render()
            StandardOutput.write(safe: Array(text.rendered(width: width, colour: REPL.colourWanted()).utf8))
        case .json: StandardOutput.write(safe: StatsJSON.render(report))
        case .csv: StandardOutput.write(safe: Array(StatsCSV.render(report).utf8))
        }
        if !missing.isEmpty && !paths.isEmpty { throw ExitCode(1) }
    }

    /// Why there is nothing to show, and where usage would be.
    func nothingRecorded(files: [String], usageOn: Bool, folder: String) -> String {
        let window = since.map { " since \($0)" } ?? " yet"
        if !paths.isEmpty { return "no usage recorded\(window) in " + StatsText.count(files.count, "usage file") }
        if files.isEmpty {
            return "no usage recorded yet: the REPL records each message it answers in \(folder)"
                + (usageOn ? "" : " (usage: off in config.yaml keeps no log)")
        }
        return "no usage recorded\(window)"
    }

    /// COLUMNS when set, else the terminal's width, else 80.
    static func width(environment: [String: String]) -> Int {
        if let c = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), c > 0 { return max(20, c) }
        return max(20, REPL.terminalColumns() ?? 80)
    }
}
