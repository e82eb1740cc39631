import Foundation
import OnboardCore

/// Small builders for tests: valid values from literals (a bad literal is a broken test, so `try!`).
enum Fixture {
    static let policy = OnboardingPolicy()

    static func prefix(_ raw: String) -> DomainPrefix { try! DomainPrefix.parse(raw) }
    static func upn(_ raw: String) -> UserPrincipalName { try! UserPrincipalName.parse(raw) }

    static func tenant(
        _ prefix: String, company: String = "Contoso Ltd", offers: [String] = [],
        mode: DisasterRecoveryMode? = nil, domains: [String] = []
    ) -> CustomerTenant {
        CustomerTenant(
            TenantDraft(
                prefix: self.prefix(prefix), company: try! CompanyName.parse(company),
                country: try! CountryCode.parse("DE"),
                address: PostalAddress(street: "Hauptstraße 1", city: "Berlin", postalCode: "10115"),
                contact: Contact(
                    firstName: "Eva", lastName: "Klein",
                    email: try! EmailAddress.parse("eva@\(prefix).example"),
                    phone: "+49 30 1234"),
                language: try! LanguageCode.parse("de"),
                offers: offers.map { try! SubscriptionOffer.parse($0) }, disasterRecoveryMode: mode,
                extraDomains: domains.map { try! DomainName.parse($0) }))
    }

    static func user(_ upn: String, of tenant: CustomerTenant, title: String? = nil) -> TenantUser {
        try! tenant.makeUser(
            UserDraft(
                userPrincipalName: self.upn(upn), displayName: try! DisplayName.parse("Alice Smith"),
                firstName: "Alice", lastName: "Smith", jobTitle: title,
                usageLocation: try! CountryCode.parse("DE")))
    }

    static func application(
        _ upn: String, of tenant: CustomerTenant, role: Role = .reader, title: String? = nil
    ) -> UserApplication {
        let user = user(upn, of: tenant, title: title)
        return UserApplication(user: user, role: try! tenant.assign(role, to: user, policy: policy))
    }

    /// A fresh store file path in its own temporary folder (the folder is not made: the store makes it).
    static func storePath() -> String {
        NSTemporaryDirectory() + "onboard-store-tests/\(UUID().uuidString)/directory.sqlite"
    }

    /// A generator of temporary passwords from a seed, so runs are repeatable.
    static func passwords(seed: UInt64 = 1) -> @Sendable (UserPrincipalName) -> TemporaryPassword {
        let generator = SharedState(SeededGenerator(seed: seed))
        return { user in
            generator.withLock { TemporaryPassword.makeGenerated(avoiding: user.userName, using: &$0) }
        }
    }
}

/// A small seeded generator for repeatable tests.
typealias SeededGenerator = SplitMix64

/// The error `body` throws, or `nil`.
func directoryError(_ body: () throws(DirectoryError) -> Void) -> DirectoryError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
