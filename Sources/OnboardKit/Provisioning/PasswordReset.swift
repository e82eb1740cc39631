import OnboardCore
import Reports

/// Gives a new temporary password to every account whose current one was not recorded as delivered
/// (an earlier run was killed between creating it and recording its sheet entry), delivers it on this
/// run's sheet, and records it.
///
/// An entry the killed run may have written holds the old password and is void from now on: the
/// ledger's digest matches only the latest entry. Runs before the engine starts, so no account of
/// this run is reset.
enum PasswordReset {
    /// Resets the undelivered accounts of `ledger`; returns how many.
    static func run(_ ledger: any CredentialLedger, provisioner: Provisioner) throws(PlanError) -> Int {
        let accounts: [TenantUser]
        do throws(DirectoryError) {
            accounts = try provisioner.directory.call { () throws(DirectoryError) in
                try ledger.undeliveredAccounts()
            }
        } catch {
            throw PlanError(.inputOutput, path: "directory", message: error.message)
        }
        var generator = SecureRandom()
        // A thousand accounts per delivery: one flush of the sheets and one ledger transaction each.
        for start in stride(from: 0, to: accounts.count, by: 1000) {
            let batch = accounts[start..<min(start + 1000, accounts.count)].map { user in
                (
                    user,
                    TemporaryPassword.generate(avoiding: user.userPrincipalName.userName, using: &generator)
                )
            }
            provisioner.deliver(batch)
        }
        if let failure = provisioner.outputFailure.withLock({ $0 }) { throw failure }
        return accounts.count
    }
}
