import DirectoryStore
import Dispatch
import OnboardCore
import Testing

struct SQLiteDirectoryConcurrencyTests {
    @Test func concurrentCreatesOfOnePrefixHaveExactlyOneWinner() throws {
        let directory = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let outcomes = SharedState<[DirectoryError?]>([])
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            let tenant = Fixture.tenant("contoso", company: "Contoso \(index)")
            let failure = directoryError { () throws(DirectoryError) in _ = try directory.createTenant(tenant)
            }
            outcomes.withLock { $0.append(failure) }
        }
        let results = outcomes.withLock { $0 }
        #expect(results.count == 32 && results.filter { $0 == nil }.count == 1, "exactly one of 32 wins")
        #expect(
            results.compactMap { $0 }.allSatisfy { $0 == .prefixTaken(Fixture.prefix("contoso")) },
            "losers see prefixTaken: \(Set(results.compactMap { $0 }))")
        #expect(
            try directory.statistics() == DirectoryStatistics(tenants: 1, users: 1), "one tenant, one admin")
    }

    @Test func concurrentCreatesOfOneUserHaveExactlyOneWinner() throws {
        let directory = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let tenant = Fixture.tenant("contoso")
        _ = try directory.createTenant(tenant)
        let outcomes = SharedState<[DirectoryError?]>([])
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            // Spellings differ, the key is one: every thread tries to create the same user.
            let spelling = index.isMultiple(of: 2) ? "alice" : "ALICE"
            let user = Fixture.user("\(spelling)@contoso.onmicrosoft.com", of: tenant)
            let failure = directoryError { () throws(DirectoryError) in
                _ = try directory.createUser(user, password: nil)
            }
            outcomes.withLock { $0.append(failure) }
        }
        let results = outcomes.withLock { $0 }
        #expect(results.filter { $0 == nil }.count == 1, "exactly one of 32 wins")
        #expect(
            results.compactMap { $0 }.allSatisfy {
                if case .upnTaken(let name) = $0 {
                    return name.key == Fixture.upn("alice@contoso.onmicrosoft.com").key
                }
                return false
            }, "losers see upnTaken")
        #expect(try directory.users(of: tenant.prefix).count == 2, "admin + one alice")
    }

    @Test func concurrentBatchesOfTheSameUsersCreateEachOnce() throws {
        let directory = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let tenant = Fixture.tenant("contoso")
        _ = try directory.createTenant(tenant)
        let batch = (0..<200).map { Fixture.application("u\($0)@contoso.onmicrosoft.com", of: tenant) }
        let created = SharedState(0)
        let other = SharedState<[String]>([])
        // Every thread's read snapshot may find the users absent; the writer's UNIQUE key decides.
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for result in directory.apply(users: batch) {
                switch result.change {
                case .created: created.withLock { $0 += 1 }
                case .unchanged: break
                default: other.withLock { $0.append("\(result)") }
                }
            }
        }
        #expect(created.withLock { $0 } == 200, "each user created once, unchanged for the others")
        #expect(other.withLock { $0 } == [], "no failures, no updates")
        #expect(try directory.statistics() == DirectoryStatistics(tenants: 1, users: 201), "admin + 200")
    }

    @Test func concurrentBatchesOfManyTenantsAllLand() throws {
        let directory = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let failures = SharedState<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            let tenant = Fixture.tenant("t\(index % 5)")
            do {
                _ = try directory.apply(tenant)
                let batch = (0..<50).map {
                    Fixture.application("u\(index)-\($0)@t\(index % 5).onmicrosoft.com", of: tenant)
                }
                for result in directory.apply(users: batch) where result.change != .created {
                    failures.withLock { $0.append("\(result)") }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [], "every row is created")
        #expect(
            try directory.statistics() == DirectoryStatistics(tenants: 5, users: 5 + 20 * 50), "all there")
    }
}

extension Result<AppliedUser, DirectoryError> {
    fileprivate var change: Change<UserAttribute>? { try? get().change }
}
