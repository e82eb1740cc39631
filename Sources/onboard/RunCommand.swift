import ArgumentParser
import Foundation
import Logging
import OnboardKit

/// `onboard run --config FILE`: imports the files waiting in the inbox folder, for cron.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Import the files waiting in the inbox folder (for cron).",
        discussion: """
            Takes the files of the configuration's [inbox] folder that are complete (not a dot-file, not \
            *.tmp or *.part, unchanged for wait-seconds), tells customers and users files apart by their \
            header, imports them as `onboard import` does (customers first) into the configured store and \
            OUT/run-RUN-ID, and moves them to ARCHIVE/RUN-ID/. A file whose content was imported before \
            is archived without being imported again; a file that cannot be read at all (not CSV, no \
            header onboard knows) goes to FAILED/RUN-ID/ with NAME.reason.txt. An empty inbox prints \
            nothing and exits 0. The run holds the store's lock from its first move to its end (--wait); \
            SIGINT or SIGTERM stop the import as for `onboard import`, and its files stay in the inbox. \
            --json prints the import's summary.json (nothing when the run imported nothing).
            Exit status: 0 everything imported (or rejected rows within --max-reject-rate), 1 rows \
            rejected, 64 usage, 65 a file went to the failed folder or the configuration has mistakes, \
            66 no such configuration file or inbox folder, 74 I/O error, 75 store locked by another \
            run, 130 SIGINT, 143 SIGTERM.
            """)

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var lockOptions: StoreLockOptions

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        var overrides = OnboardConfiguration.Overrides()
        overrides.logFormat = logging.logFormat
        overrides.isVerbose = logging.verbose
        let settings = try runOptions.configuration(overrides: overrides)
        let logger = logging.makeLogger(
            label: "onboard.run", configured: runOptions.config == nil ? nil : settings.log)
        let interruption = RunInterruption.installedForRun()
        let progress = RunProgress()
        let inbox = InboxRun(
            configuration: settings, logger: logger, interruption: interruption, progress: progress)

        // Nothing ready: a quiet success, so cron (which mails any output) stays silent; and no lock
        // taken, so an idle tick while a long run goes on is no failure either.
        do throws(InboxError) {
            guard try inbox.hasReadyFiles() else { return }
        } catch {
            throw Self.fail(error)
        }
        // The lock is held from here to the end: listing again, moving, importing, recording.
        let lock = try lockOptions.acquire(settings.store, interruption: interruption)
        defer { lock?.release() }
        let batch = try Self.collect(inbox)
        guard !batch.isEmpty else { return }
        let directory = try DirectoryOptions.open(settings.store)
        let progressLine = runOptions.startProgress(progress, label: "run")
        let report: InboxReport
        do throws(InboxError) {
            report = try inbox.process(batch, directory: directory)
            progressLine?.stop()
        } catch {
            progressLine?.stop()
            throw Self.fail(error)
        }
        if let imported = report.importReport, runOptions.json {
            try runOptions.printResult(text: report.text, outputDirectory: imported.outputDirectory)
        } else if !runOptions.json {
            try printToStandardOutput(report.text)
        }
        if let failure = report.importFailure {
            printToStandardError("onboard: error: \(failure)")
            throw PlanCommand.status(of: failure).code
        }
        let verdict = RunVerdict(
            rows: report.importReport?.rows ?? PlanCounts(), signal: report.interruption,
            maxRejectRate: settings.validation.maxRejectRate)
        // A file in the failed folder outweighs rejected rows (65, not 0 or 1); a signal does not.
        if report.hasUnusableFiles, verdict.exitStatus < ExitStatus.dataError.rawValue {
            if let message = verdict.message { printToStandardError("onboard: \(message)") }
            throw ExitStatus.dataError.code
        }
        try RunOptions.finish(verdict)
    }

    /// The inbox's ready files and their verdicts; prints why the inbox cannot be used and exits 66
    /// or 74.
    private static func collect(_ inbox: InboxRun) throws -> InboxBatch {
        do throws(InboxError) {
            return try inbox.collect()
        } catch {
            throw fail(error)
        }
    }

    /// Prints why the inbox could not be used and gives the exit status.
    private static func fail(_ error: InboxError) -> ExitCode {
        printToStandardError("onboard: error: \(error)")
        return (error.kind == .missingFolder ? ExitStatus.noInput : ExitStatus.ioError).code
    }
}
