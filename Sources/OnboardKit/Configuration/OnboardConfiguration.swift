import Logging
import OnboardCore

/// The settings of a run: from the built-in defaults, a configuration file (`onboard.toml`) and the
/// command line, in that order of precedence (see ``merging(overrides:)``).
///
/// A value type: a command reads the file once, merges its options and hands the result to the
/// library; nothing reads settings from anywhere else. `docs/onboard.example.toml` documents every key.
public struct OnboardConfiguration: Sendable, Hashable {
    /// The directory to provision into (`store`): a SQLite file, `memory` or `simulated:…`.
    public var store: DirectorySpecification = .standard
    /// The folder reports go to (`out`); `nil` means the command's default (a new folder per run).
    public var outputFolder: String?
    /// How many provisioning calls may be in flight at once (`jobs`).
    public var jobs = ImportRequest.defaultJobs
    /// How transient directory failures are retried (`[retry]`).
    public var retry = RetryPolicy.standard
    public var validation = ValidationSettings()
    public var inbox = InboxSettings()
    public var log = LogSettings()

    public init() {}
}

/// How rows are judged (`[validation]`).
public struct ValidationSettings: Sendable, Hashable {
    /// The default role and whether tenant users may be Owner in managed mode (`default-role`,
    /// `allow-owner-in-managed-mode`).
    public var policy = OnboardingPolicy()
    /// The share of rejected rows among the rows read (0 to 1) tolerated by a run's exit status
    /// (`max-reject-rate`, `--max-reject-rate`): up to it a run with rejected rows exits 0, above it
    /// 1 (see ``RunVerdict``); `nil`: any rejected row makes it 1.
    public var maxRejectRate: Double?

    public init() {}
}

/// Inbox mode's folders and polling (`[inbox]`): files dropped into `inbox` are imported, then moved
/// to `archive`, or to `failed` when they could not be used.
public struct InboxSettings: Sendable, Hashable {
    public var inbox = "inbox"
    public var archive = "inbox/archive"
    public var failed = "inbox/failed"
    /// How long a file must stay unchanged before a run takes it (`wait-seconds`), so a file still
    /// being copied in is not read half-written (see `InboxFolder`).
    public var wait: Duration = .seconds(5)

    public init() {}

    /// The longest `wait-seconds` accepted: one day.
    public static let longestWait: Duration = .seconds(86_400)
}

/// Where log lines go and how they look (`[log]`).
public struct LogSettings: Sendable, Hashable {
    public var format = LogFormat.text
    /// The lowest level written (`level`); `--verbose` makes it `debug`. Unless the file sets it, as
    /// on the command line: `warning` for text (a person reads the summary, and cron mail must stay
    /// clean), `info` for JSON (a collector wants the run's events).
    public var level: Logger.Level {
        get { chosenLevel ?? (format == .json ? .info : .warning) }
        set { chosenLevel = newValue }
    }
    private var chosenLevel: Logger.Level?

    public init() {}

    /// Equal when they log the same: a level set to its default is the default.
    public static func == (left: LogSettings, right: LogSettings) -> Bool {
        left.format == right.format && left.level == right.level
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(format)
        hasher.combine(level)
    }
}

/// How a log line is written on standard error.
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    /// `INFO message key=value`, for a person at a terminal.
    case text
    /// One JSON object per line: `{"ts":…,"level":…,"message":…,"metadata":{…}}`, for a log collector.
    case json
}
