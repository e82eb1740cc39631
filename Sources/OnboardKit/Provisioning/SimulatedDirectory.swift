import OnboardCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stand-in for a remote directory, for load tests of a run: the wrapped directory's semantics
/// with a network's latency and transient failures.
///
/// Every call first sleeps `latency` (a real sleep of the calling thread, so other workers run
/// meanwhile and concurrency shows in the timings), then fails with probability `failureRate` by
/// throwing ``DirectoryError/transient(reason:retryAfter:)`` *before* touching the wrapped directory,
/// so retrying a failed call is always safe. The batch ``Directory/apply(users:)`` is the core's
/// default, one row after the other, so each row pays its own calls' latency, as with a remote
/// service that takes one request per change.
public final class SimulatedDirectory: Directory {
    /// How the simulated directory behaves.
    public struct Settings: Sendable, Hashable, CustomStringConvertible {
        /// How long every call waits before it is answered.
        public var latency: Duration
        /// The probability, 0 to 1, that a call fails with a transient error.
        public var failureRate: Double
        /// What a transient failure tells the caller to wait, if anything.
        public var retryAfter: Duration?
        /// A seed for repeatable failures; `nil` draws a new one.
        public var seed: UInt64?

        public init(
            latency: Duration = .zero, failureRate: Double = 0, retryAfter: Duration? = nil,
            seed: UInt64? = nil
        ) {
            self.latency = latency
            self.failureRate = failureRate
            self.retryAfter = retryAfter
            self.seed = seed
        }

        /// The specification that makes these settings, e.g. `simulated:latency=20ms,failure-rate=0.02`.
        public var description: String {
            var parts = ["latency=\(DirectorySpecification.format(latency))", "failure-rate=\(failureRate)"]
            if let retryAfter { parts.append("retry-after=\(DirectorySpecification.format(retryAfter))") }
            if let seed { parts.append("seed=\(seed)") }
            return "simulated:" + parts.joined(separator: ",")
        }
    }

    public let settings: Settings
    private let wrapped: any Directory
    private let random: SharedState<SplitMix64>

    /// Wraps `directory`, adding `latency` to every call and failing a `failureRate` share of them.
    public convenience init(
        wrapping directory: some Directory, latency: Duration = .zero, failureRate: Double = 0,
        retryAfter: Duration? = nil, seed: UInt64? = nil
    ) {
        self.init(
            wrapping: directory,
            settings: Settings(latency: latency, failureRate: failureRate, retryAfter: retryAfter, seed: seed)
        )
    }

    public init(wrapping directory: some Directory, settings: Settings) {
        self.settings = settings
        wrapped = directory
        var system = SecureRandom()
        random = SharedState(SplitMix64(seed: settings.seed ?? system.next()))
    }

    /// Waits, maybe fails, then runs `body` on the wrapped directory.
    private func call<T>(_ operation: String, _ body: () throws(DirectoryError) -> T) throws(DirectoryError)
        -> T
    {
        Self.sleep(settings.latency)
        if settings.failureRate > 0 {
            let draw = random.withLock { Double($0.next() >> 11) * 0x1p-53 }
            if draw < settings.failureRate {
                throw .transient(
                    reason: "simulated failure while \(operation)", retryAfter: settings.retryAfter)
            }
        }
        return try body()
    }

    private static func sleep(_ duration: Duration) {
        guard duration > .zero else { return }
        let (seconds, attoseconds) = duration.components
        var time = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&time, &remaining) != 0 && errno == EINTR { time = remaining }
    }

    public func tenant(prefix: DomainPrefix) throws(DirectoryError) -> CustomerTenant? {
        try call("looking up tenant \(prefix)") { () throws(DirectoryError) in
            try wrapped.tenant(prefix: prefix)
        }
    }

    public func tenant(owning domain: DomainName) throws(DirectoryError) -> CustomerTenant? {
        try call("looking up the tenant of \(domain)") { () throws(DirectoryError) in
            try wrapped.tenant(owning: domain)
        }
    }

    public func tenants() throws(DirectoryError) -> [CustomerTenant] {
        try call("listing tenants") { () throws(DirectoryError) in try wrapped.tenants() }
    }

    public func user(key: UserPrincipalName.Key) throws(DirectoryError) -> TenantUser? {
        try call("looking up user \(key)") { () throws(DirectoryError) in try wrapped.user(key: key) }
    }

    public func users(of tenant: DomainPrefix) throws(DirectoryError) -> [TenantUser] {
        try call("listing the users of \(tenant)") { () throws(DirectoryError) in
            try wrapped.users(of: tenant)
        }
    }

    public func roleAssignment(of user: UserPrincipalName.Key) throws(DirectoryError) -> RoleAssignment? {
        try call("looking up the role of \(user)") { () throws(DirectoryError) in
            try wrapped.roleAssignment(of: user)
        }
    }

    public func recoveryRecord(of tenant: DomainPrefix) throws(DirectoryError) -> RecoveryRecord? {
        try call("looking up the recovery set-up of \(tenant)") { () throws(DirectoryError) in
            try wrapped.recoveryRecord(of: tenant)
        }
    }

    public func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret {
        try call("creating tenant \(tenant.prefix)") { () throws(DirectoryError) in
            try wrapped.createTenant(tenant)
        }
    }

    public func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError) {
        try call("updating tenant \(tenant.prefix)") { () throws(DirectoryError) in
            try wrapped.updateTenant(tenant)
        }
    }

    public func createUser(_ user: TenantUser, password: TemporaryPassword?) throws(DirectoryError) -> Secret
    {
        try call("creating user \(user.userPrincipalName)") { () throws(DirectoryError) in
            try wrapped.createUser(user, password: password)
        }
    }

    public func updateUser(_ user: TenantUser) throws(DirectoryError) {
        try call("updating user \(user.userPrincipalName)") { () throws(DirectoryError) in
            try wrapped.updateUser(user)
        }
    }

    public func assignRole(_ assignment: RoleAssignment) throws(DirectoryError) {
        try call("assigning a role to \(assignment.user)") { () throws(DirectoryError) in
            try wrapped.assignRole(assignment)
        }
    }

    public func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError) {
        try call("recording the recovery set-up of \(record.tenant)") { () throws(DirectoryError) in
            try wrapped.recordRecovery(record)
        }
    }

    public func statistics() throws(DirectoryError) -> DirectoryStatistics {
        try call("counting tenants and users") { () throws(DirectoryError) in try wrapped.statistics() }
    }
}
