import OnboardCore
import Testing

@testable import OnboardKit

struct UserValidatorTests {
    let validator = UserValidator()

    func check(_ values: [String: String]) throws -> CheckedUser {
        try validator.check(try IntakeFixtures.user(values), tenants: IntakeFixtures.tenants)
    }

    @Test func aGoodRowBecomesADraftWithItsTenantAndDefaultRole() throws {
        let checked = try check(["role": "", "block_sign_in": ""])
        let draft = try #require(checked.draft, "no draft: \(checked.findings.items)")
        #expect(draft.tenant?.rawValue == "contoso", "tenant")
        #expect(draft.role == .reader, "the policy's default role")
        #expect(draft.isSignInBlocked == false, "block_sign_in defaults to no")
    }

    @Test func theTenantComesFromTheUPNDomainWhenTheColumnIsEmpty() throws {
        #expect(
            try check(["tenant": "", "user_principal_name": "bob@contoso.de"]).draft?.tenant?.rawValue
                == "contoso",
            "custom domain of contoso")
        #expect(
            try check(["tenant": "", "user_principal_name": "bob@fabrikam.onmicrosoft.com"]).draft?.tenant?
                .rawValue
                == "fabrikam", "initial domain of fabrikam")
    }

    @Test func whitespaceAroundTheUPNIsTrimmedWithAWarning() throws {
        let checked = try check(["user_principal_name": "  alice@contoso.de "])
        #expect(checked.draft?.userPrincipalName.rawValue == "alice@contoso.de", "trimmed")
        #expect(checked.findings.warnings.map(\.code) == ["upn.whitespace"], "a warning")
    }

    @Test func theDisplayNameIsMadeFromFirstAndLastName() throws {
        let checked = try check(["display_name": "", "first_name": "Alice", "last_name": "Meyer"])
        #expect(checked.draft?.displayName.rawValue == "Alice Meyer", "first + last")
    }

    @Test(arguments: ["yes", "Y", "TRUE", "1", "no", "n", "False", "0"])
    func yesNoIsReadTheManyWaysSpreadsheetsWriteIt(text: String) throws {
        let checked = try check(["block_sign_in": text])
        #expect(
            checked.draft?.isSignInBlocked == ["yes", "y", "true", "1"].contains(text.lowercased()), "\(text)"
        )
    }

    @Test(arguments: ["site recovery operator", "ASR Reader", "contributor"])
    func rolesAreCaseInsensitiveWithAliases(text: String) throws {
        #expect(try check(["role": text]).draft != nil, "\(text) is a role")
    }

    @Test(
        arguments: [
            ("user_principal_name", "", "required.missing"), ("user_principal_name", "alice", "upn.at-sign"),
            ("user_principal_name", "alice@fabrikam.onmicrosoft.com", "upn.domain"),
            ("tenant", "nobody", "user.unknown-tenant"), ("tenant", "no body", "prefix.characters"),
            ("usage_location", "Narnia", "country.unknown"), ("role", "admin", "role.unknown"),
            ("role", "Owner", "role.owner-in-managed-mode"), ("block_sign_in", "maybe", "yesno.invalid"),
            ("password", "short", "password.length"),
        ])
    func eachRuleRejectsItsBadValue(column: String, value: String, code: String) throws {
        let checked = try check([column: value])
        #expect(checked.draft == nil, "\(column)=\(value) is rejected")
        #expect(
            IntakeFixtures.codes(checked.findings).contains(code),
            "\(column)=\(value): \(checked.findings.items)")
    }

    @Test func aUserOfAnUnknownDomainHasNoTenant() throws {
        let checked = try check(["tenant": "", "user_principal_name": "x@elsewhere.com"])
        #expect(IntakeFixtures.codes(checked.findings) == ["user.unknown-tenant"], "unknown tenant")
    }

    @Test func neitherDisplayNameNorFirstOrLastNameIsAnError() throws {
        let checked = try check(["display_name": ""])
        #expect(IntakeFixtures.codes(checked.findings) == ["display-name.missing"], "no name at all")
    }

    @Test func ownerIsAllowedInSelfServiceTenantsAndWhenThePolicySaysSo() throws {
        #expect(
            try check([
                "tenant": "fabrikam", "user_principal_name": "a@fabrikam.onmicrosoft.com", "role": "Owner",
            ])
            .draft != nil, "self-service tenant")
        let lenient = UserValidator(policy: OnboardingPolicy(allowsOwnerInManagedMode: true))
        #expect(
            try lenient.check(IntakeFixtures.user(["role": "Owner"]), tenants: IntakeFixtures.tenants).draft
                != nil,
            "policy switch")
    }

    @Test func aPasswordFindingNeverShowsThePassword() throws {
        let checked = try check(["password": "alice"])
        let findings = checked.findings.items.filter { $0.field == "password" }
        #expect(!findings.isEmpty, "the password is checked")
        #expect(findings.allSatisfy { $0.value == nil && !$0.description.contains("alice\"") }, "\(findings)")
    }

    @Test func aRowWithSeveralProblemsListsThemAll() throws {
        let checked = try check([
            "user_principal_name": " bob@contoso.de", "role": "boss", "block_sign_in": "perhaps",
            "usage_location": "XX", "display_name": "B\u{200B}ob",
        ])
        #expect(
            IntakeFixtures.codes(checked.findings)
                == [
                    "upn.whitespace", "text.invisible-characters", "country.unknown", "role.unknown",
                    "yesno.invalid",
                ],
            "all findings, warnings included")
    }

    @Test func theAdminCenterTemplatesCountryNameBecomesTheUsageLocation() throws {
        let header = ["User Name", "First Name", "Last Name", "Display Name", "Country or Region"]
        let row = try IntakeFixtures.row(
            header, ["ann@contoso.de", "Ann", "Lee", "Ann Lee", "United States"])
        let checked = try validator.check(row, tenants: IntakeFixtures.tenants)
        #expect(
            checked.draft?.usageLocation?.rawValue == "US", "United States → US: \(checked.findings.items)")
        #expect(checked.draft?.role == .reader, "no role column: the default")
    }

    @Test func aCountryNameIsNotAUsageLocationInUsersCSV() throws {
        #expect(
            IntakeFixtures.codes(try check(["usage_location": "Germany"]).findings) == ["country.unknown"],
            "codes only")
    }

    @Test func thePortalTemplatesBlockSignInYesMeansBlocked() throws {
        let header = [
            "Name [displayName] Required", "User name [userPrincipalName] Required",
            "Initial password [passwordProfile] Required", "Block sign in (Yes/No) [accountEnabled] Required",
        ]
        let row = try IntakeFixtures.row(
            header, ["Ann Lee", "ann@contoso.de", "", "Yes"], preamble: ["version:v1.0"])
        let checked = try validator.check(row, tenants: IntakeFixtures.tenants)
        #expect(checked.draft?.isSignInBlocked == true, "Yes = sign-in blocked: \(checked.findings.items)")
    }

    @Test func theTenantAndPolicyRulesAreCheckedEvenWhenAnotherFieldFailed() throws {
        let checked = try check([
            "display_name": "", "user_principal_name": "zoe@fabrikam.onmicrosoft.com", "role": "Owner",
        ])
        #expect(
            IntakeFixtures.codes(checked.findings) == [
                "display-name.missing", "upn.domain", "role.owner-in-managed-mode",
            ],
            "every finding of the row: \(checked.findings.items)")
    }
}
