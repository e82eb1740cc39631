import CSVStream

/// The one consumer of an import's outcomes, in input order: counts per kind, file and tenant, the
/// lines to show, and the rejects files (rows the intake or the directory refused).
struct ImportTally {
    var report = ImportReport()
    private var fileCounts: [String: PlanCounts] = [:]
    private var tenantIndex: [String: Int] = [:]
    private var rejectsFiles: [ObjectIdentifier: RejectsFileHandle] = [:]
    /// The first failure to write a rejects file.
    var failure: PlanError?

    mutating func record(_ row: ProvisionedRow) {
        let item = row.item
        if item.isCustomer { report.customers.count(row.outcome) } else { report.users.count(row.outcome) }
        fileCounts[item.row.file, default: PlanCounts()].count(row.outcome)
        let index = tenant(item.tenant)
        if item.isCustomer {
            if item.subject != nil || report.tenants[index].outcome == nil {
                report.tenants[index].outcome = row.outcome
            }
        } else {
            report.tenants[index].users.count(row.outcome)
        }
        guard row.outcome == .rejected || row.outcome == .conflict else { return }
        var findings = item.findings.items
        if let refusal = row.refusal {
            let finding = Finding(
                code: "directory.refused", severity: .error, file: item.row.file, line: item.row.line,
                field: nil, value: nil, message: refusal)
            findings.append(finding)
            report.append(finding.description, to: \.rejectedLines)
        } else {
            for error in item.findings.errors { report.append(error.description, to: \.rejectedLines) }
        }
        rejectsFiles[ObjectIdentifier(item.rejects.file)] = item.rejects
        do throws(CSVOutputError) {
            try item.rejects.file.write(item.row, findings: findings)
        } catch {
            if failure == nil {
                failure = PlanError(.inputOutput, path: error.path, message: error.description)
            }
        }
    }

    private mutating func tenant(_ prefix: String) -> Int {
        if let index = tenantIndex[prefix] { return index }
        report.tenants.append(TenantPlan(prefix: prefix, outcome: nil, isInDirectory: false))
        tenantIndex[prefix] = report.tenants.count - 1
        return report.tenants.count - 1
    }

    /// The file summaries of the intake with this run's counts.
    func files(_ intake: [InputFileSummary]) -> [InputFileSummary] {
        intake.map { file in
            var file = file
            file.counts = fileCounts[file.path] ?? PlanCounts()
            return file
        }
    }
}
