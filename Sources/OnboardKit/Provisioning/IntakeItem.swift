import OnboardCore

/// One input row as the intake hands it on, in input order: where it came from, what the intake
/// found, and either a settled outcome (rejected, duplicate, conflicting) or a validated object to
/// apply.
///
/// The plan and the import share the intake (``PlanRun``): the plan counts what the intake decided,
/// the import hands these items to the ``ProvisioningEngine``, which applies the validated ones.
struct IntakeItem: Sendable {
    /// What a validated row asks for.
    enum Subject: Sendable {
        case tenant(CustomerTenant)
        /// A user with its role, and the temporary password the row gives (`nil`: one is generated).
        /// Boxed: inline it made every item, and every copy of one on its way through the engine,
        /// some 280 bytes larger.
        indirect case user(TenantUser, RoleAssignment, TemporaryPassword?)
    }

    /// Whether the row is from the customers or a users file.
    var isCustomer: Bool
    var row: IntakeRow
    var findings: RowFindings
    /// What the intake decided against the directory before the run: a settled `rejected`,
    /// `duplicate` or `conflict`, or the classification (`create`, `update`, `unchanged`) of a row with
    /// a ``subject``.
    var intakeOutcome: RowOutcome
    /// The object to apply; `nil` for a settled row, and for a user row once the engine's batch row
    /// holds its user (``UserBatch/Row``).
    var subject: Subject?
    /// The row's tenant prefix when known: for per-tenant counts.
    var tenant: String?
    /// For a duplicate or conflict: where its key was first seen.
    var firstSeen: RowLocation?
    /// The rejects file of the row's input, written by the one consumer of the outcomes.
    var rejects: RejectsFileHandle
}

/// A rejects file passed from the reader, which opens it, to the outcome consumer, which alone
/// writes and closes it.
///
/// `@unchecked Sendable`: `RejectsFile` is a non-thread-safe class; the hand-over is the only
/// crossing. The reader never writes to a file it handed over, and the consumer is one serial
/// thread, so the file is used by one thread at a time, in order.
final class RejectsFileHandle: @unchecked Sendable {
    let file: RejectsFile

    init(_ file: RejectsFile) { self.file = file }
}
