/// The counts of a run: rows, customers and users by outcome kind, plus warnings and conflicts.
///
/// Sinks tally these from the outcome stream themselves (`add(_:)`), so a report's totals are by
/// construction the totals of the rows it lists. Every row is a customer row or a user row, hence
/// `rows == customers + users` for each kind (`isConsistent`).
public struct RunTotals: Sendable, Hashable {
    /// The five counts of one kind of thing.
    public struct Counts: Sendable, Hashable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var rejected = 0
        public var duplicate = 0

        public init(
            created: Int = 0, updated: Int = 0, unchanged: Int = 0, rejected: Int = 0, duplicate: Int = 0
        ) {
            self.created = created
            self.updated = updated
            self.unchanged = unchanged
            self.rejected = rejected
            self.duplicate = duplicate
        }

        /// All of them: each thing counts under exactly one kind.
        public var total: Int { created + updated + unchanged + rejected + duplicate }

        public subscript(kind: RowOutcome.Kind) -> Int {
            get {
                switch kind {
                case .created: created
                case .updated: updated
                case .unchanged: unchanged
                case .rejected: rejected
                case .duplicate: duplicate
                }
            }
            set {
                switch kind {
                case .created: created = newValue
                case .updated: updated = newValue
                case .unchanged: unchanged = newValue
                case .rejected: rejected = newValue
                case .duplicate: duplicate = newValue
                }
            }
        }

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                created: lhs.created + rhs.created, updated: lhs.updated + rhs.updated,
                unchanged: lhs.unchanged + rhs.unchanged, rejected: lhs.rejected + rhs.rejected,
                duplicate: lhs.duplicate + rhs.duplicate)
        }
    }

    public var rows = Counts()
    public var customers = Counts()
    public var users = Counts()
    /// Findings of severity warning on rows, plus warnings about the run as a whole.
    public var warnings = 0
    /// Rows rejected because their key was seen earlier with different data (counted under rejected).
    public var conflicts = 0

    public init() {}

    /// Totals tallied from a sequence of outcomes and run-level warnings.
    public init(outcomes: some Sequence<RowOutcome>, runWarnings: Int = 0) {
        for outcome in outcomes { add(outcome) }
        warnings += runWarnings
    }

    /// Counts one more row.
    public mutating func add(_ outcome: RowOutcome) {
        rows[outcome.kind] += 1
        switch outcome.entity {
        case .customer: customers[outcome.kind] += 1
        case .user: users[outcome.kind] += 1
        }
        if outcome.isConflict { conflicts += 1 }
        warnings += outcome.findings.lazy.filter { $0.severity == .warning }.count
    }

    /// The sum rules hold: rows equal customers plus users for every kind, conflicts are a part of
    /// rejected, and no count is negative.
    public var isConsistent: Bool {
        rows == customers + users && conflicts <= rows.rejected && warnings >= 0
            && RowOutcome.Kind.allCases.allSatisfy { rows[$0] >= 0 }
    }

    /// Rows that need a person: rejected (including conflicts) and duplicates.
    public var rowsNeedingAttention: Int { rows.rejected + rows.duplicate }
}
