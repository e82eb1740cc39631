import CSVStream
import OnboardCore

/// What `onboard plan` was asked to do: which files, where to write, with which policy.
public struct PlanRequest: Sendable {
    /// The customers file, if any.
    public var customersPath: String?
    /// The users files (each in any user format), read in this order; users are deduplicated across them.
    public var usersPaths: [String]
    /// The folder `summary.json` and `rejects/` go to; created `0700` when new.
    public var outputDirectory: String
    public var readerOptions: CSVReaderOptions
    public var policy: OnboardingPolicy
    /// Byte-identical reports for the same input: fixed timestamps (`SOURCE_DATE_EPOCH` or the
    /// epoch), a run id from `seed`, no durations. `SOURCE_DATE_EPOCH` in the environment also sets it.
    public var isDeterministic: Bool
    /// The seed of a deterministic run's id.
    public var seed: UInt64

    public init(
        customersPath: String?, usersPaths: [String], outputDirectory: String,
        readerOptions: CSVReaderOptions = CSVReaderOptions(), policy: OnboardingPolicy = OnboardingPolicy(),
        isDeterministic: Bool = false, seed: UInt64 = 0
    ) {
        self.isDeterministic = isDeterministic
        self.seed = seed
        self.customersPath = customersPath
        self.usersPaths = usersPaths
        self.outputDirectory = outputDirectory
        self.readerOptions = readerOptions
        self.policy = policy
    }
}
