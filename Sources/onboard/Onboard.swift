import ArgumentParser
import OnboardKit

@main
struct Onboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard",
        abstract: "Onboard customer tenants and their users in bulk from CSV files.",
        version: onboardVersion,
        subcommands: [ImportCommand.self, PlanCommand.self, CSVCommand.self, SamplesCommand.self]
    )
}
