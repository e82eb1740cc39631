import ArgumentParser
import OnboardKit

@main
struct Onboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard",
        abstract: "Onboard customer tenants and their users in bulk from CSV files.",
        discussion: ExitStatus.helpText,
        version: onboardVersion,
        subcommands: [
            ImportCommand.self, PlanCommand.self, RunCommand.self, TenantsCommand.self, UsersCommand.self, ConfigCommand.self,
            CSVCommand.self, SamplesCommand.self,
        ]
    )
}
