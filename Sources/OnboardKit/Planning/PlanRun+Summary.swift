import Foundation

extension PlanRun {
    /// The machine-readable summary: counts per kind, files, tenants.
    struct Summary: Encodable {
        var rows: PlanCounts
        var customers: PlanCounts
        var users: PlanCounts
        var warnings: Int
        var files: [InputFileSummary]
        var tenants: [Tenant]

        struct Tenant: Encodable {
            var prefix: String
            var outcome: String?
            var inDirectory: Bool
            var users: PlanCounts
        }
    }

    /// Writes `summary.json` (mode 0600) into the output folder.
    func writeSummary() throws(PlanError) {
        let summary = Summary(
            rows: report.rows, customers: report.customers, users: report.users, warnings: report.warnings,
            files: report.files,
            tenants: report.tenants.map {
                Summary.Tenant(
                    prefix: $0.prefix, outcome: $0.outcome?.rawValue, inDirectory: $0.isInDirectory,
                    users: $0.users)
            })
        let path = request.outputDirectory + "/summary.json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(summary) + Data("\n".utf8)
            try data.write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw PlanError(
                .inputOutput, path: path, message: "cannot write the summary: \(error.localizedDescription)")
        }
    }
}
