/// A customer's tenant: an isolated account with its domains, subscriptions and default admin.
///
/// Made from a ``TenantDraft``; the defaults are filled in here, once: language `en`, culture from
/// language and country, disaster recovery `managed`, the `Azure` subscription first. The default
/// admin (`admin@prefix.onmicrosoft.com`, Owner on the cloud subscription) is created with the tenant
/// and cannot be made any other way, so every tenant has exactly one.
public struct CustomerTenant: Sendable, Hashable, CustomStringConvertible {
    public var prefix: DomainPrefix { box.values.prefix }
    public var company: CompanyName { box.values.company }
    public var country: CountryCode { box.values.country }
    public var address: PostalAddress { box.values.address }
    public var contact: Contact { box.values.contact }
    public var language: LanguageCode { box.values.language }
    public var culture: Culture { box.values.culture }
    public var disasterRecoveryMode: DisasterRecoveryMode { box.values.disasterRecoveryMode }
    /// The initial domain `prefix.onmicrosoft.com` first, then the verified extra domains, no repeats.
    public var domains: [DomainName] { box.values.domains }
    /// The cloud (`Azure`) subscription first, then the other offers, no repeats.
    public var subscriptions: [Subscription] { box.values.subscriptions }
    /// The tenant's one default admin.
    public var defaultAdmin: TenantUser { box.values.defaultAdmin }

    /// The values, behind one reference (see ``SharedValues``): intake hands a user row's tenant on
    /// several times per row; a tenant never changes once made.
    private let box: SharedValues<Values>

    /// Makes a tenant from a draft, filling in defaults.
    public init(_ draft: TenantDraft) {
        box = SharedValues(
            Values(
                prefix: draft.prefix,
                company: draft.company,
                country: draft.country,
                address: draft.address,
                contact: draft.contact,
                language: draft.language ?? .english,
                culture: draft.culture
                    ?? Culture(language: draft.language ?? .english, country: draft.country),
                disasterRecoveryMode: draft.disasterRecoveryMode ?? .managed,
                domains: Self.distinct([draft.prefix.initialDomain] + draft.extraDomains),
                subscriptions: Self.distinct([.azure] + draft.offers).map {
                    Subscription(tenant: draft.prefix, offer: $0)
                },
                defaultAdmin: TenantUser(defaultAdminOf: draft.prefix, country: draft.country)))
    }

    /// Every stored value, compared and hashed as the struct's own fields were.
    private struct Values: Sendable, Hashable {
        let prefix: DomainPrefix
        let company: CompanyName
        let country: CountryCode
        let address: PostalAddress
        let contact: Contact
        let language: LanguageCode
        let culture: Culture
        let disasterRecoveryMode: DisasterRecoveryMode
        let domains: [DomainName]
        let subscriptions: [Subscription]
        let defaultAdmin: TenantUser
    }

    /// The draft this tenant was made from, with its defaults spelled out: what a store persists to
    /// make the same tenant again with ``init(_:)``.
    public var draft: TenantDraft {
        TenantDraft(
            prefix: prefix, company: company, country: country, address: address, contact: contact,
            language: language, culture: culture, offers: subscriptions.map(\.offer),
            disasterRecoveryMode: disasterRecoveryMode, extraDomains: Array(domains.dropFirst()))
    }

    /// The cloud subscription, where roles are assigned unless another is named.
    public var primarySubscription: Subscription { subscriptions[0] }

    /// The default admin's role: Owner on the cloud subscription.
    public var defaultAdminAssignment: RoleAssignment {
        RoleAssignment(user: defaultAdmin, role: .owner, subscription: primarySubscription.id)
    }

    /// Whether `domain` is one of this tenant's domains.
    public func owns(_ domain: DomainName) -> Bool { domains.contains(domain) }

    /// Whether `id` is one of this tenant's subscriptions.
    public func hasSubscription(_ id: Subscription.ID) -> Bool { subscriptions.contains { $0.id == id } }

    public var description: String { "\(company) (\(prefix))" }

    /// What applying `self` means, given what the directory holds (`nil`: nothing yet).
    public func change(from existing: CustomerTenant?) -> Change<TenantAttribute> {
        guard let existing else { return .created }
        var changed: [TenantAttribute] = []
        if company != existing.company { changed.append(.company) }
        if country != existing.country { changed.append(.country) }
        if address != existing.address { changed.append(.address) }
        if contact != existing.contact { changed.append(.contact) }
        if language != existing.language { changed.append(.language) }
        if culture != existing.culture { changed.append(.culture) }
        if subscriptions != existing.subscriptions { changed.append(.subscriptions) }
        if domains != existing.domains { changed.append(.domains) }
        if disasterRecoveryMode != existing.disasterRecoveryMode { changed.append(.disasterRecoveryMode) }
        return changed.isEmpty ? .unchanged : .updated(changed)
    }

    private static func distinct<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
