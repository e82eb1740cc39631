/// What the input says about one customer, already made of checked values: the input to create or
/// update a ``CustomerTenant``.
///
/// Optional parts take their defaults when the tenant is made: language `en`, culture from language
/// and country, disaster recovery `managed`; the `Azure` offer is always added.
public struct TenantDraft: Sendable, Hashable {
    public var prefix: DomainPrefix
    public var company: CompanyName
    public var country: CountryCode
    public var address: PostalAddress
    public var contact: Contact
    public var language: LanguageCode?
    public var culture: Culture?
    public var offers: [SubscriptionOffer]
    public var disasterRecoveryMode: DisasterRecoveryMode?
    /// Further verified domains besides `prefix.onmicrosoft.com`.
    public var extraDomains: [DomainName]

    public init(
        prefix: DomainPrefix, company: CompanyName, country: CountryCode,
        address: PostalAddress = PostalAddress(),
        contact: Contact, language: LanguageCode? = nil, culture: Culture? = nil,
        offers: [SubscriptionOffer] = [],
        disasterRecoveryMode: DisasterRecoveryMode? = nil, extraDomains: [DomainName] = []
    ) {
        self.prefix = prefix
        self.company = company
        self.country = country
        self.address = address
        self.contact = contact
        self.language = language
        self.culture = culture
        self.offers = offers
        self.disasterRecoveryMode = disasterRecoveryMode
        self.extraDomains = extraDomains
    }
}
