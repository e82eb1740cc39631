/// What an import adds to `summary.json`: how hard the directory was to reach and how many
/// passwords were handed out.
public struct ProvisioningTotals: Sendable, Hashable {
    /// Directory calls retried after a transient failure.
    public var retries: Int
    /// Accounts whose password was reset because an interrupted run had not recorded its delivery.
    public var passwordsReset: Int
    /// Accounts put on credential sheets (resets included).
    public var accountsDelivered: Int

    public init(retries: Int, passwordsReset: Int, accountsDelivered: Int) {
        self.retries = retries
        self.passwordsReset = passwordsReset
        self.accountsDelivered = accountsDelivered
    }
}
