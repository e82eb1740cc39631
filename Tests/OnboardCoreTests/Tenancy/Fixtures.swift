import OnboardCore

/// Small builders for tests: valid values from literals (a bad literal is a broken test, so `try!`).
enum Fixture {
    static func prefix(_ raw: String) -> DomainPrefix { try! DomainPrefix.parse(raw) }
    static func upn(_ raw: String) -> UserPrincipalName { try! UserPrincipalName.parse(raw) }

    static func tenantDraft(
        _ prefix: String, company: String = "Contoso Ltd", country: String = "DE", offers: [String] = [],
        mode: DisasterRecoveryMode? = nil, domains: [String] = [], language: String? = nil
    ) -> TenantDraft {
        TenantDraft(
            prefix: self.prefix(prefix), company: try! CompanyName.parse(company),
            country: try! CountryCode.parse(country),
            address: PostalAddress(street: "Hauptstraße 1", city: "Berlin", postalCode: "10115"),
            contact: Contact(
                firstName: "Eva", lastName: "Klein", email: try! EmailAddress.parse("eva@\(prefix).example")),
            language: language.map { try! LanguageCode.parse($0) },
            offers: offers.map { try! SubscriptionOffer.parse($0) }, disasterRecoveryMode: mode,
            extraDomains: domains.map { try! DomainName.parse($0) })
    }

    static func tenant(_ prefix: String, mode: DisasterRecoveryMode? = nil, domains: [String] = [])
        -> CustomerTenant
    {
        CustomerTenant(tenantDraft(prefix, mode: mode, domains: domains))
    }

    static func userDraft(_ upn: String, tenant: String? = nil, title: String? = nil, role: Role? = nil)
        -> UserDraft
    {
        UserDraft(
            tenant: tenant.map(prefix), userPrincipalName: self.upn(upn),
            displayName: try! DisplayName.make(firstName: "Alice", lastName: "Smith"), firstName: "Alice",
            lastName: "Smith", jobTitle: title, role: role)
    }
}
