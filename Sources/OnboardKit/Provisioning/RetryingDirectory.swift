import DirectoryStore
import OnboardCore
import Synchronization

/// A directory whose every call is retried on transient failures by a ``RetryPolicy``.
///
/// Retrying each primitive call, not the core's composite `apply`, matters: when `createUser`
/// succeeded and the following role look-up failed, retrying the whole apply would find the user
/// existing and lose the password just made. The SQLite store's batch apply is all or nothing per
/// row, so its rows that failed transiently are applied again as a smaller batch.
final class RetryingDirectory: Directory {
    let wrapped: any Directory
    let policy: RetryPolicy
    /// Retries made so far.
    let retries = Atomic<Int>(0)

    init(wrapping directory: any Directory, policy: RetryPolicy) {
        wrapped = directory
        self.policy = policy
    }

    /// Runs `body` under the policy, counting retries.
    func call<T>(_ body: () throws(DirectoryError) -> T) throws(DirectoryError) -> T {
        try policy.run(retrying: { retries.add(1, ordering: .relaxed) }, body)
    }

    func tenant(prefix: DomainPrefix) throws(DirectoryError) -> CustomerTenant? {
        try call { () throws(DirectoryError) in try wrapped.tenant(prefix: prefix) }
    }

    func tenant(owning domain: DomainName) throws(DirectoryError) -> CustomerTenant? {
        try call { () throws(DirectoryError) in try wrapped.tenant(owning: domain) }
    }

    func tenants() throws(DirectoryError) -> [CustomerTenant] {
        try call { () throws(DirectoryError) in try wrapped.tenants() }
    }

    func user(key: UserPrincipalName.Key) throws(DirectoryError) -> TenantUser? {
        try call { () throws(DirectoryError) in try wrapped.user(key: key) }
    }

    func users(of tenant: DomainPrefix) throws(DirectoryError) -> [TenantUser] {
        try call { () throws(DirectoryError) in try wrapped.users(of: tenant) }
    }

    func roleAssignment(of user: UserPrincipalName.Key) throws(DirectoryError) -> RoleAssignment? {
        try call { () throws(DirectoryError) in try wrapped.roleAssignment(of: user) }
    }

    func recoveryRecord(of tenant: DomainPrefix) throws(DirectoryError) -> RecoveryRecord? {
        try call { () throws(DirectoryError) in try wrapped.recoveryRecord(of: tenant) }
    }

    func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret {
        try call { () throws(DirectoryError) in try wrapped.createTenant(tenant) }
    }

    func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError) {
        try call { () throws(DirectoryError) in try wrapped.updateTenant(tenant) }
    }

    func createUser(_ user: TenantUser, password: TemporaryPassword?) throws(DirectoryError) -> Secret {
        try call { () throws(DirectoryError) in try wrapped.createUser(user, password: password) }
    }

    func updateUser(_ user: TenantUser) throws(DirectoryError) {
        try call { () throws(DirectoryError) in try wrapped.updateUser(user) }
    }

    func assignRole(_ assignment: RoleAssignment) throws(DirectoryError) {
        try call { () throws(DirectoryError) in try wrapped.assignRole(assignment) }
    }

    func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError) {
        try call { () throws(DirectoryError) in try wrapped.recordRecovery(record) }
    }

    func statistics() throws(DirectoryError) -> DirectoryStatistics {
        try call { () throws(DirectoryError) in try wrapped.statistics() }
    }

    func apply(tenants: [CustomerTenant]) -> [Result<AppliedTenant, DirectoryError>] {
        // Other directories' batch apply is the core's one-by-one composite: run it over this
        // directory, so each primitive call is retried on its own.
        guard wrapped is SQLiteDirectory else { return applyOneByOne(tenants: tenants) }
        return retryingRows(tenants) { wrapped.apply(tenants: $0) }
    }

    func recordRecoverySteps(_ records: [RecoveryRecord]) -> [Result<Void, DirectoryError>] {
        guard wrapped is SQLiteDirectory else { return recordRecoveryStepsOneByOne(records) }
        return retryingRows(records) { wrapped.recordRecoverySteps($0) }
    }

    func apply(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>] {
        guard wrapped is SQLiteDirectory else { return applyOneByOne(users: users) }
        return retryingRows(users) { wrapped.apply(users: $0) }
    }

    /// Runs a batch `apply` of the SQLite store, whose rows are each all or nothing, and applies the
    /// rows that failed transiently again as a smaller batch, under the policy; results in input order.
    private func retryingRows<Item, Output>(
        _ items: [Item], _ apply: ([Item]) -> [Result<Output, DirectoryError>]
    ) -> [Result<Output, DirectoryError>] {
        var results = [Result<Output, DirectoryError>?](repeating: nil, count: items.count)
        var pending = Array(items.indices)
        var attempt = 1
        var generator = SecureRandom()
        while !pending.isEmpty {
            let outcomes = apply(pending.map { items[$0] })
            var again: [Int] = []
            var hint: Duration?
            for (index, outcome) in zip(pending, outcomes) {
                if case .failure(.transient(_, let retryAfter)) = outcome, attempt < policy.attempts {
                    again.append(index)
                    hint = max(hint ?? .zero, retryAfter ?? .zero)
                } else {
                    results[index] = outcome
                }
            }
            if !again.isEmpty {
                retries.add(again.count, ordering: .relaxed)
                RetryPolicy.sleep(policy.delay(beforeRetry: attempt, retryAfter: hint, using: &generator))
                attempt += 1
            }
            pending = again
        }
        return results.map { $0! }
    }
}
