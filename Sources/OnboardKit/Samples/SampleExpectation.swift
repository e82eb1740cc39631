/// What the pipeline must report for one generated file.
public struct SampleFileCounts: Sendable, Hashable {
    /// Data rows, the header not counted.
    public var rows: Int
    /// Rows with exactly one known validation error.
    public var invalid: Int
    /// Exact repeats of an earlier valid row.
    public var duplicate: Int
    /// Rows with an earlier valid row's key (domain prefix, UPN) but one other field changed.
    public var conflict: Int

    public init(rows: Int, invalid: Int, duplicate: Int, conflict: Int) {
        self.rows = rows
        self.invalid = invalid
        self.duplicate = duplicate
        self.conflict = conflict
    }

    var json: String {
        "{\"rows\": \(rows), \"invalid\": \(invalid), \"duplicate\": \(duplicate), \"conflict\": \(conflict)}"
    }
}

/// The counts `onboard samples` writes to `expected.json`, so tests and benchmarks can check a run.
public struct SampleExpectation: Sendable, Hashable {
    public var customers: SampleFileCounts
    public var users: SampleFileCounts
    public var seed: UInt64

    public init(customers: SampleFileCounts, users: SampleFileCounts, seed: UInt64) {
        self.customers = customers
        self.users = users
        self.seed = seed
    }

    /// `{"customers": {...}, "users": {...}, "seed": S}`, keys in a fixed order.
    public var json: String {
        "{\n  \"customers\": \(customers.json),\n  \"users\": \(users.json),\n  \"seed\": \(seed)\n}\n"
    }
}
