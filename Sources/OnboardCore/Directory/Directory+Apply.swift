/// The outcome of applying one tenant to a directory.
public struct AppliedTenant: Sendable, Hashable {
    public let tenant: CustomerTenant
    public let change: Change<TenantAttribute>
    /// The default admin's temporary password, when the tenant was created now.
    public let adminPassword: Secret?

    public init(tenant: CustomerTenant, change: Change<TenantAttribute>, adminPassword: Secret?) {
        self.tenant = tenant
        self.change = change
        self.adminPassword = adminPassword
    }
}

/// The outcome of applying one user and its role to a directory.
public struct AppliedUser: Sendable, Hashable {
    public let user: TenantUser
    public let change: Change<UserAttribute>
    public let roleChange: Change<RoleAssignmentAttribute>
    /// The temporary password, when the user was created now.
    public let password: Secret?

    public init(
        user: TenantUser, change: Change<UserAttribute>, roleChange: Change<RoleAssignmentAttribute>,
        password: Secret?
    ) {
        self.user = user
        self.change = change
        self.roleChange = roleChange
        self.password = password
    }
}

extension Directory {
    /// Makes the directory hold `tenant`: creates it, updates the attributes that differ, or leaves it
    /// alone. Idempotent: applying the same tenant twice changes nothing the second time.
    ///
    /// When another worker creates the same prefix between the look-up and the create, the tenant is
    /// looked up again and compared, so concurrent applies of one input still end in one tenant.
    public func apply(_ tenant: CustomerTenant) throws(DirectoryError) -> AppliedTenant {
        if let existing = try self.tenant(prefix: tenant.prefix) { return try update(existing, to: tenant) }
        do {
            let password = try createTenant(tenant)
            return AppliedTenant(tenant: tenant, change: .created, adminPassword: password)
        } catch .prefixTaken(let prefix) {
            guard let winner = try self.tenant(prefix: tenant.prefix) else { throw .prefixTaken(prefix) }
            return try update(winner, to: tenant)
        }
    }

    private func update(_ existing: CustomerTenant, to tenant: CustomerTenant) throws(DirectoryError)
        -> AppliedTenant
    {
        let change = tenant.change(from: existing)
        if case .updated = change { try updateTenant(tenant) }
        return AppliedTenant(tenant: tenant, change: change, adminPassword: nil)
    }

    /// Makes the directory hold `user` with `role`: creates, updates or leaves each alone.
    ///
    /// `password` is used only when the user is created (a generated one when `nil`); an existing
    /// user's password is never reset by an import. Throws `upnTaken` when the name belongs to a user
    /// of another tenant.
    public func apply(_ user: TenantUser, role: RoleAssignment, password: TemporaryPassword?)
        throws(DirectoryError)
        -> AppliedUser
    {
        guard role.user.key == user.key, role.tenant == user.tenant else {
            throw .permanent(
                reason:
                    "the role assignment for \(role.user) was applied with the user \(user.userPrincipalName)."
            )
        }
        var existing = try self.user(key: user.key)
        var secret: Secret?
        if existing == nil {
            do {
                secret = try createUser(user, password: password)
            } catch .upnTaken(let upn) {
                // Another worker created it since the look-up: compare with what it made.
                existing = try self.user(key: user.key)
                if existing == nil { throw .upnTaken(upn) }
            }
        }
        if let existing, existing.tenant != user.tenant { throw .upnTaken(user.userPrincipalName) }
        let change = secret != nil ? .created : user.change(from: existing)
        if case .updated = change { try updateUser(user) }
        let roleChange = role.change(from: try roleAssignment(of: user.key))
        if roleChange != .unchanged { try assignRole(role) }
        return AppliedUser(user: user, change: change, roleChange: roleChange, password: secret)
    }
}
