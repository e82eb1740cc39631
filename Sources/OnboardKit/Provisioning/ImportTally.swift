import CSVStream
import OnboardCore
import Reports

/// The one consumer of an import's outcomes, in input order: the reports (`report.xml`,
/// `report.html`, `summary.json` through the plan's ``RunRecorder``), the rejects files (rows the
/// intake or the directory refused), and the counts and lines the command prints.
struct ImportTally: Sendable {
    var report = ImportReport()
    private let recorderHandle: RecorderHandle
    private var recorder: RunRecorder { recorderHandle.recorder }
    private var tenantIndex: [String: Int] = [:]
    /// The first failure to write a report or a rejects file.
    var failure: PlanError?

    init(recorder: RunRecorder) {
        recorderHandle = RecorderHandle(recorder: recorder)
    }

    mutating func record(_ row: ProvisionedRow) {
        let item = row.item
        if item.isCustomer { report.customers.count(row.outcome) } else { report.users.count(row.outcome) }
        let index = tenant(item.tenant ?? "")
        if item.isCustomer {
            if item.subject != nil {
                report.tenants[index].outcome = row.outcome
                report.tenants[index].company = Self.company(of: item)
            }
        } else {
            report.tenants[index].users.count(row.outcome)
        }
        var findings = item.findings
        if let refusal = row.refusal {
            let finding = Finding(
                code: "directory.refused", severity: .error, file: item.row.file, line: item.row.line,
                field: nil, value: nil, message: refusal)
            findings.add(finding)
            report.append(finding.description, to: \.rejectedLines)
        } else if row.outcome == .rejected || row.outcome == .conflict {
            for error in item.findings.errors { report.append(error.description, to: \.rejectedLines) }
        }
        do throws(ReportOutputError) {
            let earlier = item.firstSeen.flatMap { recorder.position(of: $0) }
            try recorder.record(
                Reports.RowOutcome(
                    item.row, findings: findings, outcome: row.outcome, tenant: item.tenant,
                    firstSeen: earlier))
        } catch {
            note(PlanError(.inputOutput, path: error.path, message: error.description))
        }
        guard row.outcome == .rejected || row.outcome == .conflict else { return }
        do throws(CSVOutputError) {
            try item.rejects.file.write(item.row, findings: findings.items)
        } catch {
            note(PlanError(.inputOutput, path: error.path, message: error.description))
        }
    }

    private mutating func note(_ error: PlanError) {
        if failure == nil { failure = error }
    }

    private static func company(of item: IntakeItem) -> String {
        if case .tenant(let tenant) = item.subject { return tenant.company.rawValue }
        return ""
    }

    private mutating func tenant(_ prefix: String) -> Int {
        if let index = tenantIndex[prefix] { return index }
        report.tenants.append(TenantPlan(prefix: prefix, outcome: nil, isInDirectory: false))
        tenantIndex[prefix] = report.tenants.count - 1
        return report.tenants.count - 1
    }

    /// The tenants as the reports show them: what was done to each and to its users.
    var tenantOutcomes: [TenantOutcome] {
        report.tenants.filter { !$0.prefix.isEmpty }.map { tenant in
            let action = TenantOutcome.Action(tenant.outcome)
            return TenantOutcome(
                prefix: tenant.prefix, company: tenant.company, action: action,
                stepsDone: action == .rejected || tenant.outcome == nil
                    ? [] : RecoveryStep.allCases.map(\.rawValue),
                usersCreated: tenant.users.created, usersUpdated: tenant.users.updated,
                usersUnchanged: tenant.users.unchanged, usersRejected: tenant.users.rejected)
        }
    }
}

/// The run's reports, used by the reader before the engine starts (`begin`) and after it has
/// drained (`finish`), and by the outcome consumer in between.
///
/// `@unchecked Sendable`: `RunRecorder` is a non-thread-safe class, but its uses never overlap:
/// the consumer runs on one serial queue, only between the engine's first submit and the end of
/// `ProvisioningEngine.finish()`, whose semaphore waits order it before the reader's `finish`.
private final class RecorderHandle: @unchecked Sendable {
    let recorder: RunRecorder

    init(recorder: RunRecorder) { self.recorder = recorder }
}
