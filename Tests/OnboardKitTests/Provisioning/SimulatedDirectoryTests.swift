import Dispatch
import Foundation
import OnboardCore
import OnboardKit
import Testing

struct SimulatedDirectoryTests {
    static let tenant = CustomerTenant(
        TenantDraft(
            prefix: try! DomainPrefix.parse("contoso"), company: try! CompanyName.parse("Contoso"),
            country: try! CountryCode.parse("DE"),
            contact: Contact(
                firstName: "Eva", lastName: "Klein", email: try! EmailAddress.parse("eva@contoso.com"))))

    /// How many of `calls` look-ups fail.
    func failures(of directory: SimulatedDirectory, calls: Int) -> Int {
        var count = 0
        for _ in 0..<calls {
            do { _ = try directory.tenant(prefix: Self.tenant.prefix) } catch { count += 1 }
        }
        return count
    }

    @Test func theFailureRateIsHonouredAndRepeatableWithASeed() {
        let first = failures(
            of: SimulatedDirectory(wrapping: InMemoryDirectory(), failureRate: 0.02, seed: 7), calls: 10_000)
        let second = failures(
            of: SimulatedDirectory(wrapping: InMemoryDirectory(), failureRate: 0.02, seed: 7), calls: 10_000)
        #expect(first == second, "the same seed fails the same calls: \(first) vs \(second)")
        #expect((150...250).contains(first), "about 2% of 10,000: \(first)")
        let other = failures(
            of: SimulatedDirectory(wrapping: InMemoryDirectory(), failureRate: 0.02, seed: 8), calls: 10_000)
        #expect(other != first, "another seed, other failures")
        #expect(
            failures(of: SimulatedDirectory(wrapping: InMemoryDirectory(), failureRate: 0), calls: 1_000)
                == 0, "never")
        #expect(
            failures(of: SimulatedDirectory(wrapping: InMemoryDirectory(), failureRate: 1), calls: 1_000)
                == 1_000, "always")
    }

    @Test func aTransientFailureLeavesTheDirectoryUnchanged() throws {
        let inner = InMemoryDirectory()
        let failing = SimulatedDirectory(
            wrapping: inner, failureRate: 1, retryAfter: .milliseconds(50), seed: 1)
        #expect(
            throws: DirectoryError.transient(
                reason: "simulated failure while creating tenant contoso", retryAfter: .milliseconds(50)),
            "transient, with retry-after"
        ) {
            _ = try failing.createTenant(Self.tenant)
        }
        #expect(inner.tenants().isEmpty, "nothing was created")
        // The same call through a working simulation goes through: retrying is safe.
        let working = SimulatedDirectory(wrapping: inner, failureRate: 0)
        #expect(try working.apply(Self.tenant).change == .created, "the retry creates it")
        #expect(try working.tenant(prefix: Self.tenant.prefix) == Self.tenant, "delegated")
    }

    @Test func everyCallWaitsTheLatencyAndLetsOthersRun() throws {
        let directory = SimulatedDirectory(wrapping: InMemoryDirectory(), latency: .milliseconds(20))
        let clock = ContinuousClock()
        let sequential = clock.measure {
            for _ in 0..<5 { _ = try? directory.tenants() }
        }
        #expect(sequential >= .milliseconds(100), "5 calls × 20 ms in a row: \(sequential)")
        // Eight threads of their own (Dispatch would run only one per core): the sleeps overlap, so 8
        // calls take far less than 8 × 20 ms even on a busy machine.
        let concurrent = clock.measure {
            let group = DispatchGroup()
            for _ in 0..<8 {
                group.enter()
                Thread {
                    _ = try? directory.tenants()
                    group.leave()
                }.start()
            }
            group.wait()
        }
        #expect(concurrent < .milliseconds(160), "8 concurrent calls overlap: \(concurrent)")
    }

    @Test func theBatchPaysTheLatencyOfEveryRow() throws {
        let directory = SimulatedDirectory(wrapping: InMemoryDirectory(), latency: .milliseconds(2))
        _ = try directory.apply(Self.tenant)
        let users = try (0..<5).map { index in
            let user = try Self.tenant.makeUser(
                UserDraft(
                    userPrincipalName: try UserPrincipalName.parse("u\(index)@contoso.onmicrosoft.com"),
                    displayName: try DisplayName.parse("User \(index)")))
            return UserApplication(
                user: user, role: try Self.tenant.assign(.reader, to: user, policy: OnboardingPolicy()))
        }
        let elapsed = ContinuousClock().measure { _ = directory.apply(users: users) }
        #expect(elapsed >= .milliseconds(10), "at least one 2 ms call per row: \(elapsed)")
        #expect(try directory.statistics() == DirectoryStatistics(tenants: 1, users: 6), "all applied")
    }
}
