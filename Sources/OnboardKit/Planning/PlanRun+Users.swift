import CSVStream
import OnboardCore

extension PlanRun {
    /// Reads a users file of any user format: every row validated against its tenant and the policy,
    /// deduplicated by UPN key, compared with the directory.
    mutating func readUsers(_ path: String) throws(PlanError) {
        let formats: Set<InputFormat> = [.users, .portalBulkCreate, .adminCenter]
        let file = try InputFile(path: path, options: request.readerOptions, expecting: formats)
        let fileIndex = deduplicator.addFile(path)
        let rejects = try openRejects(for: file, role: "users")
        var counts = PlanCounts()
        while let next = try file.next() {
            let row: IntakeRow
            var findings: RowFindings
            var outcome = RowOutcome.rejected
            var tenant = ""
            switch next {
            case .failure(let issue):
                (row, findings) = malformed(issue, in: file)
            case .success(let record):
                if Self.isBlank(record) { continue }
                row = IntakeRow(file: path, record: record, mapping: file.mapping)
                let checked = validator.check(row, tenants: catalog)
                findings = checked.findings
                tenant = checked.tenant?.prefix.rawValue ?? ""
                if let draft = checked.draft {
                    outcome = classify(
                        draft, row: row, at: RowLocation(file: fileIndex, line: row.line), &findings)
                }
            }
            try settle(row, findings: findings, outcome: outcome, rejects: rejects)
            counts.count(outcome)
            let index = tenantPlan(tenant, inDirectory: !tenant.isEmpty && tenantIndex[tenant] == nil)
            report.tenants[index].users.count(outcome)
        }
        report.users = report.users + counts
        try finish(file, role: "users", rejects: rejects, counts: counts)
    }

    /// Deduplicates a valid user and compares it with the directory.
    private mutating func classify(
        _ draft: UserDraft, row: IntakeRow, at location: RowLocation, _ findings: inout RowFindings
    ) -> RowOutcome {
        let key = draft.userPrincipalName.key
        let existing = directory.user(key)
        if let existing, existing.tenant != draft.tenant {
            findings.add(
                .userForeignTenant, field: row.column(.userPrincipalName),
                value: draft.userPrincipalName.rawValue,
                "The user already exists in the tenant \(existing.tenant?.rawValue ?? "?"); a user belongs to one "
                    + "tenant only: use another user name or move the user by hand.")
            return .rejected
        }
        let sighting = deduplicator.record(
            draft, at: location, column: row.column(.userPrincipalName),
            displayNameColumn: row.column(.displayName),
            findings: &findings)
        switch sighting {
        case .duplicate(let earlier):
            report.append(
                "\(row.file):\(row.line): duplicate of \(deduplicator.describe(earlier)), skipped",
                to: \.duplicateLines)
            return .duplicate
        case .conflict:
            return .conflict
        case .first:
            guard let existing else { return .create }
            // The directory never holds a password: a given one on an existing user is not a change.
            var comparable = draft
            comparable.password = nil
            return comparable == existing ? .unchanged : .update
        }
    }
}
