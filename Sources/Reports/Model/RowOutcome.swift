/// What became of one input row: created, updated, unchanged, rejected or a duplicate, and why.
public struct RowOutcome: Sendable, Hashable {
    /// The five ways a row can end. Every row has exactly one, so they add up to the rows read.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case created
        case updated
        case unchanged
        /// The row did not go through: a finding of severity error, or a conflict.
        case rejected
        /// The same key appeared earlier in the run with the same data; this row was skipped.
        case duplicate
    }

    /// What a row describes.
    public enum Entity: String, Sendable, Hashable, CaseIterable {
        case customer
        case user
    }

    /// Where a row is: file, physical line, record number.
    public struct Position: Sendable, Hashable {
        public var file: String
        /// 1-based physical line on which the record starts.
        public var line: Int
        /// 1-based record number (the header is record 1).
        public var record: Int

        public init(file: String, line: Int, record: Int) {
            self.file = file
            self.line = line
            self.record = record
        }
    }

    public var position: Position
    public var kind: Kind
    /// The same key appeared earlier with different data. Always a `rejected` row, so it counts there.
    public var isConflict: Bool
    public var entity: Entity
    /// The row's key: a customer's domain prefix or a user's principal name; `nil` when unreadable.
    public var key: String?
    /// The tenant (domain prefix) the row belongs to, when known.
    public var tenant: String?
    /// For a duplicate or conflict: where the key was first seen.
    public var firstSeen: Position?
    public var findings: [Finding]

    public init(
        position: Position, kind: Kind, isConflict: Bool = false, entity: Entity, key: String? = nil,
        tenant: String? = nil, firstSeen: Position? = nil, findings: [Finding] = []
    ) {
        self.position = position
        self.kind = kind
        self.isConflict = isConflict
        self.entity = entity
        self.key = key
        self.tenant = tenant
        self.firstSeen = firstSeen
        self.findings = findings
    }

    /// The row needs a person: rejected (including conflicts) or a duplicate.
    public var needsAttention: Bool { kind == .rejected || kind == .duplicate }
}
