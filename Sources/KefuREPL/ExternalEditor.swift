import CLibedit
import Foundation

/// Editing a draft in `$VISUAL` or `$EDITOR`: the draft is written to a
/// private temporary file, the editor runs on the terminal (started directly
/// with `posix_spawnp`, never through a shell; `$VISUAL` may carry arguments,
/// e.g. `code --wait`), and the file is read back when it exits.
enum ExternalEditor {
    enum Outcome {
        case edited(String)
        case failed(status: Int32)
        case unavailable(String)
    }

    /// The editor command: `$VISUAL`, else `$EDITOR`, else the first of
    /// `editor`, `nano`, `vi` on PATH.
    static func command(environment: [String: String]) -> (words: [String], source: String)? {
        for key in ["VISUAL", "EDITOR"] {
            if let v = environment[key], !ProcessRunner.split(v).isEmpty { return (ProcessRunner.split(v), "$" + key) }
        }
        for name in ["editor", "nano", "vi"] where ProcessRunner.which(name, environment: environment) != nil {
            return ([name], "default")
        }
        return nil
    }

    static func edit(_ text: String, environment: [String: String]) -> Outcome {
        guard let (words, _) = command(environment: environment), let program = words.first else {
            return .unavailable("no editor: set $VISUAL or $EDITOR")
        }
        let folder = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        var template = Array((folder + "/kefu-draft-XXXXXX.txt").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return .unavailable("cannot create a temporary file in \(folder)") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        var body = text.hasSuffix("\n") ? text : text + "\n"
        body.withUTF8 { b in _ = write(fd, b.baseAddress, b.count) }
        close(fd)

        switch ProcessRunner.spawn(program, Array(words.dropFirst()) + [path], inputFD: -1, closeInChild: -1, terminal: true) {
        case .failure(let e):
            return .unavailable(e.message)
        case .success(let pid):
            let status = kefu_wait(pid, 0)
            _ = SignalFlags.takeInterrupt()  // a Ctrl-C meant for the editor
            guard status == 0 else { return .failed(status: status) }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unavailable("the editor removed the file")
        }
        var edited = String(decoding: data, as: UTF8.self)
        while let last = edited.last, last == "\n" || last == "\r\n" || last == " " { edited.removeLast() }
        return .edited(edited)
    }
}
