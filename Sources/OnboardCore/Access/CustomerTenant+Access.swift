extension CustomerTenant {
    /// Makes a user of this tenant from a draft.
    ///
    /// Breaks `user.foreign-tenant` when the draft names another tenant, and `upn.domain` when the
    /// user principal name's domain is not one of this tenant's domains.
    public func makeUser(_ draft: UserDraft) throws(DomainViolations) -> TenantUser {
        var problems = ViolationList()
        if let named = draft.tenant, named != prefix {
            problems.add(
                .userForeignTenant,
                "The user \(quoted(draft.userPrincipalName.rawValue)) is listed for tenant \(named), not \(prefix); check the tenant column."
            )
        }
        if !owns(draft.userPrincipalName.domain) {
            problems.add(
                .upnDomain,
                "The user \(quoted(draft.userPrincipalName.rawValue)) is on the domain \(draft.userPrincipalName.domain), which is not one of tenant \(prefix)'s domains (\(domains.map(\.rawValue).joined(separator: ", "))); use one of those or add the domain to the tenant."
            )
        }
        if draft.userPrincipalName.key == defaultAdmin.key {
            problems.add(
                .userDefaultAdmin,
                "\(quoted(draft.userPrincipalName.rawValue)) is tenant \(prefix)'s default admin, created with the tenant; remove this row or give the user another name."
            )
        }
        try problems.throwIfAny()
        return TenantUser(tenant: prefix, draft: draft)
    }

    /// Gives `user` the access level `role` on one of this tenant's subscriptions (the cloud
    /// subscription unless `subscription` names another), within the partner's policy.
    ///
    /// Breaks `user.foreign-tenant` for a user of another tenant, `role.foreign-subscription` for a
    /// subscription that is not this tenant's, and `role.owner-in-managed-mode` per the policy. The
    /// default admin is always Owner and cannot be assigned another role.
    public func assign(
        _ role: Role, to user: TenantUser, on subscription: Subscription.ID? = nil, policy: OnboardingPolicy
    ) throws(DomainViolations) -> RoleAssignment {
        var problems = ViolationList()
        if user.tenant != prefix {
            problems.add(
                .userForeignTenant,
                "The user \(quoted(user.userPrincipalName.rawValue)) belongs to another tenant and cannot get access in \(prefix)."
            )
        }
        let target = subscription ?? primarySubscription.id
        if !hasSubscription(target) {
            problems.add(
                .roleForeignSubscription,
                "The subscription \(target) is not one of tenant \(prefix)'s subscriptions; roles are only assigned on the tenant's own subscription."
            )
        }
        if user.isDefaultAdmin, user.tenant == prefix {
            if role != .owner || target != primarySubscription.id {
                problems.add(
                    .roleDefaultAdmin,
                    "The default admin \(quoted(user.userPrincipalName.rawValue)) is always Owner on the cloud subscription; give other users other roles."
                )
            }
        } else if let violation = policy.violation(giving: role, in: disasterRecoveryMode) {
            problems.add(violation.rule, violation.message)
        }
        try problems.throwIfAny()
        return RoleAssignment(user: user, role: role, subscription: target)
    }
}
