/// A user's access level on a subscription of their own tenant.
///
/// Made only through ``CustomerTenant/assign(_:to:on:policy:)``, which checks that the user and the
/// subscription both belong to that tenant: an assignment on another tenant's subscription cannot be
/// constructed.
public struct RoleAssignment: Sendable, Hashable, CustomStringConvertible {
    public let tenant: DomainPrefix
    public let user: UserPrincipalName
    public let role: Role
    public let subscription: Subscription.ID

    init(user: TenantUser, role: Role, subscription: Subscription.ID) {
        self.tenant = user.tenant
        self.user = user.userPrincipalName
        self.role = role
        self.subscription = subscription
    }

    public var description: String { "\(role) for \(user) on \(subscription)" }

    /// What applying `self` means, given the user's current assignment.
    public func change(from existing: RoleAssignment?) -> Change<RoleAssignmentAttribute> {
        guard let existing else { return .created }
        var changed: [RoleAssignmentAttribute] = []
        if role != existing.role { changed.append(.role) }
        if subscription != existing.subscription { changed.append(.subscription) }
        return changed.isEmpty ? .unchanged : .updated(changed)
    }
}
