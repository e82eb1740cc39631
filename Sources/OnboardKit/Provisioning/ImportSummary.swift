import Foundation

/// An import's `summary.json`: the plan's keys (`rows`, `customers`, `users`, `warnings`, `files`,
/// `tenants`) with this run's outcomes, plus `retries` and `passwordsReset`.
struct ImportSummary: Encodable {
    var rows: PlanCounts
    var customers: PlanCounts
    var users: PlanCounts
    var warnings: Int
    var retries: Int
    var passwordsReset: Int
    var accountsDelivered: Int
    var files: [InputFileSummary]
    var tenants: [Tenant]

    struct Tenant: Encodable {
        var prefix: String
        var outcome: String?
        var users: PlanCounts
    }

    init(_ report: ImportReport) {
        rows = report.rows
        customers = report.customers
        users = report.users
        warnings = report.warnings
        retries = report.retries
        passwordsReset = report.passwordsReset
        accountsDelivered = report.accountsDelivered
        files = report.files
        tenants = report.tenants.map {
            Tenant(prefix: $0.prefix, outcome: $0.outcome?.rawValue, users: $0.users)
        }
    }

    /// Writes the summary (mode 0600).
    func write(to path: String) throws(PlanError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(self) + Data("\n".utf8)
            try data.write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw PlanError(
                .inputOutput, path: path, message: "cannot write the summary: \(error.localizedDescription)")
        }
    }
}
