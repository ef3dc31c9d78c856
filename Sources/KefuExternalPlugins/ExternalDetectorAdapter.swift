import KefuCore

/// All external plugins with `detect`, as one intent detector of the engine:
/// one request fans out to every plugin at once, so the engine waits one
/// deadline at most whatever their number. Each signal's evidence names the
/// plugin it came from.
package struct ExternalDetectorFactory: IntentDetectorFactory {
    package let id = "external"
    let host: ExternalPluginHost

    package init(host: ExternalPluginHost) { self.host = host }

    package func makeDetector(library: SnippetLibrary, normalizer: TextNormalizer) -> any IntentDetector {
        ExternalIntentDetector(host: host)
    }
}

struct ExternalIntentDetector: IntentDetector {
    let id = "external"
    let host: ExternalPluginHost

    func detect(_ message: DetectionInput) -> DetectorReport {
        let r = host.detect(message.text)
        SkippedPluginLog.current?.record(r.skipped)
        var report = DetectorReport()
        for part in r.reports {
            report.signals += part.signals
            if let t = part.tone, t.anger >= (report.tone?.anger ?? 0) { report.tone = t }
        }
        return report
    }
}

/// All external plugins with `extract`, as one entity extractor.
package struct ExternalEntityExtractor: EntityExtractor {
    package let id = "external"
    let host: ExternalPluginHost

    package init(host: ExternalPluginHost) { self.host = host }

    package func extract(from text: NormalizedText) -> [Entity] {
        let r = host.extract(text)
        SkippedPluginLog.current?.record(r.skipped)
        return r.entities
    }
}
