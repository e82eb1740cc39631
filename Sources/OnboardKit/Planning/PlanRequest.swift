import CSVStream
import OnboardCore

/// What `onboard plan` was asked to do: which files, where to write, with which policy.
public struct PlanRequest: Sendable {
    /// The customers file, if any.
    public var customersPath: String?
    /// The users file (any user format), if any.
    public var usersPath: String?
    /// The folder `summary.json` and `rejects/` go to; created `0700` when new.
    public var outputDirectory: String
    public var readerOptions: CSVReaderOptions
    public var policy: OnboardingPolicy

    public init(
        customersPath: String?, usersPath: String?, outputDirectory: String,
        readerOptions: CSVReaderOptions = CSVReaderOptions(), policy: OnboardingPolicy = OnboardingPolicy()
    ) {
        self.customersPath = customersPath
        self.usersPath = usersPath
        self.outputDirectory = outputDirectory
        self.readerOptions = readerOptions
        self.policy = policy
    }
}
