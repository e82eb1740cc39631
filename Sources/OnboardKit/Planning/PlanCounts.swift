/// How many rows ended which way. Every row read is in exactly one of the six outcome counts:
/// `read == created + updated + unchanged + rejected + duplicate`. `conflict` is the part of
/// `rejected` that conflicted with an earlier row (shown separately, not added again).
public struct PlanCounts: Sendable, Hashable, Codable {
    public var read = 0
    /// For a plan: would be created.
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public var duplicate = 0
    /// Rejected because the key was seen before with different data (included in `rejected`).
    public var conflict = 0

    public init() {}

    /// True when every row read is in exactly one outcome.
    public var isBalanced: Bool { read == created + updated + unchanged + rejected + duplicate }

    public static func + (lhs: PlanCounts, rhs: PlanCounts) -> PlanCounts {
        var sum = PlanCounts()
        sum.read = lhs.read + rhs.read
        sum.created = lhs.created + rhs.created
        sum.updated = lhs.updated + rhs.updated
        sum.unchanged = lhs.unchanged + rhs.unchanged
        sum.rejected = lhs.rejected + rhs.rejected
        sum.duplicate = lhs.duplicate + rhs.duplicate
        sum.conflict = lhs.conflict + rhs.conflict
        return sum
    }

    mutating func count(_ outcome: RowOutcome) {
        read += 1
        switch outcome {
        case .create: created += 1
        case .update: updated += 1
        case .unchanged: unchanged += 1
        case .rejected: rejected += 1
        case .duplicate: duplicate += 1
        case .conflict:
            rejected += 1
            conflict += 1
        }
    }
}

/// What happens to one row.
public enum RowOutcome: String, Sendable, Hashable {
    case create, update, unchanged, rejected, duplicate, conflict
}
