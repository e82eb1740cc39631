import OnboardCore

/// What a user row needs to know about its tenant: which domains it owns and who runs its recovery.
public struct TenantFacts: Sendable, Hashable {
    public var prefix: DomainPrefix
    /// Every domain of the tenant, the initial `prefix.onmicrosoft.com` first.
    public var domains: [DomainName]
    public var mode: DisasterRecoveryMode

    public init(prefix: DomainPrefix, extraDomains: [DomainName], mode: DisasterRecoveryMode) {
        self.prefix = prefix
        self.domains = [prefix.initialDomain] + extraDomains.filter { $0 != prefix.initialDomain }
        self.mode = mode
    }

    public init(_ draft: TenantDraft) {
        self.init(
            prefix: draft.prefix, extraDomains: draft.extraDomains,
            mode: draft.disasterRecoveryMode ?? .managed)
    }
}

/// The tenants a user row may belong to: this run's accepted customers, then the directory's.
///
/// Customers are few, so their facts are kept whole; the directory is asked through `lookup`
/// (by prefix) and `lookupDomain` (by domain) only for tenants this run does not have.
public struct TenantCatalog: Sendable {
    private var byPrefix: [DomainPrefix: TenantFacts] = [:]
    private var byDomain: [DomainName: DomainPrefix] = [:]
    private let lookup: @Sendable (DomainPrefix) -> TenantFacts?
    private let lookupDomain: @Sendable (DomainName) -> TenantFacts?

    public init(
        lookup: @escaping @Sendable (DomainPrefix) -> TenantFacts? = { _ in nil },
        lookupDomain: @escaping @Sendable (DomainName) -> TenantFacts? = { _ in nil }
    ) {
        self.lookup = lookup
        self.lookupDomain = lookupDomain
    }

    /// Adds a tenant of this run; a later tenant with the same prefix replaces nothing.
    public mutating func add(_ facts: TenantFacts) {
        guard byPrefix[facts.prefix] == nil else { return }
        byPrefix[facts.prefix] = facts
        for domain in facts.domains where byDomain[domain] == nil { byDomain[domain] = facts.prefix }
    }

    /// The tenant with `prefix`, from this run or the directory.
    public func tenant(_ prefix: DomainPrefix) -> TenantFacts? {
        byPrefix[prefix] ?? lookup(prefix)
    }

    /// The tenant owning `domain` (its initial domain or one of its further domains).
    public func tenant(owning domain: DomainName) -> TenantFacts? {
        if let prefix = byDomain[domain] { return byPrefix[prefix] }
        return lookupDomain(domain)
    }
}
