/// A user's access level on a subscription of their own tenant.
///
/// Made only through ``CustomerTenant/assign(_:to:on:policy:)``, which checks that the user and the
/// subscription both belong to that tenant: an assignment on another tenant's subscription cannot be
/// constructed.
public struct RoleAssignment: Sendable, Hashable, CustomStringConvertible {
    public var tenant: DomainPrefix { box.values.tenant }
    public var user: UserPrincipalName { box.values.user }
    public var role: Role { box.values.role }
    public var subscription: Subscription.ID { box.values.subscription }

    /// The values behind one reference (see ``SharedValues``): each row of an import carries one.
    private let box: SharedValues<Values>

    init(user: TenantUser, role: Role, subscription: Subscription.ID) {
        self.init(
            values: Values(tenant: user.tenant, user: user.userPrincipalName, role: role, subscription: subscription))
    }

    /// An assignment of exactly these values (see `Directory+Restoring.swift`).
    init(values: Values) { box = SharedValues(values) }

    /// Every stored value, compared and hashed as the struct's own fields were.
    struct Values: Sendable, Hashable {
        let tenant: DomainPrefix
        let user: UserPrincipalName
        let role: Role
        let subscription: Subscription.ID
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
