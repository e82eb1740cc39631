import Synchronization

/// A directory held in memory: for tests, and the reference for what every directory enforces.
///
/// All state sits behind one `Mutex`, so each operation is atomic: of many threads creating the same
/// prefix at once, exactly one wins and the others get `prefixTaken`. Passwords are returned, never
/// kept.
public final class InMemoryDirectory: Directory {
    private struct State: Sendable {
        var tenants: [DomainPrefix: CustomerTenant] = [:]
        var domainOwners: [DomainName: DomainPrefix] = [:]
        var users: [UserPrincipalName.Key: TenantUser] = [:]
        var usersByTenant: [DomainPrefix: Set<UserPrincipalName.Key>] = [:]
        var assignments: [UserPrincipalName.Key: RoleAssignment] = [:]
        var recovery: [DomainPrefix: RecoveryRecord] = [:]
    }

    private let state = SharedState(State())
    private let makePassword: @Sendable (UserPrincipalName) -> TemporaryPassword

    /// Makes an empty directory that generates temporary passwords with the system's secure generator.
    public convenience init() {
        self.init(makePassword: { user in
            var generator = SecureRandom()
            return TemporaryPassword.makeGenerated(avoiding: user.userName, using: &generator)
        })
    }

    /// Makes an empty directory that generates temporary passwords with `makePassword` (tests pass a
    /// seeded generator here).
    public init(makePassword: @escaping @Sendable (UserPrincipalName) -> TemporaryPassword) {
        self.makePassword = makePassword
    }

    public func tenant(prefix: DomainPrefix) -> CustomerTenant? {
        state.withLock { $0.tenants[prefix] }
    }

    public func tenant(owning domain: DomainName) -> CustomerTenant? {
        state.withLock { state in state.domainOwners[domain].flatMap { state.tenants[$0] } }
    }

    public func tenants() -> [CustomerTenant] {
        state.withLock { $0.tenants.values.sorted { $0.prefix < $1.prefix } }
    }

    public func user(key: UserPrincipalName.Key) -> TenantUser? {
        state.withLock { $0.users[key] }
    }

    public func users(of tenant: DomainPrefix) -> [TenantUser] {
        state.withLock { state in
            (state.usersByTenant[tenant] ?? []).sorted().compactMap { state.users[$0] }
        }
    }

    public func roleAssignment(of user: UserPrincipalName.Key) -> RoleAssignment? {
        state.withLock { $0.assignments[user] }
    }

    public func recoveryRecord(of tenant: DomainPrefix) -> RecoveryRecord? {
        state.withLock { $0.recovery[tenant] }
    }

    public func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret {
        let admin = tenant.defaultAdmin
        let password = makePassword(admin.userPrincipalName)
        try state.withLock { (state) throws(DirectoryError) in
            if state.tenants[tenant.prefix] != nil { throw .prefixTaken(tenant.prefix) }
            if let taken = tenant.domains.first(where: { state.domainOwners[$0] != nil }) {
                throw .domainTaken(taken)
            }
            if state.users[admin.key] != nil { throw .upnTaken(admin.userPrincipalName) }
            state.tenants[tenant.prefix] = tenant
            for domain in tenant.domains { state.domainOwners[domain] = tenant.prefix }
            state.users[admin.key] = admin
            state.usersByTenant[tenant.prefix] = [admin.key]
            state.assignments[admin.key] = tenant.defaultAdminAssignment
        }
        return password.secret
    }

    public func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError) {
        try state.withLock { (state) throws(DirectoryError) in
            guard let old = state.tenants[tenant.prefix] else { throw .unknownTenant(tenant.prefix) }
            if let taken = tenant.domains.first(where: {
                state.domainOwners[$0].map { $0 != tenant.prefix } ?? false
            }) {
                throw .domainTaken(taken)
            }
            let members = (state.usersByTenant[tenant.prefix] ?? []).compactMap { state.users[$0] }
            var problems: [DomainViolation] = []
            for user in members where !tenant.owns(user.userPrincipalName.domain) {
                problems.append(
                    DomainViolation(
                        .upnDomain,
                        "The domain \(user.userPrincipalName.domain) cannot be removed from tenant \(tenant.prefix): the user \(user.userPrincipalName) signs in with it."
                    ))
            }
            for key in state.usersByTenant[tenant.prefix] ?? [] {
                if let assignment = state.assignments[key], !tenant.hasSubscription(assignment.subscription) {
                    problems.append(
                        DomainViolation(
                            .roleForeignSubscription,
                            "The subscription \(assignment.subscription) cannot be removed from tenant \(tenant.prefix): the user \(assignment.user) has a role on it."
                        ))
                }
            }
            if !problems.isEmpty { throw .conflict(DomainViolations(problems)) }
            for domain in old.domains where !tenant.owns(domain) { state.domainOwners[domain] = nil }
            for domain in tenant.domains { state.domainOwners[domain] = tenant.prefix }
            state.tenants[tenant.prefix] = tenant
        }
    }

    public func createUser(_ user: TenantUser, password: TemporaryPassword?) throws(DirectoryError) -> Secret
    {
        let password = password ?? makePassword(user.userPrincipalName)
        try state.withLock { (state) throws(DirectoryError) in
            guard let tenant = state.tenants[user.tenant] else { throw .unknownTenant(user.tenant) }
            if state.users[user.key] != nil { throw .upnTaken(user.userPrincipalName) }
            guard tenant.owns(user.userPrincipalName.domain) else {
                throw .upnDomainNotInTenant(user.userPrincipalName, tenant: user.tenant)
            }
            state.users[user.key] = user
            state.usersByTenant[user.tenant, default: []].insert(user.key)
        }
        return password.secret
    }

    public func updateUser(_ user: TenantUser) throws(DirectoryError) {
        try state.withLock { (state) throws(DirectoryError) in
            guard let old = state.users[user.key], old.tenant == user.tenant,
                old.isDefaultAdmin == user.isDefaultAdmin
            else { throw .unknownUser(user.userPrincipalName) }
            guard let tenant = state.tenants[user.tenant], tenant.owns(user.userPrincipalName.domain) else {
                throw .upnDomainNotInTenant(user.userPrincipalName, tenant: user.tenant)
            }
            state.users[user.key] = user
        }
    }

    public func assignRole(_ assignment: RoleAssignment) throws(DirectoryError) {
        try state.withLock { (state) throws(DirectoryError) in
            guard let tenant = state.tenants[assignment.tenant] else {
                throw .unknownTenant(assignment.tenant)
            }
            guard let user = state.users[assignment.user.key], user.tenant == assignment.tenant else {
                throw .unknownUser(assignment.user)
            }
            if !tenant.hasSubscription(assignment.subscription) {
                throw .conflict(
                    DomainViolations(
                        DomainViolation(
                            .roleForeignSubscription,
                            "The subscription \(assignment.subscription) is not one of tenant \(tenant.prefix)'s subscriptions."
                        )))
            }
            if user.isDefaultAdmin, assignment != tenant.defaultAdminAssignment {
                throw .conflict(
                    DomainViolations(
                        DomainViolation(
                            .roleDefaultAdmin,
                            "The default admin \(user.userPrincipalName) stays Owner on the cloud subscription."
                        )))
            }
            state.assignments[user.key] = assignment
        }
    }

    public func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError) {
        try state.withLock { (state) throws(DirectoryError) in
            guard state.tenants[record.tenant] != nil else { throw .unknownTenant(record.tenant) }
            state.recovery[record.tenant] = record
        }
    }
}
