import ArgumentParser
import Logging
import OnboardKit
import Synchronization

/// `--log-format` and `--verbose`: how a command logs to standard error.
struct LoggingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Log lines as text (LEVEL message key=value) or json (one object per line).", valueName: "format")
    )
    var logFormat: LogFormat = .text

    @Flag(name: .shortAndLong, help: "Log debug messages too.")
    var verbose = false

    /// Bootstraps swift-log with onboard's handler (once per process: later calls keep the first
    /// set-up) and returns the command's logger.
    func makeLogger(label: String) -> Logger {
        let settings = (format: logFormat, level: verbose ? Logger.Level.debug : .info)
        Self.isBootstrapped.withLock { done in
            guard !done else { return }
            LoggingSystem.bootstrap { _ in OnboardLogHandler(format: settings.format, level: settings.level) }
            done = true
        }
        return Logger(label: label)
    }

    private static let isBootstrapped = Mutex(false)
}

extension LogFormat: ExpressibleByArgument {}
