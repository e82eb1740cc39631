import ArgumentParser
import OnboardCore
import OnboardKit

/// `onboard tenants`: lists the tenants the directory store holds.
struct TenantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "List the tenants in the directory store.",
        discussion: """
            One line per tenant, ordered by domain prefix: prefix, company, country, disaster-recovery \
            mode and number of users (the default admin included). Never shows a password or key. \
            With --json, a JSON array of objects with the keys prefix, company, country, \
            disasterRecoveryMode and users. The store is only read; a missing store is an error \
            (exit 66), never made empty.
            """)

    @OptionGroup var directory: DirectoryOptions

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    func run() throws {
        let store = try directory.openForReading()
        let rows: [DirectoryListing.TenantRow]
        do throws(DirectoryError) {
            rows = try DirectoryListing.tenants(in: store)
        } catch {
            throw listingFailed(error)
        }
        if json {
            try printToStandardOutput(DirectoryListing.json(rows))
        } else if rows.isEmpty {
            try printToStandardOutput("No tenants in \(directory.name).\n")
        } else {
            try printToStandardOutput(DirectoryListing.table(rows))
        }
    }
}
