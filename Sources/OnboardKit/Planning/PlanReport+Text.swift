/// The plan as printed for a person: per tenant, then the rows to fix, then the totals.
extension PlanReport {
    /// The lines `onboard plan` prints.
    public var text: String {
        var lines: [String] = []
        for file in files where !file.unknownColumns.isEmpty {
            lines.append(
                RowLines.printable(
                    "\(file.path): warning: columns not used by onboard (ignored): "
                        + file.unknownColumns.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        if !tenants.isEmpty {
            lines.append("Tenants:")
            for tenant in tenants {
                let what =
                    tenant.outcome.map(Self.verb)
                    ?? (tenant.isInDirectory ? "in the directory, no customer row" : "no valid customer row")
                let name = tenant.prefix.isEmpty ? "(tenant unknown)" : tenant.prefix
                let users = tenant.users
                lines.append(
                    "  \(name): \(what); users: \(users.created) to create, \(users.updated) to update, "
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
        lines.append(Self.totals("Total", rows) + "; \(warnings) warning\(warnings == 1 ? "" : "s")")
        if let interruption {
            lines.append(
                "Interrupted by \(interruption.name) after \(rows.read) rows: the counts cover the rows read "
                    + "until then.")
        }
        lines.append(
            "Nothing was changed. Reports (report.html, report.xml, summary.json) and rejects: \(outputDirectory)"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    static func verb(_ outcome: RowOutcome) -> String {
        switch outcome {
        case .create: "create"
        case .update: "update"
        case .unchanged: "unchanged"
        case .rejected: "rejected"
        case .duplicate: "duplicate"
        case .conflict: "conflict"
        }
    }

    static func totals(_ title: String, _ counts: PlanCounts) -> String {
        "\(title): \(counts.read) read, \(counts.created) to create, \(counts.updated) to update, "
            + "\(counts.unchanged) unchanged, \(counts.rejected) rejected (\(counts.conflict) conflicting), "
            + "\(counts.duplicate) duplicate"
    }
}
