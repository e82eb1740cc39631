/// What a directory holds under the name of a user a caller is about to compare: the answer of one
/// row of ``Directory/storedUsers(matching:)``.
public enum StoredUserMatch: Sendable, Hashable {
    /// No user has this name.
    case absent
    /// The user with this name is in the same tenant with exactly these values and this role: both
    /// compare unchanged, so the directory need not hand them back.
    case same
    /// A user with this name is stored (in whichever tenant), with its role if it has one; the caller
    /// compares them.
    case stored(TenantUser, RoleAssignment?)

    /// The change from what is stored to `user` with `role` (`.created` when nothing is), as the core
    /// decides it; `nil` when the name belongs to a user of another tenant.
    public func changes(to user: TenantUser, role: RoleAssignment)
        -> (user: Change<UserAttribute>, role: Change<RoleAssignmentAttribute>)?
    {
        switch self {
        case .absent: return (.created, .created)
        case .same: return (.unchanged, .unchanged)
        case .stored(let existing, let existingRole):
            guard existing.tenant == user.tenant else { return nil }
            return (user.change(from: existing), role.change(from: existingRole))
        }
    }
}
