/// The starting points `kefu plugins new` writes: each works and passes
/// `kefu test` as written, so a team member changes something that runs
/// rather than filling in a blank.
enum PluginScaffold {
    /// `snippets/NAME.yaml`: one intent with triggers, examples and
    /// counter-examples, one snippet.
    static func pack(_ name: String) -> String {
        """
        # \(name): a snippet pack. Format: docs/snippet-packs.md.
        # Check it with `kefu plugins validate snippets/\(name).yaml` and
        # `kefu test snippets/\(name).yaml`: every example must be detected,
        # no counter-example may be.
        pack:
          id: \(name)
          name: \(name)
          version: 0.1.0
          description: Gift wrapping questions (replace with what this pack answers).
          languages: [zh-Hans, en]

        intents:
          - id: \(name).gift-wrap
            description: The buyer asks whether an order can be gift-wrapped.
            triggers:
              zh-Hans: [礼品包装, 包装成礼物, 礼物包装]
              en: [gift wrap*, gift-wrap*, wrap it as a gift]
            examples:
              zh-Hans: [可以帮我礼品包装吗, 这个能包装成礼物吗, 送朋友的 能做礼物包装吗]
              en: [can you gift wrap it please, could you wrap it as a gift for my mum, is gift-wrapping available]
            counter_examples:
              zh-Hans: [礼品卡怎么用]
              en: [how do I use a gift card]

        snippets:
          - id: \(name).gift-wrap.free
            intents: [\(name).gift-wrap]
            kind: answer
            priority: 60
            text:
              zh-Hans: "亲，可以的～我们免费提供礼品包装，下单时备注“礼品包装”就好啦！"
              en: "Of course! Gift wrapping is free: just add 'gift wrap' as a note when you order."

        """
    }

