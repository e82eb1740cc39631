import OnboardCore
import Testing

struct CustomerTenantTests {
    @Test func defaultsAreFilledIn() {
        let tenant = Fixture.tenant("contoso")
        #expect(tenant.language.rawValue == "en", "language defaults to en")
        #expect(tenant.culture.rawValue == "en-DE", "culture defaults to language-country")
        #expect(tenant.disasterRecoveryMode == .managed, "DR defaults to managed")
        #expect(tenant.subscriptions.map(\.offer) == [.azure], "the cloud subscription is always there")
        #expect(tenant.domains.map(\.rawValue) == ["contoso.onmicrosoft.com"], "initial domain first")
    }

    @Test func domainsAndOffersKeepOrderWithoutRepeats() {
        let tenant = CustomerTenant(
            Fixture.tenantDraft(
                "contoso", offers: ["Office", "azure", "office"], domains: ["contoso.com", "CONTOSO.com"]))
        #expect(tenant.subscriptions.map(\.offer.rawValue) == ["Azure", "Office"], "Azure first, no repeats")
        #expect(
            tenant.domains.map(\.rawValue) == ["contoso.onmicrosoft.com", "contoso.com"], "no repeated domain"
        )
    }

    @Test func exactlyOneDefaultAdminCreatedWithTheTenant() {
        let tenant = Fixture.tenant("contoso")
        #expect(
            tenant.defaultAdmin.userPrincipalName.rawValue == "admin@contoso.onmicrosoft.com", "admin name")
        #expect(
            tenant.defaultAdmin.isDefaultAdmin && tenant.defaultAdmin.tenant == tenant.prefix,
            "admin of this tenant")
        #expect(tenant.defaultAdminAssignment.role == .owner, "admin is Owner")
        #expect(
            tenant.defaultAdminAssignment.subscription == tenant.primarySubscription.id,
            "on the cloud subscription")
    }

    @Test func subscriptionIdsAreDeterministicAndDistinct() {
        let a = Fixture.tenant("contoso").primarySubscription.id
        let again = Fixture.tenant("contoso").primarySubscription.id
        let other = Fixture.tenant("fabrikam").primarySubscription.id
        #expect(a == again, "same tenant, same id")
        #expect(a != other, "different tenants, different ids")
        let text = a.rawValue
        #expect(
            text.count == 36 && text.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12],
            "UUID shape: \(text)")
        #expect(Array(text)[14] == "8", "UUID version 8: \(text)")
    }

    @Test func theDraftRoundTrips() {
        let tenant = CustomerTenant(
            Fixture.tenantDraft("contoso", offers: ["Office"], domains: ["contoso.com"]))
        #expect(CustomerTenant(tenant.draft) == tenant, "a store can rebuild the same tenant from its draft")
    }

    @Test func reapplyingTheSameInputIsUnchanged() {
        let tenant = Fixture.tenant("contoso")
        #expect(tenant.change(from: nil) == .created, "nothing there yet")
        #expect(Fixture.tenant("contoso").change(from: tenant) == .unchanged, "same input, no change")
    }

    @Test func changedAttributesAreNamed() {
        let old = Fixture.tenant("contoso")
        let new = CustomerTenant(
            Fixture.tenantDraft("contoso", company: "Contoso GmbH", offers: ["Office"], mode: .selfService))
        #expect(
            new.change(from: old) == .updated([.company, .subscriptions, .disasterRecoveryMode]),
            "the changes")
    }
}
