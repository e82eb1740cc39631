import OnboardCore
import Synchronization

/// The in-memory directory, instrumented for tests: it counts the tenant look-ups it answers, and its
/// writes fail transiently at `writeFailureRate` (reads always answer), from a fixed seed.
final class InstrumentedDirectory: Directory {
    let wrapped: InMemoryDirectory
    let writeFailureRate: Double
    /// Tenant look-ups answered, by prefix and by domain.
    let tenantLookUps = Atomic(0)
    private let random = SharedState(UInt64(7))

    init(wrapping directory: InMemoryDirectory = InMemoryDirectory(), writeFailureRate: Double = 0) {
        wrapped = directory
        self.writeFailureRate = writeFailureRate
    }

    private func maybeFail() throws(DirectoryError) {
        guard writeFailureRate > 0 else { return }
        let draw = random.withLock { state in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        if draw < writeFailureRate { throw .transient(reason: "flaky write", retryAfter: .milliseconds(1)) }
    }

    func tenant(prefix: DomainPrefix) -> CustomerTenant? {
        tenantLookUps.add(1, ordering: .relaxed)
        return wrapped.tenant(prefix: prefix)
    }
    func tenant(owning domain: DomainName) -> CustomerTenant? {
        tenantLookUps.add(1, ordering: .relaxed)
        return wrapped.tenant(owning: domain)
    }
    func tenants() -> [CustomerTenant] { wrapped.tenants() }
    func user(key: UserPrincipalName.Key) -> TenantUser? { wrapped.user(key: key) }
    func users(of tenant: DomainPrefix) -> [TenantUser] { wrapped.users(of: tenant) }
    func roleAssignment(of user: UserPrincipalName.Key) -> RoleAssignment? {
        wrapped.roleAssignment(of: user)
    }
    func recoveryRecord(of tenant: DomainPrefix) -> RecoveryRecord? { wrapped.recoveryRecord(of: tenant) }

    func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret {
        try maybeFail()
        return try wrapped.createTenant(tenant)
    }
    func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError) {
        try maybeFail()
        try wrapped.updateTenant(tenant)
    }
    func createUser(_ user: TenantUser, password: TemporaryPassword?) throws(DirectoryError) -> Secret {
        try maybeFail()
        return try wrapped.createUser(user, password: password)
    }
    func updateUser(_ user: TenantUser) throws(DirectoryError) {
        try maybeFail()
        try wrapped.updateUser(user)
    }
    func assignRole(_ assignment: RoleAssignment) throws(DirectoryError) {
        try maybeFail()
        try wrapped.assignRole(assignment)
    }
    func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError) {
        try maybeFail()
        try wrapped.recordRecovery(record)
    }
}
