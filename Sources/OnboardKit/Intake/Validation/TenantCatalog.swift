import OnboardCore

/// The tenants a user row may belong to: this run's accepted customers first, then the directory's.
///
/// Customers are few, so this run's tenants are kept whole; the directory is asked only for tenants
/// the run does not have, and each tenant it has is asked for once (see ``DirectoryTenants``).
public struct TenantCatalog: Sendable {
    private var byPrefix: [DomainPrefix: CustomerTenant] = [:]
    private var byDomain: [DomainName: DomainPrefix] = [:]
    private let directory: (any Directory)?
    private let directoryTenants = DirectoryTenants()

    /// A catalog that falls back to `directory` (none: only this run's tenants).
    public init(directory: (any Directory)? = nil) {
        self.directory = directory
    }

    /// Adds a tenant of this run; the first tenant with a prefix or a domain keeps it.
    public mutating func add(_ tenant: CustomerTenant) {
        guard byPrefix[tenant.prefix] == nil else { return }
        byPrefix[tenant.prefix] = tenant
        for domain in tenant.domains where byDomain[domain] == nil { byDomain[domain] = tenant.prefix }
    }

    /// True when this run has a customer row for `prefix`.
    public func hasRunTenant(_ prefix: DomainPrefix) -> Bool { byPrefix[prefix] != nil }

    /// The tenant with `prefix`, from this run or the directory.
    public func tenant(_ prefix: DomainPrefix) throws(DirectoryError) -> CustomerTenant? {
        if let tenant = byPrefix[prefix] { return tenant }
        if let tenant = directoryTenants.byPrefix.withLock({ $0[prefix] }) { return tenant }
        guard let tenant = try directory?.tenant(prefix: prefix) else { return nil }
        directoryTenants.byPrefix.withLock { $0[prefix] = tenant }
        return tenant
    }

    /// The tenant owning `domain` (its initial domain or one of its further domains).
    public func tenant(owning domain: DomainName) throws(DirectoryError) -> CustomerTenant? {
        if let prefix = byDomain[domain] { return byPrefix[prefix] }
        if let tenant = directoryTenants.byDomain.withLock({ $0[domain] }) { return tenant }
        guard let tenant = try directory?.tenant(owning: domain) else { return nil }
        directoryTenants.byDomain.withLock { $0[domain] = tenant }
        return tenant
    }
}

/// The directory's tenants a catalog has met, by prefix and by domain: a file of users only (their
/// tenants not in the run) asked the directory on every row, a store's read transaction each (70 µs).
///
/// Only tenants found are kept, so it holds at most the directory's tenants however many unknown
/// prefixes an input names. A run changes no tenant it has no customer row for (those are this run's
/// own, looked up first), so a tenant kept stays right for the run; a tenant another process changes
/// meanwhile is seen as it was first met, as a plan is of the directory as it was.
private final class DirectoryTenants: Sendable {
    let byPrefix = SharedState<[DomainPrefix: CustomerTenant]>([:])
    let byDomain = SharedState<[DomainName: CustomerTenant]>([:])
}
