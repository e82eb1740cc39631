import ArgumentParser
import Foundation
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

    /// Runs the command line. A file-size limit (`ulimit -f`) must end in a clear message and status
    /// 74, not a kill: with SIGXFSZ ignored, a write over the limit fails with EFBIG like a full disk.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
