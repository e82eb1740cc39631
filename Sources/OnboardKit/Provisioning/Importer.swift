import CSVStream
import DirectoryStore
import Foundation
import Logging
import OnboardCore
import Reports

/// Imports customers and users into a directory: the plan's intake (read, map, validate,
/// deduplicate) feeding the ``ProvisioningEngine``, which applies every valid row; outcomes in input
/// order to the summary, the rejects files and the credential sheets.
///
/// Safe to run again on the same input, also after being killed: every apply is idempotent, and
/// accounts whose password delivery was not recorded get a new password first (``PasswordReset``).
public struct Importer: Sendable {
    public var directory: any Directory
    public var logger: Logger
    /// When requested (a signal), the import stops reading new rows, lets the rows in flight finish
    /// and reports what was done, marked interrupted (``ImportReport/interruption``).
    public var interruption: RunInterruption?
    /// Counted as the import goes, for a progress line.
    public var progress: RunProgress?

    /// An importer into `directory`, logging to `logger` (by default nowhere).
    public init(
        directory: any Directory,
        logger: Logger = Logger(label: "onboard.import", factory: { _ in SwiftLogNoOpLogHandler() }),
        interruption: RunInterruption? = nil, progress: RunProgress? = nil
    ) {
        self.directory = directory
        self.logger = logger
        self.interruption = interruption
        self.progress = progress
    }

    /// Runs the import of `request`; writes `report.xml`, `report.html`, `summary.json`, `rejects/`
    /// and `credentials/`.
    ///
    /// - Throws: `PlanError` when an input is missing or unusable or output cannot be written. The
    ///   rows submitted until then are still applied and their passwords delivered; the reports are
    ///   dropped, as for a plan, and running the import again reports everything.
    public func run(_ request: ImportRequest) throws(PlanError) -> ImportReport {
        logger.info(
            "import started",
            metadata: [
                "files.customers": .stringConvertible(request.plan.customersPath == nil ? 0 : 1),
                "files.users": .stringConvertible(request.plan.usersPaths.count),
                "jobs": .stringConvertible(request.jobs), "out.path": "\(request.plan.outputDirectory)",
            ])
        do throws(PlanError) {
            let report = try apply(request)
            logger.info(
                "import finished",
                metadata: [
                    "rows.read": .stringConvertible(report.rows.read),
                    "rows.created": .stringConvertible(report.rows.created),
                    "rows.updated": .stringConvertible(report.rows.updated),
                    "rows.unchanged": .stringConvertible(report.rows.unchanged),
                    "rows.rejected": .stringConvertible(report.rows.rejected),
                    "rows.duplicate": .stringConvertible(report.rows.duplicate),
                    "retries": .stringConvertible(report.retries),
                    "passwords.reset": .stringConvertible(report.passwordsReset),
                ])
            return report
        } catch {
            logger.error("import failed", metadata: ["error": "\(error)"])
            throw error
        }
    }

    private func apply(_ request: ImportRequest) throws(PlanError) -> ImportReport {
        // The intake's look-ups are retried too: a busy or throttling directory is no reason to stop.
        let retrying = RetryingDirectory(wrapping: directory, policy: request.retry)
        var intake = PlanRun(directory: retrying, request: request.plan)
        intake.interruption = interruption
        intake.progress = progress
        intake.reporting = PlanReporting(request: request.plan, command: .import, jobs: request.jobs)
        try intake.prepareOutput()
        try intake.beginReports()
        let desk = try CredentialDesk(outputFolder: request.plan.outputDirectory)
        let provisioner = Provisioner(directory: retrying, desk: desk)
        var reset = 0
        if let ledger = directory as? any CredentialLedger {
            do throws(PlanError) {
                reset = try PasswordReset.run(ledger, provisioner: provisioner)
            } catch {
                intake.recorder.abandon()
                throw error
            }
        }

        let tally = SharedState(ImportTally(recorder: intake.recorder))
        // A store applies a batch of users, or of tenants, in one transaction; other directories take
        // a call per change, so batches would only make rows wait for each other.
        let isStore = directory is SQLiteDirectory
        let batchSize = request.batchSize ?? (isStore ? 500 : 1)
        let limits = ProvisioningEngine.Limits(
            jobs: request.jobs, batchSize: batchSize, tenantBatchSize: isStore ? min(batchSize, 100) : 1,
            window: request.window)
        let progress = self.progress
        let engine = ProvisioningEngine(limits: limits, work: provisioner) { row in
            tally.withLock { $0.record(row) }
            progress?.outcome(row.outcome, isCustomer: row.item.isCustomer)
        }
        intake.handOver = { item in engine.submit(item) }
        var readFailure: PlanError?
        do throws(PlanError) {
            if let path = request.plan.customersPath { try intake.readCustomers(path) }
            for path in request.plan.usersPaths where intake.stoppedBy == nil { try intake.readUsers(path) }
        } catch {
            readFailure = error
        }
        // Every row is read: the dedup ledgers (50 bytes per user) go now, not after the last outcome and
        // the HTML page, whose libxml2 tree of every tenant otherwise came on top of them.
        intake.deduplicator.forgetKeys()
        // Whatever was submitted is applied and accounted for, also when reading stopped early.
        engine.finish()
        provisioner.writeQueuedDeliveries()

        intake.reporting.endPhase("import")
        var report = tally.withLock { $0.report }
        let tenants = tally.withLock { $0.tenantOutcomes }
        var failure =
            readFailure ?? tally.withLock { $0.failure } ?? provisioner.outputFailure.withLock { $0 }
        for handle in intake.handedRejects {
            do throws(CSVOutputError) {
                try handle.file.close()
            } catch {
                failure = failure ?? PlanError(.inputOutput, path: error.path, message: error.description)
            }
        }
        do throws(PlanError) { try desk.close() } catch { failure = failure ?? error }
        report.warnings = intake.report.warnings
        report.warningLines = intake.report.warningLines
        report.duplicateLines = intake.report.duplicateLines
        report.omittedLines += intake.report.omittedLines
        report.retries = provisioner.retries
        report.passwordsReset = reset
        report.accountsDelivered = desk.accountsDelivered.load(ordering: .relaxed)
        report.outputDirectory = request.plan.outputDirectory
        report.peakRowsInFlight = engine.peakInWindow
        report.interruption = intake.stoppedBy
        if let failure {
            intake.recorder.abandon()
            throw failure
        }
        let ending = RunEnding(
            metadata: intake.reporting.metadata.finishing(signal: intake.stoppedBy?.name), tenants: tenants,
            warnings: intake.reporting.warnings,
            timings: intake.reporting.timings)
        let totals = ProvisioningTotals(
            retries: report.retries, passwordsReset: report.passwordsReset,
            accountsDelivered: report.accountsDelivered)
        do throws(ReportOutputError) {
            try intake.recorder.finish(ending, inputs: intake.report.files, provisioning: totals)
        } catch {
            throw PlanError(.inputOutput, path: error.path, message: error.description)
        }
        return report
    }
}
