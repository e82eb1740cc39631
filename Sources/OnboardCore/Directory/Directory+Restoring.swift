// Initialisers for directories that persist values: they rebuild, without checking again, values the
// core checked before storing them. `package`, so only our own stores use them; anything read from
// outside (a CSV file, a remote service) goes through the checking `parse` functions instead.
// Checking again would cost a stored user several microseconds, which a re-import of a million
// unchanged users cannot afford.

extension UserPrincipalName {
    /// Rebuilds a name from what a store saved of one made by ``parse(_:)``: its spelling and key.
    package init(restoring rawValue: String, key: String) {
        self.rawValue = rawValue
        self.key = Key(rawValue: key)
        let domain = key[key.index(after: key.firstIndex(of: "@") ?? key.startIndex)...]
        self.domain = DomainName(checked: String(domain))
    }
}

extension DomainPrefix {
    /// Rebuilds a prefix a store saved (lower-cased, as ``parse(_:)`` made it).
    package init(restoring rawValue: String) { self.init(checked: rawValue) }
}

extension DomainName {
    /// Rebuilds a domain name a store saved (lower-cased, as ``parse(_:)`` made it).
    package init(restoring rawValue: String) { self.init(checked: rawValue) }
}

extension Subscription.ID {
    /// Rebuilds a subscription id a store saved.
    package init(restoring rawValue: String) { self.init(rawValue: rawValue) }
}

extension DisplayName {
    /// Rebuilds a display name a store saved.
    package init(restoring rawValue: String) { self.rawValue = rawValue }
}

extension CountryCode {
    /// Rebuilds a country code a store saved.
    package init(restoring rawValue: String) { self.init(checked: rawValue) }
}

extension TenantUser {
    /// Rebuilds a user a store saved, the default admin included (who cannot be made otherwise).
    package init(
        restoring tenant: DomainPrefix, userPrincipalName: UserPrincipalName, displayName: DisplayName,
        firstName: String?, lastName: String?, jobTitle: String?, department: String?,
        usageLocation: CountryCode?, isSignInBlocked: Bool, isDefaultAdmin: Bool
    ) {
        self.init(
            values: Values(
                tenant: tenant, userPrincipalName: userPrincipalName, displayName: displayName,
                firstName: firstName, lastName: lastName, jobTitle: jobTitle, department: department,
                usageLocation: usageLocation, isSignInBlocked: isSignInBlocked, isDefaultAdmin: isDefaultAdmin))
    }
}

extension RoleAssignment {
    /// Rebuilds a role assignment a store saved.
    package init(restoring tenant: DomainPrefix, user: UserPrincipalName, role: Role, subscription: String) {
        self.init(
            values: Values(tenant: tenant, user: user, role: role, subscription: Subscription.ID(rawValue: subscription)))
    }
}
