import ArgumentParser
import KefuCore

/// `--var key=value`, repeatable.
struct VariableAssignment: ExpressibleByArgument {
    var key: String
    var value: String

    init?(argument: String) {
        guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { return nil }
        key = String(argument[..<eq])
        value = String(argument[argument.index(after: eq)...])
    }
}
