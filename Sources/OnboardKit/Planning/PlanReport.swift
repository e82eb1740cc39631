/// What a plan found: the counts, each input file, each tenant, and the rows to look at.
public struct PlanReport: Sendable {
    /// The customers rows by outcome.
    public var customers = PlanCounts()
    /// The users rows by outcome.
    public var users = PlanCounts()
    /// Every finding of severity warning, plus one per file with unknown columns.
    public var warnings = 0
    /// The input files, in the order read.
    public var files: [InputFileSummary] = []
    /// The tenants the run touches, in the order they first appear.
    public var tenants: [TenantPlan] = []
    /// `FILE:LINE: FIELD: message (value)` for each error of each rejected row, at most `lineLimit`.
    public var rejectedLines: [String] = []
    /// Warning lines, at most `lineLimit`.
    public var warningLines: [String] = []
    /// `FILE:LINE: duplicate of FILE:LINE` for each duplicate row, at most `lineLimit`.
    public var duplicateLines: [String] = []
    /// Lines left out of the three lists above because of the limit (the rejects files have them all).
    public var omittedLines = 0
    /// Where `summary.json` and `rejects/` were written.
    public var outputDirectory = ""
    /// The signal that stopped the plan before the inputs' end; the counts cover the rows read.
    public var interruption: RunInterruption.Signal?

    /// At most this many lines are kept per list, so memory stays flat however bad a file is.
    public static let lineLimit = 1000

    public init() {}

    /// Customers and users together: every row read.
    public var rows: PlanCounts { customers + users }

    /// True when some row was rejected or conflicted (exit status 1).
    public var hasRejections: Bool { rows.rejected > 0 }

    /// Adds a line to a list, or counts it as omitted when the list is full (then it is not even built).
    mutating func append(_ line: @autoclosure () -> String, to list: WritableKeyPath<PlanReport, [String]>) {
        if self[keyPath: list].count < Self.lineLimit {
            self[keyPath: list].append(line())
        } else {
            omittedLines += 1
        }
    }
}

/// One input file as read: what it was taken for and how it was written.
public struct InputFileSummary: Sendable, Hashable, Codable {
    /// The path as given.
    public var path: String
    /// `customers` or `users`: the option it was given with.
    public var role: String
    public var format: InputFormat
    /// The delimiter found, as written (`,`, `;`, `\t`, `|`).
    public var delimiter: String
    /// The encoding read (`utf-8`, `utf-16le`, …).
    public var encoding: String
    public var byteOrderMark: Bool
    /// Header cells that map to no field.
    public var unknownColumns: [String]
    /// The rejects file written for this input.
    public var rejects: String
    public var counts: PlanCounts
}

/// One tenant in the plan: what happens to it and to its users.
public struct TenantPlan: Sendable, Hashable {
    /// The domain prefix.
    public var prefix: String
    /// What happens to the tenant itself; `nil` when this run has no customer row for it (it is
    /// already in the directory, or its row was rejected).
    public var outcome: RowOutcome?
    /// The company name of the tenant's customer row; empty without one.
    public var company = ""
    /// True when the tenant is already in the directory.
    public var isInDirectory: Bool
    /// Its users by outcome.
    public var users = PlanCounts()
}
