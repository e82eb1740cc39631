/// What `onboard import` was asked to do: the inputs and output (as for a plan) and how hard to push
/// the directory.
public struct ImportRequest: Sendable {
    /// The inputs, the output folder, the reader options and the policy.
    public var plan: PlanRequest
    /// Directory operations in flight at most.
    public var jobs: Int
    /// User rows of one tenant per operation at most; `nil`: 500 for the SQLite store (one
    /// transaction per batch), 1 for other directories (one call per row).
    public var batchSize: Int?
    /// Rows read ahead of the last outcome at most; `nil`: 4 × jobs × batch size.
    public var window: Int?
    public var retry: RetryPolicy

    /// The range `--jobs` (and the configuration's `jobs`) must be in.
    public static let jobsRange = 1...64

    /// The default number of jobs: enough to hide a remote directory's latency, few enough not to
    /// be throttled; the SQLite store has one writer anyway.
    public static let defaultJobs = 8

    public init(
        plan: PlanRequest, jobs: Int = defaultJobs, batchSize: Int? = nil, window: Int? = nil,
        retry: RetryPolicy = .standard
    ) {
        self.plan = plan
        self.jobs = jobs
        self.batchSize = batchSize
        self.window = window
        self.retry = retry
    }
}
