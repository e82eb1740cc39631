import ArgumentParser
import Foundation
import OnboardKit

/// The options every run that reads inputs shares (`import`, `plan`): the configuration file, the
/// reject-rate limit, a JSON summary, and quiet.
struct RunOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A configuration file (onboard.toml): store, out, jobs, [retry], [validation], [log]; options "
                + "given on the command line override it.", valueName: "file"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Tolerate rejected rows up to this share of the rows read (5 or 5% is 5 %): exit 0 at or below "
                + "it, 1 above it (default: exit 1 on any rejected row). Also the configuration's "
                + "[validation].max-reject-rate (a share: 0.05).",
            valueName: "percent"))
    var maxRejectRate: String?

    @Flag(help: "Print the run summary (exactly summary.json) on standard output instead of the text report.")
    var json = false

    @Flag(
        name: .shortAndLong,
        help: "No progress line on standard error (there is none when it is not a terminal).")
    var quiet = false

    func validate() throws {
        if let maxRejectRate, RunVerdict.rejectRate(percent: maxRejectRate) == nil {
            throw ValidationError("--max-reject-rate must be a percentage from 0 to 100, such as 5 or 5%.")
        }
    }

    /// `--max-reject-rate` as a share (0 to 1), if given.
    var rejectRate: Double? { maxRejectRate.flatMap { RunVerdict.rejectRate(percent: $0) } }

    /// The configuration file's settings (the built-in defaults without `--config`), with
    /// `overrides` from the command line on top; prints the file's mistakes and exits 65 (66 when
    /// the file does not exist).
    func configuration(overrides: OnboardConfiguration.Overrides) throws -> OnboardConfiguration {
        var overrides = overrides
        overrides.maxRejectRate = overrides.maxRejectRate ?? rejectRate
        guard let config else { return OnboardConfiguration().merging(overrides: overrides) }
        do throws(ConfigurationErrors) {
            return try OnboardConfiguration(contentsOf: config).merging(overrides: overrides)
        } catch {
            for line in error.errors { printToStandardError(line.description) }
            throw (error.isMissingFile ? ExitStatus.noInput : ExitStatus.dataError).code
        }
    }

    /// A progress line on standard error when it is a terminal and `--quiet` is not given (started),
    /// else `nil`.
    func startProgress(_ progress: RunProgress, label: String) -> ProgressLine? {
        guard ProgressLine.isWanted(quiet: quiet) else { return nil }
        let line = ProgressLine(progress: progress, label: label, isColoured: ProgressLine.allowsColour())
        line.start()
        return line
    }

    /// Runs `work` with the progress line of `progress` shown (see ``startProgress(_:label:)``); a
    /// `PlanError` is printed, once the line is gone, and ends the command with its exit status.
    func showingProgress<Report>(
        _ progress: RunProgress, label: String, _ work: () throws(PlanError) -> Report
    ) throws -> Report {
        let line = startProgress(progress, label: label)
        do throws(PlanError) {
            let report = try work()
            line?.stop()
            return report
        } catch {
            line?.stop()
            printToStandardError("onboard: error: \(error)")
            throw PlanCommand.status(of: error).code
        }
    }

    /// Prints the run's result (``printResult(text:outputDirectory:)``), then ends the command as
    /// `verdict` says (``finish(_:)``).
    func conclude(text: String, outputDirectory: String, verdict: RunVerdict) throws {
        try printResult(text: text, outputDirectory: outputDirectory)
        try Self.finish(verdict)
    }

    /// Prints the run's result: `summary.json` from `outputDirectory` with `--json`, else `text`.
    func printResult(text: String, outputDirectory: String) throws {
        guard json else { return try printToStandardOutput(text) }
        let path = outputDirectory + "/summary.json"
        guard let summary = FileManager.default.contents(atPath: path) else {
            printToStandardError("onboard: error: \(path): cannot be read")
            throw ExitStatus.ioError.code
        }
        try printToStandardOutput(String(decoding: summary, as: UTF8.self))
    }

    /// Ends the command as the verdict says: its message on standard error, its exit status.
    static func finish(_ verdict: RunVerdict) throws {
        if let message = verdict.message {
            // Too many rejections fail the run; an interruption is what the person asked for.
            let kind = if case .interrupted = verdict { "" } else { "error: " }
            printToStandardError("onboard: \(kind)\(message)")
        }
        guard verdict.exitStatus != 0 else { return }
        throw ExitCode(verdict.exitStatus)
    }
}

/// Signal handling for a run: SIGINT and SIGTERM stop it cleanly (see ``RunInterruption``).
extension RunInterruption {
    /// An interruption listening to SIGINT and SIGTERM, telling the person on standard error what
    /// happens when one comes.
    static func installedForRun() -> RunInterruption {
        let interruption = RunInterruption()
        interruption.install { signal in
            StatusLine.standardError.write(
                "onboard: \(signal.name) received: finishing the rows in flight and writing the reports "
                    + "(send it again to stop at once)\n")
        }
        return interruption
    }
}
