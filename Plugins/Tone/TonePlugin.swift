import KefuCore

/// Tone as a code plugin: one intent detector, no settings.
package struct TonePlugin: CodePlugin {
    package init() {}

    package let declaration = PluginDeclaration(
        id: "tone", version: "1.0.0",
        summary: "anger, insults, threats, urgency, !!!, ALL CAPS: raises complaint, apology first",
        provides: [.intentDetector])

    package func load(_ settings: PluginSettings) throws -> PluginParts {
        PluginParts(detectorFactories: [ToneDetectorFactory()])
    }

    package var examples: [PluginExample] {
        [
            PluginExample("你们是骗子吧！！！再不处理我就投诉", intent: "complaint"),
            PluginExample("WHERE IS MY ORDER??? THIS IS RIDICULOUS", intent: "complaint"),
            PluginExample("请问这件有M码吗", intent: "complaint", absent: true),
        ]
    }
}
