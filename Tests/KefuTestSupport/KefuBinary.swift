import Foundation

/// Where the real `kefu` executable is, for the tests that run it (through
/// pipes or in a terminal): next to the running test binary (SwiftPM puts
/// every product of the package in one folder), else the package's
/// `.build/debug/kefu`.
public enum KefuBinary {
    public static let url: URL = locate()
    public static var path: String { url.path }

    private static func isExecutableFile(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    private static func locate() -> URL {
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap { $0 }
        if let argv0 = CommandLine.arguments.first, !argv0.isEmpty {
            starts.append(URL(fileURLWithPath: argv0))
        }
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent("kefu")
                if isExecutableFile(candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return Checkout.url(".build/debug/kefu")
    }
}
