import OnboardCore

/// The tenants a user row may belong to: this run's accepted customers first, then the directory's.
///
/// Customers are few, so this run's tenants are kept whole; the directory is asked only for tenants
/// the run does not have.
public struct TenantCatalog: Sendable {
    private var byPrefix: [DomainPrefix: CustomerTenant] = [:]
    private var byDomain: [DomainName: DomainPrefix] = [:]
    private let directory: (any Directory)?

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
        return try directory?.tenant(prefix: prefix)
    }

    /// The tenant owning `domain` (its initial domain or one of its further domains).
    public func tenant(owning domain: DomainName) throws(DirectoryError) -> CustomerTenant? {
        if let prefix = byDomain[domain] { return byPrefix[prefix] }
        return try directory?.tenant(owning: domain)
    }
}
