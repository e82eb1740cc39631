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
            nothing and exits 0.
            Exit status: 0 everything imported, 1 rows rejected, 64 usage, 65 a file went to the failed \
            folder or the configuration has mistakes, 66 no such configuration file or inbox folder, \
            74 I/O error.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The configuration file (onboard.toml); without it, the defaults (an inbox folder `inbox` here).",
            valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Log lines as text or json, instead of the file's [log].format.", valueName: "format"))
    var logFormat: LogFormat?

    @Flag(name: .shortAndLong, help: "Log debug messages too (files left to settle, each decision).")
    var verbose = false

    func run() throws {
        var overrides = OnboardConfiguration.Overrides()
        overrides.logFormat = logFormat
        overrides.isVerbose = verbose
        let configuration = try (config.map(ConfigCheckCommand.load) ?? OnboardConfiguration())
            .merging(overrides: overrides)
        let logger = LoggingOptions.makeLogger(
            label: "onboard.run", format: configuration.log.format, level: configuration.log.level)
        let inbox = InboxRun(configuration: configuration, logger: logger)

        let batch: InboxBatch
        do throws(InboxError) {
            batch = try inbox.collect()
        } catch {
            throw Self.fail(error)
        }
        // Nothing ready: a quiet success, so cron (which mails any output) stays silent.
        guard !batch.isEmpty else { return }
        let directory = try DirectoryOptions.open(configuration.store)
        let report: InboxReport
        do throws(InboxError) {
            report = try inbox.process(batch, directory: directory)
        } catch {
            throw Self.fail(error)
        }
        try printToStandardOutput(report.text)
        if let failure = report.importFailure {
            printToStandardError("onboard: error: \(failure)")
            throw PlanCommand.status(of: failure).code
        }
        if report.hasUnusableFiles { throw ExitStatus.dataError.code }
        if report.importReport?.hasRejections == true { throw ExitStatus.failure.code }
    }

    /// Prints why the inbox could not be used and gives the exit status.
    private static func fail(_ error: InboxError) -> ExitCode {
        printToStandardError("onboard: error: \(error)")
        return (error.kind == .missingFolder ? ExitStatus.noInput : ExitStatus.ioError).code
    }
}
