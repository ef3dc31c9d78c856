import Foundation

@testable import KefuExternalPlugins

enum TestPlugin {
    /// Generous for a loaded two-core machine: these tests check outcomes,
    /// not speed. Timeouts are provoked with plugins that sleep far longer.
    static var settings: ExternalPluginSettings {
        var s = ExternalPluginSettings()
        s.requestDeadline = 3
        s.handshakeDeadline = 10
        s.backoffBase = 0.01
        s.backoffCap = 0.05
        return s
    }

    /// One Python plugin whose misbehaviour is chosen by its first argument:
    /// `ok`, `hang-detect` (sleeps on detect), `hang-all` (sleeps on every request), `hang-once` (sleeps on the first
    /// detect of its first life only), `crash-detect` (exits on detect),
    /// `garbage` (answers detect with prose), `wrong-id`, `slow-start SECONDS`
    /// via mode `slow-start`, `never-hello`, `flood` (a line of 2 MiB),
    /// `old-protocol`, `error` (answers with an error field), `hang-draft`
    /// (answers everything but draft), `slow` (1.2 s per detect), `block-all`
    /// (a check that blocks every draft).
    static let source = #"""
        #!/usr/bin/env python3
        import json, os, sys, time
        mode, pid, folder = sys.argv[1], sys.argv[2], sys.argv[3]
        marker = os.path.join(folder, pid + ".started")
        first_life = not os.path.exists(marker)
        open(marker, "a").close()
        sys.stderr.write("test plugin %s starting in mode %s\n" % (pid, mode)); sys.stderr.flush()
        def send(o):
            sys.stdout.write(json.dumps(o, ensure_ascii=False) + "\n"); sys.stdout.flush()
        if mode == "slow-start": time.sleep(1)
        if mode == "never-hello": time.sleep(60)
        for line in sys.stdin:
            m = json.loads(line)
            t = m.get("type")
            if t == "hello":
                send({"type": "hello", "protocol": 2 if mode == "old-protocol" else m["protocol"], "id": pid, "version": "1.2.3",
                      "capabilities": ["detect", "extract", "draft", "check"],
                      "intents": [{"id": "test.ping", "description": "ping"}],
                      "examples": [{"text": "ping please", "intents": ["test.ping"]}]})
                continue
            rid = m["id"]
            if mode == "hang-all": time.sleep(60)
            if mode == "hang-draft" and t == "draft": time.sleep(60)
            if mode == "slow" and t == "detect": time.sleep(1.2)
            if mode == "block-all" and t == "check":
                send({"id": rid, "checks": [{"block": True} for d in m["drafts"]]}); continue
            if t == "detect":
                if mode == "hang-detect" or (mode == "hang-once" and first_life): time.sleep(60)
                if mode == "crash-detect": sys.exit(3)
                if mode == "garbage": sys.stdout.write("Hello! I am not JSON\n"); sys.stdout.flush(); continue
                if mode == "wrong-id": send({"id": rid + 100, "signals": []}); continue
                if mode == "flood": sys.stdout.write("x" * (2 << 20)); sys.stdout.flush(); time.sleep(60)
                if mode == "error": send({"id": rid, "error": "no catalogue \x1b[31mloaded"}); continue
                text = m["message"]["folded"]
                sig = [{"intent": "test.ping", "score": 0.9, "evidence": "ping\x1b]52;c;aGk=\x07"}] if "ping" in text else []
                send({"id": rid, "signals": sig})
            elif t == "extract":
                send({"id": rid, "entities": [{"kind": "order_id", "value": "T-42"}, {"kind": "nonsense", "value": "x"}]})
            elif t == "draft":
                send({"id": rid, "drafts": [{"id": "test.pong", "intent": "test.ping", "kind": "answer", "priority": 80,
                      "text": {"en": "Pong for {{shop}} " + m["reply_language"], "zh-Hans": "乒乓"}}]})
            elif t == "check":
                send({"id": rid, "checks": [{"warnings": [{"code": "long", "message": "too long"}], "block": True}
                                            if len(d["text"]) > 20 else {} for d in m["drafts"]]})
        """#
}
