/// The partner's choices that shape every onboarding: the role users get when none is given, and
/// whether tenant users may be Owner while the partner manages disaster recovery.
///
/// In managed mode the partner runs the recovery infrastructure; an Owner in the tenant could change
/// who has access to it, so by default tenant users may not be Owner then. The tenant's default admin
/// is Owner regardless: it is created with the tenant, not by this policy.
public struct OnboardingPolicy: Sendable, Hashable {
    /// The role a user gets when the input names none.
    public var defaultRole: Role
    /// Whether tenant users may be Owner when disaster recovery is managed by the partner.
    public var allowsOwnerInManagedMode: Bool

    public init(defaultRole: Role = .reader, allowsOwnerInManagedMode: Bool = false) {
        self.defaultRole = defaultRole
        self.allowsOwnerInManagedMode = allowsOwnerInManagedMode
    }

    /// The violation, if giving `role` to a user of a tenant in `mode` breaks this policy.
    public func violation(giving role: Role, in mode: DisasterRecoveryMode) -> DomainViolation? {
        guard role == .owner, mode == .managed, !allowsOwnerInManagedMode else { return nil }
        return DomainViolation(
            .roleOwnerInManagedMode,
            "Tenant users may not be Owner while the partner manages disaster recovery; use Contributor, or change the tenant to self-service."
        )
    }
}
