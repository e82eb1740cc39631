import OnboardCore
import Testing

struct TenantAccessTests {
    let contoso = Fixture.tenant("contoso", domains: ["contoso.com"])
    let fabrikam = Fixture.tenant("fabrikam")

    @Test(arguments: ["alice@contoso.onmicrosoft.com", "Alice@Contoso.com", "ａlice@contoso.com"])
    func usersOnTheTenantsDomains(raw: String) throws {
        let user = try contoso.makeUser(Fixture.userDraft(raw))
        #expect(user.tenant == contoso.prefix && !user.isDefaultAdmin, "a user of contoso")
    }

    @Test(arguments: ["alice@fabrikam.onmicrosoft.com", "alice@contoso.org", "alice@sub.contoso.com"])
    func usersOnOtherDomainsAreRejected(raw: String) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try contoso.makeUser(Fixture.userDraft(raw)) } == [
                .upnDomain
            ],
            "\(raw) is not on contoso's domains")
    }

    @Test func aUserListedForAnotherTenantIsRejected() {
        let draft = Fixture.userDraft("alice@contoso.com", tenant: "fabrikam")
        #expect(
            rulesBroken { () throws(DomainViolations) in try contoso.makeUser(draft) } == [
                .userForeignTenant
            ], "tenant column")
    }

    @Test(arguments: ["admin@contoso.onmicrosoft.com", "ADMIN@contoso.onmicrosoft.com"])
    func theDefaultAdminIsNotAUserRow(raw: String) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try contoso.makeUser(Fixture.userDraft(raw)) }
                == [.userDefaultAdmin], "\(raw) is made with the tenant")
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try contoso.makeUser(Fixture.userDraft("admin@contoso.com"))
            }
                == [], "admin on another domain of the tenant is an ordinary user")
    }

    @Test func aUserRoundTripsThroughItsDraft() throws {
        let user = try contoso.makeUser(Fixture.userDraft("alice@contoso.com", title: "CFO"))
        #expect(try contoso.makeUser(user.draft) == user, "a store can rebuild the same user")
    }

    @Test func rolesGoOnTheTenantsOwnSubscription() throws {
        let user = try contoso.makeUser(Fixture.userDraft("alice@contoso.com"))
        let assignment = try contoso.assign(.contributor, to: user, policy: OnboardingPolicy())
        #expect(
            assignment.subscription == contoso.primarySubscription.id && assignment.tenant == contoso.prefix,
            "own subscription")
    }

    @Test func aRoleOnAForeignSubscriptionCannotBeMade() throws {
        let user = try contoso.makeUser(Fixture.userDraft("alice@contoso.com"))
        let foreign = fabrikam.primarySubscription.id
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try contoso.assign(.reader, to: user, on: foreign, policy: OnboardingPolicy())
            }
                == [.roleForeignSubscription], "fabrikam's subscription")
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try fabrikam.assign(.reader, to: user, policy: OnboardingPolicy())
            }
                == [.userForeignTenant], "a contoso user in fabrikam")
    }

    @Test(arguments: [
        (DisasterRecoveryMode.managed, false, [Rule.roleOwnerInManagedMode]), (.managed, true, []),
        (.selfService, false, []),
    ])
    func ownerInManagedModeFollowsThePolicy(mode: DisasterRecoveryMode, allowed: Bool, expected: [Rule])
        throws
    {
        let tenant = Fixture.tenant("contoso", mode: mode)
        let user = try tenant.makeUser(Fixture.userDraft("bob@contoso.onmicrosoft.com"))
        let policy = OnboardingPolicy(allowsOwnerInManagedMode: allowed)
        #expect(
            rulesBroken { () throws(DomainViolations) in try tenant.assign(.owner, to: user, policy: policy) }
                == expected, "\(mode)")
    }

    @Test func theDefaultAdminStaysOwner() {
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try contoso.assign(.reader, to: contoso.defaultAdmin, policy: OnboardingPolicy())
            } == [.roleDefaultAdmin], "admin demoted")
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try contoso.assign(.owner, to: contoso.defaultAdmin, policy: OnboardingPolicy())
            } == [], "admin stays Owner even in managed mode")
    }

    @Test func userChangesAreNamed() throws {
        let old = try contoso.makeUser(Fixture.userDraft("alice@contoso.com"))
        #expect(
            try contoso.makeUser(Fixture.userDraft("alice@contoso.com")).change(from: old) == .unchanged,
            "same")
        let new = try contoso.makeUser(Fixture.userDraft("Alice@contoso.com", title: "CFO"))
        #expect(new.change(from: old) == .updated([.userPrincipalName, .jobTitle]), "spelling and title")
        #expect(new.change(from: nil) == .created, "new user")
    }
}
