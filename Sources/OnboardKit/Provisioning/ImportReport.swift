/// What an import did: counts by outcome and per tenant, the rows to look at, where the output went
/// (per-file counts are in `summary.json`).
public struct ImportReport: Sendable {
    public var customers = PlanCounts()
    public var users = PlanCounts()
    public var warnings = 0
    /// Directory calls retried after a transient failure.
    public var retries = 0
    /// Accounts whose password was reset because an earlier run did not record its delivery.
    public var passwordsReset = 0
    /// Accounts put on credential sheets by this run (resets included).
    public var accountsDelivered = 0
    /// The tenants the run touched, in the order their outcomes came.
    public var tenants: [TenantPlan] = []
    /// `FILE:LINE: …` for each reason a row was rejected, at most `PlanReport.lineLimit`.
    public var rejectedLines: [String] = []
    public var duplicateLines: [String] = []
    public var warningLines: [String] = []
    public var omittedLines = 0
    public var outputDirectory = ""
    /// The most rows read ahead of the last outcome at any moment (bounded by the window).
    public var peakRowsInFlight = 0
    /// The signal that stopped the import before the inputs' end: the rows read were applied and
    /// reported, the rest were not read.
    public var interruption: RunInterruption.Signal?

    public init() {}

    /// Customers and users together.
    public var rows: PlanCounts { customers + users }

    /// True when a row was rejected or conflicting (exit status 1).
    public var hasRejections: Bool { rows.rejected > 0 }

    mutating func append(_ line: String, to list: WritableKeyPath<ImportReport, [String]>) {
        if self[keyPath: list].count < PlanReport.lineLimit {
            self[keyPath: list].append(line)
        } else {
            omittedLines += 1
        }
    }

    /// The lines `onboard import` prints.
    public var text: String {
        var lines: [String] = []
        if !tenants.isEmpty {
            lines.append("Tenants:")
            for tenant in tenants {
                let what = tenant.outcome.map(Self.verb) ?? "already in the directory"
                let name = tenant.prefix.isEmpty ? "(tenant unknown)" : tenant.prefix
                let users = tenant.users
                lines.append(
                    "  \(name): \(what); users: \(users.created) created, \(users.updated) updated, "
                        + "\(users.unchanged) unchanged, \(users.rejected) rejected, \(users.duplicate) duplicate"
                )
            }
        }
        lines +=
            RowLines(
                rejected: rejectedLines, duplicates: duplicateLines, warnings: warningLines,
                omitted: omittedLines
            ).text
        lines.append(Self.totals("Customers", customers))
        lines.append(Self.totals("Users", users))
        lines.append(
            Self.totals("Total", rows) + "; \(warnings) warning\(warnings == 1 ? "" : "s"); \(retries) "
                + "retr\(retries == 1 ? "y" : "ies")")
        if let interruption {
            lines.append(
                "Interrupted by \(interruption.name) after \(rows.read) rows: the rows read were applied and are "
                    + "reported; the rest were not read. Run the same command again to finish.")
        }
        if passwordsReset > 0 {
            lines.append(
                "Reset the temporary passwords of \(passwordsReset) accounts an interrupted run had not "
                    + "delivered; their new passwords are on this run's credential sheets.")
        }
        lines.append(
            "Credential sheets (\(accountsDelivered) accounts): \(outputDirectory)/credentials. "
                + "Summary and rejects: \(outputDirectory)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func verb(_ outcome: RowOutcome) -> String {
        switch outcome {
        case .create: "created"
        case .update: "updated"
        case .unchanged: "unchanged"
        case .rejected: "rejected"
        case .duplicate: "duplicate"
        case .conflict: "conflict"
        }
    }

    static func totals(_ title: String, _ counts: PlanCounts) -> String {
        "\(title): \(counts.read) read, \(counts.created) created, \(counts.updated) updated, "
            + "\(counts.unchanged) unchanged, \(counts.rejected) rejected (\(counts.conflict) conflicting), "
            + "\(counts.duplicate) duplicate"
    }
}
