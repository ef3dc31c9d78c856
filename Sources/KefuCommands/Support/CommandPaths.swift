import ArgumentParser

extension KefuCommand {
    /// Every command kefu has, as the words that name it (`[]` is `kefu`
    /// itself, `["plugins", "list"]` is `kefu plugins list`): what the help
    /// snapshots cover, so a new subcommand gets one without a list to edit.
    static var commandPaths: [[String]] {
        func walk(_ command: ParsableCommand.Type, _ path: [String]) -> [[String]] {
            [path]
                + command.configuration.subcommands.flatMap { sub in
                    walk(sub, path + [sub.configuration.commandName ?? sub._commandName])
                }
        }
        return walk(KefuCommand.self, [])
    }
}
