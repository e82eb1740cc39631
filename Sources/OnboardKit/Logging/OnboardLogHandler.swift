import OnboardCore
import Foundation
import Logging

/// onboard's swift-log handler: one line per event on standard error, as text or JSON (see
/// ``LogLineFormatter``), never a secret.
///
/// The executable bootstraps it once (`LoggingSystem.bootstrap`); libraries take a `Logger`.
/// Metadata keys are dotted (`file.path`, `rows.read`).
public struct OnboardLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    private let formatter: LogLineFormatter
    private let output: LogOutput

    /// A handler writing to standard error.
    public init(format: LogFormat, level: Logger.Level) {
        self.init(format: format, level: level, output: .standardError)
    }

    /// A handler writing each line (with its line break) to `output`.
    public init(format: LogFormat, level: Logger.Level, output: LogOutput) {
        self.formatter = LogLineFormatter(format: format)
        self.logLevel = level
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        if let error = event.error { merged["error"] = .string("\(error)") }
        let line = formatter.line(
            level: event.level, message: event.message.description, metadata: merged,
            secondsSince1970: Date().timeIntervalSince1970)
        output.write(line + "\n")
    }
}

/// Where log lines go: standard error, or a closure (tests collect lines with it).
///
/// A class because standard error is one shared resource: a lock keeps lines from several threads
/// whole.
public final class LogOutput: Sendable {
    private let sink: SharedState<@Sendable (String) -> Void>

    public init(_ write: @escaping @Sendable (String) -> Void) {
        sink = SharedState(write)
    }

    public func write(_ line: String) {
        sink.withLock { $0(line) }
    }

    /// Standard error, unbuffered: a line is out before the next one is made, above the progress
    /// line if one is shown.
    public static let standardError = LogOutput { line in
        StatusLine.standardError.write(line)
    }
}
