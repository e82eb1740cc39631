import CSVStream
import OnboardCore

extension PlanRun {
    /// Reads a users file of any user format: every row validated against its tenant and the policy,
    /// deduplicated by UPN key, compared with the directory.
    mutating func readUsers(_ path: String) throws(PlanError) {
        let formats: Set<InputFormat> = [.users, .portalBulkCreate, .adminCenter]
        let file = try InputFile(path: path, options: request.readerOptions, expecting: formats)
        let fileIndex = deduplicator.addFile(path)
        let rejects = try openRejects(for: file)
        var counts = PlanCounts()
        while let next = try nextRecord(of: file) {
            let row: IntakeRow
            var findings: RowFindings
            var outcome = RowOutcome.rejected
            var tenant: CustomerTenant?
            var subject: IntakeItem.Subject?
            switch next {
            case .failure(let issue):
                (row, findings) = malformed(issue, in: file)
            case .success(let record):
                if Self.isBlank(record) { continue }
                row = IntakeRow(file: path, record: record, mapping: file.mapping)
                let checked: CheckedUser
                do throws(DirectoryError) {
                    checked = try validator.check(row, tenants: catalog)
                } catch {
                    throw Self.unreachable(error)
                }
                findings = checked.findings
                tenant = checked.tenant
                if let draft = checked.draft, let user = checked.user, let assignment = checked.assignment {
                    // Only an import hands the subject on; a plan would copy it for nothing.
                    if handOver != nil { subject = .user(user, assignment, draft.password) }
                    outcome = try classify(
                        draft, user: user, assignment: assignment, row: row,
                        at: RowLocation(file: fileIndex, line: row.line), &findings)
                }
            }
            try settle(
                row, findings: findings, outcome: outcome, tenant: tenant?.prefix.rawValue, rejects: rejects,
                subject: subject)
            counts.count(outcome)
            let prefix = tenant?.prefix.rawValue ?? ""
            let runTenants = catalog
            let index = tenantPlan(
                prefix, inDirectory: tenant.map { !runTenants.hasRunTenant($0.prefix) } ?? false)
            report.tenants[index].users.count(outcome)
        }
        report.users = report.users + counts
        try finish(file, role: "users", rejects: rejects, counts: counts)
    }

    /// Deduplicates a valid user and compares it and its role with the directory (the core decides).
    private mutating func classify(
        _ draft: UserDraft, user: TenantUser, assignment: RoleAssignment, row: IntakeRow,
        at location: RowLocation,
        _ findings: inout RowFindings
    ) throws(PlanError) -> RowOutcome {
        let existing: TenantUser?
        let existingRole: RoleAssignment?
        do throws(DirectoryError) {
            // An import's engine compares with the directory when it applies the row (and refuses a
            // name of another tenant then): a look-up per row here would make the reader wait on
            // every row a remote directory's latency.
            existing = handOver != nil ? nil : try directory.user(key: user.key)
            existingRole = existing == nil ? nil : try directory.roleAssignment(of: user.key)
        } catch {
            throw Self.unreachable(error)
        }
        if let existing, existing.tenant != user.tenant {
            // Tenant isolation: the message does not say which tenant has the name.
            findings.add(
                .userForeignTenant, field: row.column(.userPrincipalName),
                value: user.userPrincipalName.rawValue,
                "A user with this name already exists in another tenant; a user belongs to one tenant only: "
                    + "use another user name.")
            return .rejected
        }
        let sighting = deduplicator.record(
            draft, at: location, column: row.column(.userPrincipalName),
            displayNameColumn: row.column(.displayName),
            findings: &findings)
        if let repeated = settleRepeat(sighting, row: row) { return repeated }
        guard existing != nil else { return .create }
        let userChange = RowOutcome(user.change(from: existing))
        let roleChange = RowOutcome(assignment.change(from: existingRole))
        return userChange == .unchanged && roleChange == .unchanged ? .unchanged : .update
    }
}
