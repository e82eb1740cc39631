import OnboardCore

/// One input row after provisioning: its intake item and what finally happened to it.
struct ProvisionedRow: Sendable {
    var item: IntakeItem
    /// `create`, `update` or `unchanged` for an applied row; `rejected` for a row the intake or the
    /// directory refused (or whose tenant failed); `duplicate` and `conflict` as the intake settled.
    var outcome: RowOutcome
    /// Why the directory refused the row or its tenant, when it did (not an intake finding).
    var refusal: String?

    /// A row applied with the core's verdict on the user and its role.
    static func applied(
        _ item: IntakeItem, user: Change<UserAttribute>, role: Change<RoleAssignmentAttribute>
    )
        -> ProvisionedRow
    {
        let outcome: RowOutcome =
            if user == .created { .create } else if user == .unchanged && role == .unchanged {
                .unchanged
            } else {
                .update
            }
        return ProvisionedRow(item: item, outcome: outcome, refusal: nil)
    }
}
