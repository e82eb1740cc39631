import Foundation
import Reports

/// What a plan tells its reports beyond the rows: the run's metadata, its warnings, its timings.
struct PlanReporting {
    private(set) var metadata: RunMetadata
    private(set) var warnings: [RunWarning] = []
    private(set) var timings: [PhaseTiming] = []
    private var phaseStart = Date()

    init(request: PlanRequest, command: RunMetadata.Command = .plan, jobs: Int = 1) {
        metadata = RunMetadata.starting(
            command: command, toolVersion: onboardVersion, jobs: jobs, options: Self.options(of: request),
            deterministic: request.isDeterministic, seed: request.seed)
    }

    /// The options as given, never a secret (a plan has none to give).
    static func options(of request: PlanRequest) -> [RunMetadata.Option] {
        var options: [RunMetadata.Option] = []
        if let customers = request.customersPath {
            options.append(.init(name: "customers", value: customers))
        }
        for users in request.usersPaths { options.append(.init(name: "users", value: users)) }
        options.append(.init(name: "out", value: request.outputDirectory))
        if request.policy.allowsOwnerInManagedMode {
            options.append(.init(name: "allow-owner-in-managed-mode", value: "true"))
        }
        if request.isDeterministic { options.append(.init(name: "deterministic", value: "true")) }
        if request.seed != 0 { options.append(.init(name: "seed", value: String(request.seed))) }
        return options
    }

    /// One warning per input with columns onboard does not use, as the printed plan has it.
    mutating func noteUnknownColumns(_ file: InputFile) {
        warnings.append(
            RunWarning(
                code: "columns.unknown",
                message: "Columns not used by onboard (ignored): "
                    + file.mapping.unknownColumns.map { "\"\($0)\"" }.joined(separator: ", "),
                file: file.path))
    }

    /// Ends the phase running since the last call, naming it `phase`.
    mutating func endPhase(_ phase: String, now: Date = Date()) {
        timings.append(PhaseTiming(phase: phase, seconds: now.timeIntervalSince(phaseStart)))
        phaseStart = now
    }
}

extension PlanRun {
    /// Surveys the inputs and starts `report.xml`, `report.html` and `summary.json`.
    mutating func beginReports() throws(PlanError) {
        var files: [InputFileInfo] = []
        if let path = request.customersPath {
            files.append(
                try InputSurvey.info(path: path, options: request.readerOptions, expecting: [.customers]))
        }
        for path in request.usersPaths {
            files.append(
                try InputSurvey.info(
                    path: path, options: request.readerOptions,
                    expecting: [.users, .portalBulkCreate, .adminCenter]))
        }
        reporting.endPhase("survey")
        progress?.startReading(rows: files.reduce(0) { $0 + $1.rows })
        // The survey counted the rows: the dedup ledgers take their final size now instead of
        // growing (and briefly holding an old and a new table) while the users are read.
        let customerFiles = request.customersPath == nil ? 0 : 1
        deduplicator.reserveCapacity(
            customers: files.prefix(customerFiles).reduce(0) { $0 + $1.rows },
            users: files.dropFirst(customerFiles).reduce(0) { $0 + $1.rows })
        do throws(ReportOutputError) {
            try recorder.begin(reporting.metadata, files: files)
        } catch {
            throw PlanError(.inputOutput, path: error.path, message: error.description)
        }
    }

    /// Hands one settled row to the reports, with where its key was first seen.
    mutating func record(_ row: IntakeRow, findings: RowFindings, outcome: RowOutcome, tenant: String?)
        throws(PlanError)
    {
        let earlier = firstSeen.flatMap { recorder.position(of: $0) }
        firstSeen = nil
        do throws(ReportOutputError) {
            try recorder.record(
                Reports.RowOutcome(
                    row, findings: findings, outcome: outcome, tenant: tenant, firstSeen: earlier))
        } catch {
            throw PlanError(.inputOutput, path: error.path, message: error.description)
        }
    }

    /// Finishes the reports and puts them in place.
    mutating func finishReports() throws(PlanError) {
        // Every row is read: the dedup ledgers (50 bytes per user, see KeyLedger and NameLedger) go before the
        // HTML page and summary.json are built, so their memory does not add to the ledgers'.
        deduplicator.forgetKeys()
        reporting.endPhase("plan")
        let tenants = report.tenants.filter { !$0.prefix.isEmpty }.map { plan in
            TenantOutcome(
                prefix: plan.prefix, company: plan.company, action: TenantOutcome.Action(plan.outcome),
                usersCreated: plan.users.created, usersUpdated: plan.users.updated,
                usersUnchanged: plan.users.unchanged, usersRejected: plan.users.rejected)
        }
        let ending = RunEnding(
            metadata: reporting.metadata.finishing(signal: stoppedBy?.name), tenants: tenants,
            warnings: reporting.warnings,
            timings: reporting.timings)
        do throws(ReportOutputError) {
            try recorder.finish(ending, inputs: report.files)
        } catch {
            throw PlanError(.inputOutput, path: error.path, message: error.description)
        }
    }
}

extension TenantOutcome.Action {
    /// What a plan would do to a tenant; one without a customer row in the run is left as it is.
    init(_ outcome: RowOutcome?) {
        switch outcome {
        case .create: self = .created
        case .update: self = .updated
        case .rejected, .conflict: self = .rejected
        case .unchanged, .duplicate, nil: self = .unchanged
        }
    }
}