    /// `plugins/kefu-plugin-NAME`: a Python 3 external plugin with the
    /// handshake, detect, draft and examples done.
    static func external(_ name: String) -> String {
        #"""
        #!/usr/bin/env python3
        """kefu external plugin \#(name). Protocol: docs/plugin-protocol.md, "External plugins".

        One JSON object per line on stdin, one answer per line on stdout (flushed);
        logs to stderr; exit at end of input. `kefu test` runs the examples below,
        `kefu plugins list` shows its state, and its stderr is kept in
        $XDG_STATE_HOME/kefu/plugins/\#(name).log.
        """
        import json
        import sys

        INTENT = "\#(name).gift-wrap"
        TRIGGERS = {"礼品包装": 0.9, "礼物包装": 0.9, "gift wrap": 0.9, "gift-wrap": 0.9}


        def hello(request):
            return {
                "type": "hello", "protocol": 1, "id": "\#(name)", "version": "0.1.0",
                "description": "Gift wrapping (replace with what this plugin does)",
                "capabilities": ["detect", "draft"],
                "intents": [{"id": INTENT, "description": "asks for gift wrapping"}],
                "examples": [
                    {"text": "可以帮我礼品包装吗", "intents": [INTENT], "draft": INTENT},
                    {"text": "can you gift wrap it please", "intents": [INTENT]},
                    {"text": "where is my parcel", "not": [INTENT]},
                ],
            }


        def detect(request):
            folded = request["message"]["folded"]  # lower case, Simplified, half-width
            for phrase, score in TRIGGERS.items():
                if phrase in folded:
                    return {"signals": [{"intent": INTENT, "score": score, "evidence": phrase}]}
            return {"signals": []}


        def draft(request):
            if INTENT not in [i["intent"] for i in request["intents"]]:
                return {"drafts": []}
            return {"drafts": [{
                "id": INTENT + ".free", "intent": INTENT, "kind": "answer", "priority": 70,
                "text": {"zh-Hans": "亲，可以的～我们免费提供礼品包装，下单时备注就好啦！",
                         "en": "Of course! Gift wrapping is free: just add a note when you order."},
            }]}


        HANDLERS = {"detect": detect, "draft": draft}

        for line in sys.stdin:
            request = json.loads(line)
            if request["type"] == "hello":
                answer = hello(request)
            else:
                handler = HANDLERS.get(request["type"])
                try:
                    answer = handler(request) if handler else {"error": "unsupported: " + request["type"]}
                except Exception as error:
                    answer = {"error": repr(error)}
                answer["id"] = request["id"]
            print(json.dumps(answer, ensure_ascii=False), flush=True)

        """#
    }

    /// `Plugins/<Type>/<Type>Detector.swift`: a code plugin (an intent
    /// detector) in Swift.
    static func swiftDetector(_ name: String, type: String) -> String {
        """
        import KefuCore

        /// \(name): an intent detector compiled into kefu. Replace the phrase
        /// check with what the plugin really does; keep per-message state local
        /// (detectors are called concurrently).
        package struct \(type)Detector: IntentDetector {
            package let id = "\(name)"
            static let intent = "\(name).gift-wrap"
            static let phrases = ["礼品包装", "礼物包装", "gift wrap", "gift-wrap"]

            package init() {}

            package func detect(_ message: DetectionInput) -> DetectorReport {
                let folded = message.text.folded
                guard let phrase = Self.phrases.first(where: { folded.contains($0) }) else { return DetectorReport() }
                return DetectorReport(signals: [
                    IntentSignal(intent: Self.intent, score: 0.9, evidence: [Evidence(detector: id, detail: phrase, weight: 0.9)])
                ])
            }
        }

        package struct \(type)DetectorFactory: IntentDetectorFactory {
            package let id = "\(name)"
            package init() {}
            package func makeDetector(library: SnippetLibrary, normalizer: TextNormalizer) -> any IntentDetector { \(type)Detector() }
        }

        /// The plugin as kefu sees it (`kefu plugins list`); registered in
        /// `BuiltinPlugins.all` (Sources/KefuPlugins/BuiltinPlugins.swift).
        package struct \(type)Plugin: CodePlugin {
            package init() {}
            package let declaration = PluginDeclaration(
                id: "\(name)", version: "0.1.0", summary: "raises \(name).gift-wrap", provides: [.intentDetector])
            package func load(_ settings: PluginSettings) throws -> PluginParts {
                PluginParts(detectorFactories: [\(type)DetectorFactory()])
            }
        }

        """
    }

    static func swiftTests(_ name: String, type: String) -> String {
        """
        import KefuCore
        import Testing
        @testable import Kefu\(type)

        @Suite("\(name) plugin")
        struct \(type)Tests {
            let normalizer = TextNormalizer()

            @Test func detectsGiftWrapping() {
                let report = \(type)Detector().detect(DetectionInput(text: normalizer.normalize("可以帮我礼品包装吗")))
                #expect(report.signals.map(\\.intent) == ["\(name).gift-wrap"])
            }

            @Test func ignoresOtherMessages() {
                let report = \(type)Detector().detect(DetectionInput(text: normalizer.normalize("where is my parcel")))
                #expect(report.signals.isEmpty)
            }
        }

        """
    }

    static func swiftReadme(_ name: String, type: String) -> String {
        """
        # \(name)

        A code plugin: `\(type)Detector` raises `\(name).gift-wrap`. The intent
        itself (description, drafts, examples for `kefu test`) belongs in a pack,
        e.g. `kefu plugins new \(name) --kind pack`.

        Tests: `swift test --filter \(type)Tests`.

        """
    }

    static func swiftInstructions(_ name: String, type: String) -> String {
        """
        Wrote Plugins/\(type)/. To compile it in, make three edits (kefu does not edit Package.swift for you):

        1. Package.swift, beside the other plugin targets:
               .target(name: "Kefu\(type)", dependencies: ["KefuCore"], path: "Plugins/\(type)", exclude: ["Tests", "README.md"]),
               .testTarget(name: "Kefu\(type)Tests", dependencies: ["Kefu\(type)", "KefuCore"], path: "Plugins/\(type)/Tests"),
           and add "Kefu\(type)" to the dependencies of the "KefuPlugins" target.
        2. Sources/KefuPlugins/BuiltinPlugins.swift: `import Kefu\(type)`, and in `all`:
               \(type)Plugin(),
        3. swift build --product kefu && swift test --filter \(type)Tests && kefu plugins list

        """
    }
}
