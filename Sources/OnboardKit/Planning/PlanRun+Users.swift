import CSVStream
import OnboardCore

extension PlanRun {
    /// How many user rows a plan reads ahead, to ask the directory for their users in one look-up.
    ///
    /// A store answers a batch in one read transaction instead of two per row (a plan of a million
    /// users against a store spent most of its time in those); 500 rows keep memory flat.
    static let lookUpBatchSize = 500

    /// A user row read and checked, waiting for the directory's answer for its batch.
    struct ReadUserRow: Sendable {
        let row: IntakeRow
        var checked: CheckedUser
        /// What the directory holds under the user's name; `.absent` until looked up, and for an
        /// import (which compares when it applies the row).
        var stored = StoredUserMatch.absent
    }

    /// Reads a users file of any user format: every row validated against its tenant and the policy,
    /// deduplicated by UPN key, compared with the directory.
    ///
    /// Rows are read and checked a batch at a time (for a plan, on a thread of their own: see
    /// ``UserReadAhead``), their users looked up in the directory at once, then settled one by one in
    /// input order, as if each had been looked up on its own: the directory is only read during a
    /// plan, so a row's answer does not depend on the rows before it.
    mutating func readUsers(_ path: String) throws(PlanError) {
        let formats: Set<InputFormat> = [.users, .portalBulkCreate, .adminCenter]
        let file = try InputFile(path: path, options: request.readerOptions, expecting: formats)
        let fileIndex = deduplicator.addFile(path)
        let rejects = try openRejects(for: file)
        var counts = PlanCounts()
        if stoppedBy == nil {
            let readAhead = UserReadAhead(
                file: file, validator: validator, tenants: catalog, interruption: interruption,
                batchSize: Self.lookUpBatchSize, isThreaded: handOver == nil)
            defer { readAhead.stop() }
            while var batch = try readAhead.next() {
                try lookUp(&batch)
                // Taken from the end of the reversed batch: each row is moved out, not copied (a copy
                // of its strings cost a tenth of a plan without a store).
                batch.reverse()
                while let read = batch.popLast() {
                    let outcome = try settleUser(read, at: fileIndex, rejects: rejects)
                    counts.count(outcome)
                }
            }
            if let signal = readAhead.stoppedBy { stoppedBy = signal }
        }
        report.users = report.users + counts
        try finish(file, role: "users", rejects: rejects, counts: counts)
    }

    /// Classifies a row read, checked and looked up, settles it in the reports and counts it for its
    /// tenant; returns its outcome.
    private mutating func settleUser(_ read: consuming ReadUserRow, at fileIndex: Int, rejects: RejectsFile)
        throws(PlanError) -> RowOutcome
    {
        let row = read.row
        var findings = read.checked.findings
        var outcome = RowOutcome.rejected
        let tenant = read.checked.tenant
        var subject: IntakeItem.Subject?
        if let draft = read.checked.draft, let user = read.checked.user,
            let assignment = read.checked.assignment
        {
            // Only an import hands the subject on; a plan would copy it for nothing.
            if handOver != nil { subject = .user(user, assignment, draft.password) }
            outcome = classify(
                draft, user: user, assignment: assignment, stored: read.stored, row: row,
                at: RowLocation(file: fileIndex, line: row.line), &findings)
        }
        try settle(
            row, findings: findings, outcome: outcome, tenant: tenant?.prefix.rawValue, rejects: rejects,
            subject: subject)
        let prefix = tenant?.prefix.rawValue ?? ""
        let runTenants = catalog
        let index = tenantPlan(
            prefix, inDirectory: tenant.map { !runTenants.hasRunTenant($0.prefix) } ?? false)
        report.tenants[index].users.count(outcome)
        return outcome
    }

    /// Asks the directory, at once, for the stored user of every valid row of `batch`.
    ///
    /// Not for an import: its engine compares with the directory when it applies the row (and refuses
    /// a name of another tenant then); a look-up here would make the reader wait on a remote
    /// directory's latency.
    private func lookUp(_ batch: inout [ReadUserRow]) throws(PlanError) {
        guard handOver == nil else { return }
        var candidates: [UserApplication] = []
        var positions: [Int] = []
        candidates.reserveCapacity(batch.count)
        positions.reserveCapacity(batch.count)
        for position in batch.indices where batch[position].checked.draft != nil {
            guard let user = batch[position].checked.user, let role = batch[position].checked.assignment
            else { continue }
            candidates.append(UserApplication(user: user, role: role))
            positions.append(position)
        }
        guard !candidates.isEmpty else { return }
        let matches: [StoredUserMatch]
        do throws(DirectoryError) {
            matches = try directory.storedUsers(matching: candidates)
        } catch {
            throw Self.unreachable(error)
        }
        guard matches.count == candidates.count else {
            throw PlanError(
                .inputOutput, path: "directory",
                message: "the directory answered \(matches.count) of \(candidates.count) user look-ups")
        }
        for (position, match) in zip(positions, matches) { batch[position].stored = match }
    }

    /// Deduplicates a valid user and compares it and its role with what the directory holds under its
    /// name (the core decides).
    private mutating func classify(
        _ draft: UserDraft, user: TenantUser, assignment: RoleAssignment, stored: StoredUserMatch,
        row: IntakeRow, at location: RowLocation,
        _ findings: inout RowFindings
    ) -> RowOutcome {
        guard let changes = stored.changes(to: user, role: assignment) else {
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
        if case .created = changes.user { return .create }
        return changes.user == .unchanged && changes.role == .unchanged ? .unchanged : .update
    }
}
