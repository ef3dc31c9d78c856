import Foundation
import KefuTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Packs and config.yaml that are not plain readable files (issue 11): each is
/// reported by every command, never taken for "missing" or "OK", and none can
/// make kefu wait.
@Suite struct HostileFilesCLITests {
    let sandbox: Sandbox
    var configPath: String { sandbox.configPath("config.yaml") }

    init() throws {
        sandbox = try Sandbox()
        try sandbox.folder("config/kefu")
    }

    static let runsAsRoot = geteuid() == 0

    @Test func aFolderInPlaceOfTheConfigIsReported() throws {
        try FileManager.default.createDirectory(atPath: configPath, withIntermediateDirectories: true)
        let r = try Kefu.run(["config", "show"], in: sandbox)
        #expect(r.status == 1)
        #expect(r.err.contains("config.yaml:1:1: error: is a folder, not a file; using the defaults"), "\(r.err)")
        #expect(r.out.contains("(found;"), "\(r.out)")
    }

    @Test func aFIFOInPlaceOfTheConfigIsReportedWithoutWaiting() throws {
        #expect(mkfifo(configPath, 0o644) == 0)
        // Nobody ever writes to the FIFO: reading it would block forever.
        let r = try Kefu.run(["suggest", "--format", "jsonl"], stdin: "hi\n", in: sandbox)
        #expect(r.err.contains("config.yaml:1:1: error: is a named pipe (FIFO), not a file"), "\(r.err)")
        #expect(r.lines.count == 1)
    }

    @Test(.enabled(if: !runsAsRoot, "root reads a chmod 000 file"))
    func anUnreadableConfigIsReported() throws {
        try sandbox.writeConfig("shop: 小店\n")
        chmod(configPath, 0)
        let r = try Kefu.run(["config", "show"], in: sandbox)
        #expect(r.err.contains("permission denied"), "\(r.err)")
    }

    @Test func aDuplicateKeyInTheConfigKeepsTheOtherKeys() throws {
        try sandbox.writeConfig("shop: 小鹿家居\ndrafts: 3\ndrafts: 7\nregion: HK\n")
        let r = try Kefu.run(["config", "show"], in: sandbox)
        #expect(r.err.contains("config.yaml:3:1: error: duplicate key 'drafts' (first at line 2); ignored"), "\(r.err)")
        #expect(r.out.contains("小鹿家居"), "\(r.out)")
        #expect(r.out.contains("drafts            3"), "\(r.out)")
        #expect(r.out.contains("region            HK"), "\(r.out)")
    }

    @Test func validateReportsASelfLoopingSymlink() throws {
        let folder = sandbox.root.appendingPathComponent("packs").path
        try sandbox.write("packs/parcel.yaml", TestPacks.parcel)
        #expect(symlink(folder + "/loop.yaml", folder + "/loop.yaml") == 0)
        let r = try Kefu.run(["plugins", "validate", "--no-user-packs", folder], in: sandbox)
        #expect(r.status == 1, "\(r.out)")
        #expect(r.out.contains("loop.yaml:1:1: error: cannot read: too many levels of symbolic links"), "\(r.out)")
        let suggest = try Kefu.run(["suggest", "--snippets", folder], stdin: "hi\n", in: sandbox)
        #expect(suggest.err.contains("loop.yaml:1:1: error: cannot read"), "\(suggest.err)")
    }

    @Test(.enabled(if: !runsAsRoot, "root reads a chmod 000 folder"))
    func validateReportsAnUnreadableSubFolder() throws {
        try sandbox.write("packs/parcel.yaml", TestPacks.parcel)
        let hidden = try sandbox.write("packs/team/gadget.yaml", TestPacks.gadget)
        let team = (hidden as NSString).deletingLastPathComponent
        chmod(team, 0)
        defer { chmod(team, 0o755) }
        let folder = sandbox.root.appendingPathComponent("packs").path
        let r = try Kefu.run(["plugins", "validate", "--no-user-packs", folder], in: sandbox)
        #expect(r.status == 1, "\(r.out)")
        #expect(r.out.contains("team:1:1: error: cannot read the folder: permission denied"), "\(r.out)")
        let suggest = try Kefu.run(["suggest", "--snippets", folder], stdin: "hi\n", in: sandbox)
        #expect(suggest.err.contains("team:1:1: error: cannot read the folder"), "\(suggest.err)")
    }

    @Test func aPackOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let filler = String(repeating: "# padding padding padding padding padding padding padding\n", count: 190_000)
        let path = try sandbox.write("big.yaml", TestPacks.parcel + filler)
        let r = try Kefu.run(["plugins", "validate", "--no-user-packs", path], in: sandbox)
        #expect(r.status == 1)
        #expect(r.out.contains("big.yaml:1:1: error: the file is 10.5 MB; the limit is 10 MB"), "\(r.out)")
    }

    @Test func aPackWithAByteOrderMarkLoads() throws {
        let path = try sandbox.write("bom.yaml", "\u{FEFF}" + TestPacks.parcel)
        let r = try Kefu.run(["plugins", "validate", "--no-user-packs", path], in: sandbox)
        #expect(r.status == 0, "\(r.out)")
    }

    @Test func anAliasBombPackIsRefusedAtItsLine() throws {
        var yaml = "a0: &a0 [lol, lol]\n"
        for i in 1...12 { yaml += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1)]\n" }
        yaml += "bomb:\n  ? *a12\n  : 1\n  ? *a12\n  : 2\n"
        let path = try sandbox.write("bomb.yaml", yaml)
        let r = try Kefu.run(["plugins", "validate", "--no-user-packs", path], in: sandbox)
        #expect(r.status == 1)
        #expect(r.out.contains("bomb.yaml:9:10: error:") && r.out.contains("alias bomb"), "\(r.out)")
    }
}

/// `--plugins PATH` that does not exist is a usage error, not a silent run
/// without the plugin a script counts on (issue 11).
@Suite struct MissingPluginPathCLITests {
    @Test func aMissingPluginsPathIsAnError() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["suggest", "--plugins", "/nonexistent/kefu-plugins"], stdin: "hi\n", in: sandbox)
        #expect(r.status == 2, "usage error: \(r.status) \(r.err)")
        #expect(r.err.contains("--plugins /nonexistent/kefu-plugins: no such file or folder"), "\(r.err)")
        #expect(r.out.isEmpty)
    }
}
