/// The partner's directory of tenants and users: the port the domain core speaks to.
///
/// Implementations: ``InMemoryDirectory`` (tests), the embedded SQLite store, simulated and real
/// remote directories. Every operation is synchronous and thread-safe: the provisioning engine calls
/// them concurrently from Dispatch workers. Implementations enforce, whatever the callers do:
/// - a domain prefix, a verified domain and a user principal name key are each unique across the
///   whole directory;
/// - a user's domain is one of its tenant's domains; a role is on the user's own tenant's subscription;
/// - listing the users of one tenant never shows another tenant's;
/// - no secret is stored: passwords are returned once, to go on a credential sheet, and forgotten.
///
/// Whether to create, update or leave alone is decided in the core (``CustomerTenant/change(from:)``,
/// ``TenantUser/change(from:)``); ``apply(_:)`` and ``apply(_:role:password:)`` do it for callers.
public protocol Directory: Sendable {
    /// The tenant with this prefix, if any.
    func tenant(prefix: DomainPrefix) throws(DirectoryError) -> CustomerTenant?
    /// The tenant one of whose domains is `domain`, if any (to find a user's tenant from its name).
    func tenant(owning domain: DomainName) throws(DirectoryError) -> CustomerTenant?
    /// All tenants, ordered by prefix.
    func tenants() throws(DirectoryError) -> [CustomerTenant]
    /// The user with this key, in whichever tenant.
    func user(key: UserPrincipalName.Key) throws(DirectoryError) -> TenantUser?
    /// The users of one tenant (its default admin included), ordered by key; never another tenant's.
    func users(of tenant: DomainPrefix) throws(DirectoryError) -> [TenantUser]
    /// The user's role assignment, if any.
    func roleAssignment(of user: UserPrincipalName.Key) throws(DirectoryError) -> RoleAssignment?
    /// The stored user under each candidate's name, answers in input order (see ``StoredUserMatch``):
    /// for a caller comparing many users at once, such as a plan. The default loops over ``user(key:)``
    /// and ``roleAssignment(of:)``; a store may answer a batch in one read.
    func storedUsers(matching candidates: [UserApplication]) throws(DirectoryError) -> [StoredUserMatch]
    /// The tenant's recorded disaster-recovery set-up, if any.
    func recoveryRecord(of tenant: DomainPrefix) throws(DirectoryError) -> RecoveryRecord?

    /// Creates a tenant with its default admin (Owner on the cloud subscription); returns the admin's
    /// temporary password. Throws `prefixTaken`, `domainTaken`.
    func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret
    /// Replaces a tenant's attributes. Throws `unknownTenant`, `domainTaken`, `conflict` (a removed
    /// domain or subscription still in use).
    func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError)
    /// Creates a user with the given temporary password, or a generated one; returns it. Throws
    /// `unknownTenant`, `upnTaken`, `upnDomainNotInTenant`.
    func createUser(_ user: TenantUser, password: TemporaryPassword?) throws(DirectoryError) -> Secret
    /// Replaces a user's attributes. Throws `unknownUser` (also for a user of another tenant),
    /// `upnDomainNotInTenant`.
    func updateUser(_ user: TenantUser) throws(DirectoryError)
    /// Gives a user its role, replacing any earlier one. Throws `unknownUser`, `unknownTenant`,
    /// `conflict` (a subscription the tenant no longer has; the default admin's role).
    func assignRole(_ assignment: RoleAssignment) throws(DirectoryError)
    /// Records the disaster-recovery set-up of a tenant (no secrets), replacing an earlier record.
    /// Throws `unknownTenant`.
    func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError)

    /// Applies many tenants at once, each as ``apply(_:)`` would; results in input order.
    ///
    /// One tenant's failure (a domain of another tenant) is that tenant's result and does not fail
    /// the others. The default loops over the single-tenant apply; a store may do a batch in one
    /// transaction.
    func apply(tenants: [CustomerTenant]) -> [Result<AppliedTenant, DirectoryError>]
    /// Records the disaster-recovery set-ups of many tenants, each step by step in the domain's order
    /// (``recordRecoverySteps(of:)``); results in input order, one tenant's failure not stopping the
    /// others. The default makes one ``recordRecovery(_:)`` call per step, as a remote directory
    /// does each step as a call of its own; a store, whose record after the last step is all it
    /// keeps, may write every tenant's final record in one transaction.
    func recordRecoverySteps(_ records: [RecoveryRecord]) -> [Result<Void, DirectoryError>]
    /// Applies many users at once, each as ``apply(_:role:password:)`` would; results in input order.
    ///
    /// One row's failure (a name taken by another tenant) is that row's result and does not fail the
    /// others. The default loops over the single-row apply; a store may do a batch in one transaction.
    func apply(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>]
    /// How many tenants and users the directory holds.
    func statistics() throws(DirectoryError) -> DirectoryStatistics
}
