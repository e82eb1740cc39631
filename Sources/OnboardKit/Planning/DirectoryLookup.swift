import OnboardCore

/// What planning asks of a directory: does a tenant or user exist already, and as what.
///
/// Read-only: a plan changes nothing. `EmptyDirectory` is a directory with nothing in it (a first
/// run); the embedded store implements this same lookup when it comes.
public protocol DirectoryLookup: Sendable {
    /// The tenant with `prefix`, as the directory has it.
    func tenant(_ prefix: DomainPrefix) -> TenantDraft?
    /// The tenant that owns `domain` (its initial domain or a further verified one).
    func tenant(owning domain: DomainName) -> TenantDraft?
    /// The user with the UPN key `key`, as the directory has it (never with a password).
    func user(_ key: UserPrincipalName.Key) -> UserDraft?
}

/// A directory with no tenants and no users: what a first run plans against.
public struct EmptyDirectory: DirectoryLookup {
    public init() {}
    public func tenant(_ prefix: DomainPrefix) -> TenantDraft? { nil }
    public func tenant(owning domain: DomainName) -> TenantDraft? { nil }
    public func user(_ key: UserPrincipalName.Key) -> UserDraft? { nil }
}

/// A directory held in dictionaries, for tests and for planning against a known state.
public struct DirectorySnapshot: DirectoryLookup {
    private var tenants: [DomainPrefix: TenantDraft] = [:]
    private var domains: [DomainName: DomainPrefix] = [:]
    private var users: [UserPrincipalName.Key: UserDraft] = [:]

    public init(tenants: [TenantDraft] = [], users: [UserDraft] = []) {
        for tenant in tenants {
            self.tenants[tenant.prefix] = tenant
            for domain in [tenant.prefix.initialDomain] + tenant.extraDomains {
                domains[domain] = tenant.prefix
            }
        }
        for var user in users {
            user.password = nil
            self.users[user.userPrincipalName.key] = user
        }
    }

    public func tenant(_ prefix: DomainPrefix) -> TenantDraft? { tenants[prefix] }
    public func tenant(owning domain: DomainName) -> TenantDraft? { domains[domain].flatMap { tenants[$0] } }
    public func user(_ key: UserPrincipalName.Key) -> UserDraft? { users[key] }
}
