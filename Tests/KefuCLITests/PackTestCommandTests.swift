import Foundation
import KefuTestSupport
import Testing

/// `kefu test`: a pack's examples are its tests.
@Suite struct PackTestCommandTests {
    /// The parcel pack with a counter-example that says what the intent's
    /// trigger says: it is detected, so the pack is inconsistent.
    static let inconsistent = TestPacks.parcel.replacingOccurrences(
        of: "en: [lovely weather today]", with: "en: [where is the parcel now]")

    @Test func consistentPackPasses() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        // Scoped to the pack's own examples (built-in packs still load around it).
        let r = try Kefu.run(["test"] + isolated + [pack], in: sandbox)
        #expect(r.status == 0, "output: \(r.out)\nstderr: \(r.err)")
        #expect(!r.out.contains("FAIL"))
        #expect(r.out.contains("\(TestPacks.parcelExampleCount) passed, 0 failed"), "\(r.out)")
    }

    @Test(arguments: [true, false])
    func counterExampleThatMatchesFails(viaSnippetsOption: Bool) throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("parcel.yaml", Self.inconsistent)
        let line = try #require(TestPacks.line(of: "where is the parcel now", in: Self.inconsistent))
        let arguments = viaSnippetsOption ? ["test"] + isolated + ["--snippets", pack] : ["test"] + isolated + [pack]
        let r = try Kefu.run(arguments, in: sandbox)
        #expect(r.status == 1, "output: \(r.out)")
        let failure = r.lines.first { $0.hasPrefix("\(pack):\(line):") }
        #expect(failure != nil, "no report line at \(pack):\(line): in \(r.out)")
        #expect(failure?.contains("FAIL") == true)
        #expect(failure?.contains("counter_example") == true)
        #expect(failure?.contains("where is the parcel now") == true)
        #expect(failure?.contains("t.parcel") == true)
    }

    @Test func exampleThatNothingDetectsFails() throws {
        let sandbox = try Sandbox()
        let yaml = TestPacks.parcel.replacingOccurrences(
            of: "en: [do you have a voucher, any coupon code, can i get a voucher]",
            with: "en: [do you have a voucher, any coupon code, can i get a voucher, qwxz plokm frub]")
        let pack = try sandbox.write("parcel.yaml", yaml)
        let line = try #require(TestPacks.line(of: "qwxz plokm frub", in: yaml))
        let r = try Kefu.run(["test"] + isolated + [pack], in: sandbox)
        #expect(r.status == 1, "output: \(r.out)")
        let failure = r.lines.first { $0.hasPrefix("\(pack):\(line):") }
        #expect(failure?.contains("FAIL") == true, "\(r.out)")
        #expect(failure?.contains("t.voucher") == true)
    }

    @Test func brokenPackMakesTestFail() throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("broken.yaml", TestPacks.gadget.replacingOccurrences(of: "    triggers:\n", with: "    trigers:\n"))
        let r = try Kefu.run(["test"] + isolated + [pack], in: sandbox)
        #expect(r.status == 1)
        #expect(r.err.contains("\(pack):8:5: error:"), "stderr: \(r.err)")
    }
}
