import KefuCore
import KefuPlugins

/// The registered built-in code plugins, as the commands see them.
enum KefuPluginsBridge {
    static var detectorFactories: [any IntentDetectorFactory] { BuiltinPlugins.detectorFactories }
    static var extractors: [any EntityExtractor] { BuiltinPlugins.extractors }
}
