/// What `CSVReader.countRemaining()` found: the fast, string-free tally of a CSV input.
public struct CSVCount: Sendable, Hashable {
    /// Well-formed records (the header included).
    public var records: Int
    /// Fields in the well-formed records.
    public var fields: Int
    /// Malformed records (each would have been one `CSVIssue` from `next()`).
    public var issues: Int
    /// Zero-length lines skipped.
    public var blankLines: Int

    public init(records: Int = 0, fields: Int = 0, issues: Int = 0, blankLines: Int = 0) {
        self.records = records
        self.fields = fields
        self.issues = issues
        self.blankLines = blankLines
    }
}
