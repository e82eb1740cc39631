import CSVStream
import OnboardCore

extension PlanRun {
    /// Reads the customers file: every row validated, deduplicated by domain prefix, compared with
    /// the directory; accepted tenants go into the catalog the users are checked against.
    mutating func readCustomers(_ path: String) throws(PlanError) {
        let file = try InputFile(path: path, options: request.readerOptions, expecting: [.customers])
        let fileIndex = deduplicator.addFile(path)
        let rejects = try openRejects(for: file)
        var counts = PlanCounts()
        while let next = try nextRecord(of: file) {
            let row: IntakeRow
            var findings: RowFindings
            var outcome = RowOutcome.rejected
            var draft: TenantDraft?
            switch next {
            case .failure(let issue):
                (row, findings) = Self.malformed(issue, in: file)
            case .success(let record):
                if Self.isBlank(record) { continue }
                row = IntakeRow(file: path, record: record, mapping: file.mapping)
                let checked = CustomerValidator.check(row)
                findings = checked.findings
                draft = checked.draft
                if let draft {
                    outcome = try classify(
                        draft, row: row, at: RowLocation(file: fileIndex, line: row.line), &findings)
                }
            }
            try settle(
                row, findings: findings, outcome: outcome, tenant: draft?.prefix.rawValue, rejects: rejects,
                subject: draft.map { .tenant(CustomerTenant($0)) }, isCustomer: true)
            counts.count(outcome)
        }
        report.customers = report.customers + counts
        try finish(file, role: "customers", rejects: rejects, counts: counts)
    }

    /// Deduplicates a valid customer and compares it with the directory (the core decides the change).
    private mutating func classify(
        _ draft: TenantDraft, row: IntakeRow, at location: RowLocation, _ findings: inout RowFindings
    ) throws(PlanError) -> RowOutcome {
        let sighting = deduplicator.record(
            draft, at: location, prefixColumn: row.column(.domainPrefix), companyColumn: row.column(.company),
            findings: &findings)
        if let repeated = settleRepeat(sighting, row: row) { return repeated }
        let tenant = CustomerTenant(draft)
        let existing: CustomerTenant?
        do throws(DirectoryError) {
            existing = try directory.tenant(prefix: draft.prefix)
        } catch {
            throw Self.unreachable(error)
        }
        catalog.add(tenant)
        let outcome = RowOutcome(tenant.change(from: existing))
        let index = tenantPlan(draft.prefix.rawValue, inDirectory: existing != nil)
        report.tenants[index].outcome = outcome
        report.tenants[index].company = draft.company.rawValue
        return outcome
    }
}

extension RowOutcome {
    /// The outcome of a row whose object the core found created, updated or unchanged.
    init<Attribute>(_ change: Change<Attribute>) {
        switch change {
        case .created: self = .create
        case .updated: self = .update
        case .unchanged: self = .unchanged
        }
    }
}
