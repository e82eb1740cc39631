/// What a directory that persists accounts knows about the delivery of their temporary passwords:
/// which accounts' current password is durably on a credential sheet.
///
/// The provisioning engine creates an account (the directory commits it), writes its credential
/// entry and `fsync`s the sheet, and only then records the delivery here. An account created by a run
/// that was killed before that last step has no delivery: the next run gives it a new password (a
/// reset), delivers that and records it, so an entry the killed run may have written is void and
/// no password is lost. Only a digest of each password is recorded, never the password.
public protocol CredentialLedger: Sendable {
    /// The accounts (default admins included) whose current password is not recorded as delivered,
    /// ordered by tenant and key.
    func undeliveredAccounts() throws(DirectoryError) -> [TenantUser]
    /// Records that each account's current temporary password is on a sheet, replacing what was
    /// recorded before.
    ///
    /// A ledger may queue the records and write them with its next write, or at
    /// ``writeQueuedDeliveries()``, rather than in a transaction of their own: a record lost in a crash
    /// only means the next run resets that password and delivers it again. Its own reads
    /// (``undeliveredAccounts()``) see queued records.
    func recordDelivered(_ deliveries: [PasswordDelivery]) throws(DirectoryError)
    /// Writes the records ``recordDelivered(_:)`` queued, if any: at the end of a run, before the
    /// directory is closed.
    func writeQueuedDeliveries() throws(DirectoryError)
}

/// One account's temporary password on its way into the credential ledger (which keeps a digest).
public struct PasswordDelivery: Sendable, Hashable {
    public let user: UserPrincipalName.Key
    public let password: Secret

    public init(user: UserPrincipalName.Key, password: Secret) {
        self.user = user
        self.password = password
    }
}
