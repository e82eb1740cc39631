import OnboardCore
import ArgumentParser
import Logging
import OnboardKit

/// `--log-format` and `--verbose`: how a command logs to standard error.
struct LoggingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Log lines as text (LEVEL message key=value) or json (one object per line).", valueName: "format")
    )
    var logFormat: LogFormat?

    @Flag(name: .shortAndLong, help: "Log the run's progress and debug messages too.")
    var verbose = false

    /// Text logs are for a person, who already reads the command's own summary on standard output, and
    /// for cron, whose mail must stay clean: only warnings and errors. JSON logs feed a collector,
    /// which wants the run's events too.
    var level: Logger.Level {
        if verbose { return .debug }
        return logFormat == .json ? .info : .warning
    }

    /// Bootstraps swift-log with onboard's handler (once per process: later calls keep the first
    /// set-up) and returns the command's logger.
    ///
    /// `configured`: the `[log]` settings of a configuration file (with these options merged in),
    /// which then replace the defaults.
    func makeLogger(label: String, configured: LogSettings? = nil) -> Logger {
        let settings =
            configured.map { (format: $0.format, level: $0.level) } ?? (
                format: logFormat ?? .text, level: level
            )
        Self.isBootstrapped.withLock { done in
            guard !done else { return }
            LoggingSystem.bootstrap { _ in OnboardLogHandler(format: settings.format, level: settings.level) }
            done = true
        }
        return Logger(label: label)
    }

    private static let isBootstrapped = SharedState(false)
}

extension LogFormat: ExpressibleByArgument {}
