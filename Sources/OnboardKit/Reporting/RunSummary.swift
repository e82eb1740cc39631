import Foundation
import Reports

/// `summary.json`: the run's counts for machines, tallied from the same outcome stream as the reports.
///
/// Keys as `onboard plan` has always written them: `rows`, `customers`, `users` (each a `PlanCounts`:
/// `read`, `created`, `updated`, `unchanged`, `rejected`, `duplicate`, `conflict`), `warnings`,
/// `files` (each input with its own counts) and `tenants` (each with its users' counts). Only counts
/// are kept, one per file and per tenant, never rows. An interrupted run adds `interrupted` (the
/// signal's name); its `files` are the inputs it began to read.
struct RunSummary {
    private(set) var customers = PlanCounts()
    private(set) var users = PlanCounts()
    private(set) var rowWarnings = 0
    /// Per input file index, in the order of `begin`'s files.
    private var fileCounts: [PlanCounts]
    private var tenants: [Document.Tenant] = []
    private var tenantIndex: [String: Int] = [:]

    init(fileCount: Int) {
        fileCounts = Array(repeating: PlanCounts(), count: fileCount)
    }

    var rows: PlanCounts { customers + users }

    /// Counts one row of input file `file`.
    mutating func add(_ outcome: Reports.RowOutcome, file: Int) {
        if fileCounts.indices.contains(file) { fileCounts[file].count(outcome) }
        rowWarnings += outcome.findings.lazy.filter { $0.severity == .warning }.count
        switch outcome.entity {
        case .customer:
            customers.count(outcome)
            // A customer row that goes through names its tenant's line; the first one decides it.
            guard let prefix = outcome.tenant, let verb = Self.tenantVerb(outcome.kind) else { return }
            let index = tenantLine(prefix, inDirectory: outcome.kind != .created)
            tenants[index].outcome = verb
        case .user:
            users.count(outcome)
            // A user's tenant was accepted earlier in the run or is in the directory; the line of a
            // tenant first named by a user row is therefore a directory tenant ("" when unknown).
            let prefix = outcome.tenant ?? ""
            let index = tenantLine(prefix, inDirectory: !prefix.isEmpty)
            tenants[index].users.count(outcome)
        }
    }

    /// What a customer row of this kind does to its tenant, as summary.json writes it.
    private static func tenantVerb(_ kind: Reports.RowOutcome.Kind) -> String? {
        switch kind {
        case .created: "create"
        case .updated: "update"
        case .unchanged: "unchanged"
        case .rejected, .duplicate: nil
        }
    }

    private mutating func tenantLine(_ prefix: String, inDirectory: Bool) -> Int {
        if let index = tenantIndex[prefix] { return index }
        tenants.append(
            Document.Tenant(prefix: prefix, outcome: nil, inDirectory: inDirectory, users: PlanCounts()))
        tenantIndex[prefix] = tenants.count - 1
        return tenants.count - 1
    }

    /// The JSON, pretty-printed with sorted keys, so equal runs give equal bytes.
    ///
    /// `files` describe the inputs (path, role, format, …); their counts are replaced with the ones
    /// tallied here. `runWarnings` are the warnings about the run as a whole.
    ///
    /// `interrupted` names the signal that stopped the run early; the key is left out of a run that
    /// finished.
    func encoded(
        files: [InputFileSummary], runWarnings: Int, provisioning: ProvisioningTotals? = nil,
        interrupted: String? = nil
    ) throws -> Data {
        var described = files
        for index in described.indices {
            described[index].counts = fileCounts.indices.contains(index) ? fileCounts[index] : PlanCounts()
        }
        let document = Document(
            rows: rows, customers: customers, users: users, warnings: rowWarnings + runWarnings,
            files: described, tenants: tenants, retries: provisioning?.retries,
            passwordsReset: provisioning?.passwordsReset, accountsDelivered: provisioning?.accountsDelivered,
            interrupted: interrupted)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    /// The file's shape.
    struct Document: Encodable {
        var rows: PlanCounts
        var customers: PlanCounts
        var users: PlanCounts
        var warnings: Int
        var files: [InputFileSummary]
        var tenants: [Tenant]
        /// An import's: directory calls retried, passwords reset, accounts put on sheets (absent in
        /// a plan's summary).
        var retries: Int?
        var passwordsReset: Int?
        var accountsDelivered: Int?
        /// The signal that stopped the run (`SIGINT`, `SIGTERM`): the counts cover the rows read
        /// until then. Absent when the run finished.
        var interrupted: String?

        struct Tenant: Encodable {
            var prefix: String
            var outcome: String?
            var inDirectory: Bool
            var users: PlanCounts
        }
    }
}

extension PlanCounts {
    /// Counts one more row of the outcome stream; a conflict is rejected and also a conflict.
    mutating func count(_ outcome: Reports.RowOutcome) {
        read += 1
        switch outcome.kind {
        case .created: created += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .rejected: rejected += 1
        case .duplicate: duplicate += 1
        }
        if outcome.isConflict { conflict += 1 }
    }
}
