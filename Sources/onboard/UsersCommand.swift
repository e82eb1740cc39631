import ArgumentParser
import OnboardCore
import OnboardKit

/// `onboard users --tenant PREFIX`: lists one tenant's users.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "List the users of one tenant in the directory store.",
        discussion: """
            The tenant's default admin first (marked *), then its users by name: user principal name, \
            display name, role on the tenant's subscription and whether sign-in is blocked. Never shows a \
            password. With --json, a JSON array of objects with the keys tenant, userPrincipalName, \
            displayName, role (null when none), signInBlocked and defaultAdmin. An unknown tenant is an \
            error (exit 65); `onboard tenants` lists the prefixes.
            """)

    @Option(help: ArgumentHelp("The tenant's domain prefix.", valueName: "prefix"))
    var tenant: String

    @OptionGroup var directory: DirectoryOptions

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    func run() throws {
        let store = try directory.openForReading()
        let unknown =
            "onboard: error: there is no tenant \"\(tenant)\" in \(directory.name); `onboard tenants` lists them"
        guard let prefix = try? DomainPrefix.parse(tenant) else {
            printToStandardError(unknown)
            throw ExitStatus.dataError.code
        }
        let rows: [DirectoryListing.UserRow]
        do throws(DirectoryError) {
            rows = try DirectoryListing.users(of: prefix, in: store)
        } catch {
            if case .unknownTenant = error {
                printToStandardError(unknown)
                throw ExitStatus.dataError.code
            }
            throw listingFailed(error)
        }
        try printToStandardOutput(json ? DirectoryListing.json(rows) : DirectoryListing.table(rows))
    }
}
