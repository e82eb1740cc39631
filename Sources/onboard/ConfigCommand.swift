import ArgumentParser
import OnboardKit

/// `onboard config`: the configuration file's commands.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check a configuration file (onboard.toml).",
        subcommands: [ConfigCheckCommand.self])
}

/// `onboard config check FILE`: reads a configuration file and prints the settings it gives, or
/// every mistake in it.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a configuration file and print the effective settings.",
        discussion: """
            Prints `FILE: ok` and then every setting (the file's values, defaults for the rest) as TOML, \
            or every mistake as `FILE:LINE: error: [section].key: message` (`FILE: error: …` when the \
            line is not known) on standard error. Exit status: 0 ok, 65 mistakes in the file, 66 no such \
            file, 74 unreadable. docs/onboard.example.toml documents every key.
            """)

    @Argument(help: ArgumentHelp("The configuration file.", valueName: "file"))
    var file: String

    func run() throws {
        let configuration: OnboardConfiguration
        do throws(ConfigurationErrors) {
            configuration = try OnboardConfiguration(contentsOf: file)
        } catch {
            for line in error.errors { printToStandardError(line.description) }
            throw (error.isMissingFile ? ExitStatus.noInput : ExitStatus.dataError).code
        }
        try printToStandardOutput("\(file): ok\n\n" + configuration.tomlText)
    }
}
