import KefuCommands

KefuCommand.entry()
