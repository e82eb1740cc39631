import Foundation
import OnboardCore
import Testing

struct RoleTests {
    @Test(arguments: [
        ("Owner", Role.owner), ("owner", .owner), ("CONTRIBUTOR", .contributor), ("reader", .reader),
        ("Site Recovery Contributor", .siteRecoveryContributor),
        ("site-recovery-operator", .siteRecoveryOperator),
        ("SiteRecoveryReader", .siteRecoveryReader), ("site_recovery_reader", .siteRecoveryReader),
        ("ASR Contributor", .siteRecoveryContributor), ("asr-operator", .siteRecoveryOperator),
        ("ASRReader", .siteRecoveryReader),
        ("  Reader ", .reader),
    ])
    func namesAndAliases(raw: String, expected: Role) throws {
        #expect(try Role.parse(raw) == expected, "\(raw) is \(expected)")
    }

    @Test(arguments: [
        "admin", "Administrator", "Global Admin", "viewer", "operator", "", "Site Recovery", "Owners",
    ])
    func surprisingAliasesAreRejected(raw: String) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try Role.parse(raw) } == [.roleUnknown], "\(raw)")
    }

    @Test func adminGetsAHintInsteadOfAGuess() {
        let text = messages { () throws(DomainViolations) in try Role.parse("admin") }
        #expect(text.first?.contains("write Owner") == true, "hint for admin: \(text)")
    }

    @Test(arguments: [
        (Role.owner, true, true, true, true, true), (.contributor, false, true, true, true, true),
        (.reader, false, false, false, false, true),
        (.siteRecoveryContributor, false, false, true, true, false),
        (.siteRecoveryOperator, false, false, false, true, false),
        (.siteRecoveryReader, false, false, false, false, false),
    ])
    func permissionsFollowTheAccessTable(
        role: Role, changesAccess: Bool, managesResources: Bool, managesRecovery: Bool, failsOver: Bool,
        viewsAll: Bool
    ) {
        #expect(role.mayChangeAccess == changesAccess, "\(role) change access")
        #expect(role.mayManageResources == managesResources, "\(role) manage resources")
        #expect(role.mayManageRecovery == managesRecovery, "\(role) manage recovery")
        #expect(role.mayFailOver == failsOver, "\(role) fail over")
        #expect(role.mayViewEverything == viewsAll, "\(role) view everything")
        #expect(role.mayViewRecovery, "\(role) views recovery")
    }
}

struct DisasterRecoveryModeTests {
    @Test(arguments: [
        ("managed", DisasterRecoveryMode.managed), ("Managed", .managed), ("partner-managed", .managed),
        ("self-service", .selfService), ("self service", .selfService), ("SelfService", .selfService),
        ("customer-managed", .selfService),
    ])
    func modesAndAliases(raw: String, expected: DisasterRecoveryMode) throws {
        #expect(try DisasterRecoveryMode.parse(raw) == expected, "\(raw)")
    }

    @Test(arguments: ["customer", "partner", "", "self", "unmanaged"])
    func ambiguousNamesAreRejected(raw: String) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try DisasterRecoveryMode.parse(raw) } == [
                .drModeUnknown
            ], "\(raw)")
    }
}

struct OnboardingPolicyTests {
    @Test func defaultsAreReaderAndNoOwnerInManagedMode() {
        let policy = OnboardingPolicy()
        #expect(policy.defaultRole == .reader, "default role")
        #expect(
            policy.violation(giving: .owner, in: .managed)?.rule == .roleOwnerInManagedMode,
            "owner in managed")
        #expect(policy.violation(giving: .owner, in: .selfService) == nil, "owner in self-service")
        #expect(policy.violation(giving: .contributor, in: .managed) == nil, "contributor in managed")
        #expect(
            OnboardingPolicy(allowsOwnerInManagedMode: true).violation(giving: .owner, in: .managed) == nil,
            "allowed by policy")
    }
}

struct RuleTests {
    @Test func codesAreUniqueDottedLowerCase() {
        let codes = Rule.allCases.map(\.code)
        #expect(Set(codes).count == codes.count, "codes are unique")
        for code in codes {
            #expect(
                code.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" } && code.contains("."), "\(code)")
        }
        #expect(Rule.allCases.allSatisfy { $0.meaning.hasSuffix(".") }, "every rule has a meaning")
    }

    @Test func theReadmeListsEveryRuleWithItsMeaning() throws {
        let readme = URL(filePath: #filePath).deletingLastPathComponent().appending(
            path: "../../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for rule in Rule.allCases {
            #expect(
                text.contains("| `\(rule.code)` | \(rule.meaning) |"),
                "README's rules table lacks \(rule.code)")
        }
    }
}
