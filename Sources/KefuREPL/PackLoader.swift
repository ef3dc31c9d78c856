import Foundation
import KefuCore

/// How the REPL gets packs and an engine, handed in by the command line so
/// that the REPL builds its engine exactly the way `kefu suggest` does.
package struct PackLoader: Sendable {
    /// Every pack source on the search path as it is now, with the problems
    /// met reading it (a missing folder, a file that is not UTF-8).
    package var collect: @Sendable () -> (sources: [PackSource], problems: [Diagnostic])
    /// Files and folders whose `.yaml` files are watched for changes (they
    /// need not exist yet).
    package var watchedPaths: @Sendable () -> [String]
    /// The engine over a library, with the registered code and external plugins.
    package var makeEngine: @Sendable (SnippetLibrary) -> Engine

    package init(
        collect: @escaping @Sendable () -> (sources: [PackSource], problems: [Diagnostic]),
        watchedPaths: @escaping @Sendable () -> [String],
        makeEngine: @escaping @Sendable (SnippetLibrary) -> Engine
    ) {
        self.collect = collect
        self.watchedPaths = watchedPaths
        self.makeEngine = makeEngine
    }
}

/// The engine in use and what hot reloading needs to keep it good.
///
/// Before each message the modification times of every watched pack file are
/// compared with the last ones seen (`PackSource.fingerprint`); on a change the
/// packs are read again and a new engine is built. A pack file that no
/// longer loads is replaced by its last version that did, so a half-saved or
/// broken edit never takes replies away: its errors are reported with
/// file:line:col and the previous text goes on serving.
final class LiveLibrary {
    private var loader: PackLoader
    private(set) var engine: Engine
    private var fingerprint: [String: Date]
    /// The last text of each pack file that loaded.
    private var lastGood: [String: String] = [:]

    struct ReloadReport {
        var changedFiles: [String] = []
        /// Problems of this load (file:line:col), with whether an older
        /// version of the file is serving instead.
        var diagnostics: [Diagnostic] = []
        var keptPrevious: [String] = []
        var reloaded = false
    }

    init(loader: PackLoader) {
        self.loader = loader
        fingerprint = PackSource.fingerprint(of: loader.watchedPaths())
        let (library, _, used) = LiveLibrary.load(loader, lastGood: [:])
        engine = loader.makeEngine(library)
        remember(library, used)
    }

    /// One message through the engine in use, as `kefu suggest` does it.
    func suggest(_ message: String, _ request: SuggestionRequest) -> Suggestion {
        engine.suggest(message, request)
    }

    /// The problems of the first load, to show at start-up.
    var startupDiagnostics: [Diagnostic] { engine.library.diagnostics }

    private static func load(_ loader: PackLoader, lastGood: [String: String]) -> (SnippetLibrary, ReloadReport, [PackSource]) {
        var report = ReloadReport()
        let (sources, problems) = loader.collect()
        let first = SnippetLibrary.load(sources, problems: problems)
        report.diagnostics = first.diagnostics
        let failed = Set(first.failures.map(\.source))
        let replaceable = failed.filter { lastGood[$0] != nil }
        guard !replaceable.isEmpty else { return (first, report, sources) }
        // Put the last good version of each broken file in its place.
        var patched = sources.map { s -> PackSource in
            guard replaceable.contains(s.path), let good = lastGood[s.path] else { return s }
            return PackSource(path: s.path, text: good, layer: s.layer)
        }
        var remainingProblems: [Diagnostic] = []
        for p in problems {
            let file = p.location.file
            if replaceable.contains(file), let good = lastGood[file], !patched.contains(where: { $0.path == file }) {
                patched.append(PackSource(path: file, text: good, layer: .commandLine))
            } else {
                remainingProblems.append(p)
            }
        }
        let second = SnippetLibrary.load(patched, problems: remainingProblems)
        let stillFailing = Set(second.failures.map(\.source))
        report.keptPrevious = replaceable.filter { !stillFailing.contains($0) }.sorted()
        return (second, report, patched)
    }

    /// The texts that loaded become the last good ones.
    private func remember(_ library: SnippetLibrary, _ used: [PackSource]) {
        let failed = Set(library.failures.map(\.source))
        for s in used where !s.path.hasPrefix("builtin:") && !failed.contains(s.path) {
            lastGood[s.path] = s.text
        }
    }

    /// Whether any watched pack file was added, removed or modified.
    func hasChanges() -> [String]? {
        let now = PackSource.fingerprint(of: loader.watchedPaths())
        guard now != fingerprint else { return nil }
        var changed: [String] = []
        for (path, date) in now where fingerprint[path] != date { changed.append(path) }
        for path in fingerprint.keys where now[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Packs and engines from now on come from `loader` (config.yaml read
    /// again); the next reload must be forced to use it.
    func use(_ loader: PackLoader) {
        self.loader = loader
    }

    /// Reloads if something changed (or always, with `force`).
    func reloadIfNeeded(force: Bool = false) -> ReloadReport? {
        let changed = hasChanges()
        guard force || changed != nil else { return nil }
        fingerprint = PackSource.fingerprint(of: loader.watchedPaths())
        var (library, report, used) = LiveLibrary.load(loader, lastGood: lastGood)
        report.changedFiles = changed ?? []
        report.reloaded = true
        engine = loader.makeEngine(library)
        remember(library, used)
        return report
    }
}
