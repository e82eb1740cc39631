import OnboardCore

/// The conflicts the store refuses, worded as the in-memory reference directory words them.
enum StoreConflicts {
    static func domainInUse(_ domain: DomainName, tenant: DomainPrefix, user: String) -> DomainViolation {
        DomainViolation(
            .upnDomain,
            "The domain \(domain) cannot be removed from tenant \(tenant): the user \(user) signs in with it."
        )
    }

    static func subscriptionInUse(_ subscription: Subscription.ID, tenant: DomainPrefix, user: String)
        -> DomainViolation
    {
        DomainViolation(
            .roleForeignSubscription,
            "The subscription \(subscription) cannot be removed from tenant \(tenant): the user \(user) has a role on it."
        )
    }

    static func foreignSubscription(_ subscription: Subscription.ID, tenant: DomainPrefix) -> DirectoryError {
        .conflict(
            DomainViolations(
                DomainViolation(
                    .roleForeignSubscription,
                    "The subscription \(subscription) is not one of tenant \(tenant)'s subscriptions.")))
    }

    static func defaultAdminRole(_ admin: UserPrincipalName) -> DirectoryError {
        .conflict(
            DomainViolations(
                DomainViolation(
                    .roleDefaultAdmin, "The default admin \(admin) stays Owner on the cloud subscription.")))
    }

    /// Checks that `assignment` may be stored for the stored `user` of `tenant`; returns the
    /// subscription's row id. The default admin keeps exactly its tenant's default admin assignment.
    static func check(_ assignment: RoleAssignment, for user: TenantUser, in tenant: TenantKeys)
        throws(DirectoryError) -> Int64
    {
        guard let subscriptionID = tenant.subscriptionIDs[assignment.subscription] else {
            throw foreignSubscription(assignment.subscription, tenant: tenant.prefix)
        }
        if user.isDefaultAdmin,
            assignment.role != .owner || assignment.subscription != tenant.primarySubscription
                || assignment.user != user.userPrincipalName
        {
            throw defaultAdminRole(user.userPrincipalName)
        }
        return subscriptionID
    }
}
