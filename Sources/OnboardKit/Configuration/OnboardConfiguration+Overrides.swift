import Logging
import OnboardCore

extension OnboardConfiguration {
    /// Settings given on the command line; `nil` (or `false` for a flag) means "not given", so the
    /// file's value, or the default, stays.
    public struct Overrides: Sendable, Hashable {
        public var store: DirectorySpecification?
        public var outputFolder: String?
        public var jobs: Int?
        public var retryAttempts: Int?
        public var defaultRole: Role?
        /// `--allow-owner-in-managed-mode`: a flag can only turn the permission on.
        public var allowsOwnerInManagedMode = false
        public var maxRejectRate: Double?
        public var inbox: String?
        public var archive: String?
        public var failed: String?
        public var wait: Duration?
        public var logFormat: LogFormat?
        /// `--verbose`: debug level whatever the file says.
        public var isVerbose = false

        public init() {}
    }

    /// This configuration with every option given on the command line in place of the file's value.
    ///
    /// Precedence, highest first: the command line, the configuration file, the built-in defaults.
    /// The import command reads the file (if any) and calls this with its options.
    public func merging(overrides: Overrides) -> OnboardConfiguration {
        var merged = self
        if let store = overrides.store { merged.store = store }
        if let folder = overrides.outputFolder { merged.outputFolder = folder }
        if let jobs = overrides.jobs { merged.jobs = jobs }
        if let attempts = overrides.retryAttempts { merged.retry.attempts = attempts }
        if let role = overrides.defaultRole { merged.validation.policy.defaultRole = role }
        if overrides.allowsOwnerInManagedMode { merged.validation.policy.allowsOwnerInManagedMode = true }
        if let rate = overrides.maxRejectRate { merged.validation.maxRejectRate = rate }
        if let inbox = overrides.inbox { merged.inbox.inbox = inbox }
        if let archive = overrides.archive { merged.inbox.archive = archive }
        if let failed = overrides.failed { merged.inbox.failed = failed }
        if let wait = overrides.wait { merged.inbox.wait = wait }
        if let format = overrides.logFormat { merged.log.format = format }
        if overrides.isVerbose { merged.log.level = .debug }
        return merged
    }
}
