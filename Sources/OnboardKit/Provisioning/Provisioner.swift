import OnboardCore
import Reports

/// The domain steps of provisioning, for the engine's workers: a tenant with its default admin and
/// its disaster-recovery set-up, and batches of one tenant's users with their roles.
///
/// Crash safety: a created account's credential entry is appended to its tenant's sheet and
/// `fsync`ed, and only then recorded as delivered in the directory's ``CredentialLedger``; the next
/// run resets any account without that record (``PasswordReset``). Recovery secrets go on the
/// partner sheet, durably, before the step they belong to is recorded.
final class Provisioner: ProvisioningWork {
    /// The run's directory, every call retried on transient failures.
    let directory: RetryingDirectory
    let ledger: (any CredentialLedger)?
    let desk: CredentialDesk
    /// The first failure to write a sheet or record a delivery: the run ends with an I/O error.
    let outputFailure = SharedState<PlanError?>(nil)

    init(directory: RetryingDirectory, desk: CredentialDesk) {
        self.directory = directory
        self.ledger = directory.wrapped as? any CredentialLedger
        self.desk = desk
    }

    /// Transient failures retried so far.
    var retries: Int { directory.retries.load(ordering: .relaxed) }

    // MARK: Tenants

    func provision(_ tenant: CustomerTenant, item: IntakeItem) -> (row: ProvisionedRow, failure: String?) {
        do throws(DirectoryError) {
            let applied = try directory.apply(tenant)
            let setup = try recoveryToSetUp(for: tenant)
            // The admin's password and the partner's secrets go on disk with one flush, before the
            // delivery or any set-up step is recorded.
            deliver(
                applied.adminPassword.map { [(tenant.defaultAdmin, $0)] } ?? [],
                partner: setup.map(Self.partnerEntries) ?? [])
            if let setup { try record(setup) }
            let outcome = RowOutcome(applied.change)
            return (ProvisionedRow(item: item, outcome: outcome, refusal: nil), nil)
        } catch {
            let reason = "Tenant \(tenant.prefix) was not provisioned: \(error.message)"
            return (ProvisionedRow(item: item, outcome: .rejected, refusal: error.message), reason)
        }
    }

    /// The disaster-recovery set-up the tenant still needs, with new secrets; `nil` when its record
    /// says it is complete (an existing tenant's set-up is not redone, so no new partner secrets).
    /// A set-up a killed run left incomplete is done again from the start, with new secrets.
    private func recoveryToSetUp(for tenant: CustomerTenant) throws(DirectoryError) -> RecoverySetup? {
        if let record = try directory.recoveryRecord(of: tenant.prefix),
            record.completedSteps == RecoveryStep.allCases
        {
            return nil
        }
        return RecoverySecrets.makeSetup(for: tenant.prefix)
    }

    /// The partner-only sheet's entries of a set-up: the vault registration key and the
    /// configuration server's two access accounts.
    private static func partnerEntries(of setup: RecoverySetup) -> [PartnerSecretEntry] {
        let tenant = setup.tenant.rawValue
        let server = setup.configurationServer
        return [
            PartnerSecretEntry(
                tenant: tenant, kind: .vaultRegistrationKey, name: setup.vault,
                secret: setup.vaultRegistrationKey),
            PartnerSecretEntry(
                tenant: tenant, kind: .vCenterAccount, name: server.vCenterAccount.userName,
                secret: server.vCenterAccount.password),
            PartnerSecretEntry(
                tenant: tenant, kind: .vmAccount, name: server.virtualMachineAccount.userName,
                secret: server.virtualMachineAccount.password),
        ]
    }

    /// Records the set-up's steps in the domain's order, one directory call each; its secrets are on
    /// the partner sheet already.
    private func record(_ setup: RecoverySetup) throws(DirectoryError) {
        var setup = setup
        for step in RecoveryStep.allCases {
            setup.complete(step)
            try directory.recordRecovery(setup.record)
        }
    }

    // MARK: Users

    func provision(_ batch: UserBatch) -> [ProvisionedRow] {
        let results = directory.apply(
            users: batch.rows.map { UserApplication(user: $0.user, role: $0.role, password: $0.password) })
        var created: [(TenantUser, Secret)] = []
        let rows = zip(batch.rows, results).map { row, result in
            switch result {
            case .success(let applied):
                if let password = applied.password { created.append((applied.user, password)) }
                return ProvisionedRow.applied(row.item, user: applied.change, role: applied.roleChange)
            case .failure(let error):
                return ProvisionedRow(item: row.item, outcome: .rejected, refusal: error.message)
            }
        }
        deliver(created)
        return rows
    }

    // MARK: Delivery

    /// Puts created accounts on their tenants' sheets and `partner` secrets on the partner sheet
    /// (durably, with one flush for all), then records the accounts as delivered.
    ///
    /// A failure here does not undo the accounts: it ends the run with an I/O error, and the next run
    /// resets the passwords of the accounts not recorded as delivered.
    func deliver(_ accounts: [(TenantUser, Secret)], partner: [PartnerSecretEntry] = []) {
        guard !accounts.isEmpty || !partner.isEmpty else { return }
        var groups: [(tenant: String, entries: [CredentialEntry])] = []
        var groupOfTenant: [DomainPrefix: Int] = [:]
        for (user, password) in accounts {
            let entry = CredentialEntry(
                tenant: user.tenant.rawValue, signInName: user.userPrincipalName.rawValue,
                displayName: user.displayName.rawValue, temporaryPassword: password)
            if let index = groupOfTenant[user.tenant] {
                groups[index].entries.append(entry)
            } else {
                groupOfTenant[user.tenant] = groups.count
                groups.append((user.tenant.rawValue, [entry]))
            }
        }
        do throws(PlanError) {
            try desk.deliver(groups, partner: partner)
        } catch {
            noteFailure(error)
            return
        }
        guard let ledger, !accounts.isEmpty else { return }
        let deliveries = accounts.map { PasswordDelivery(user: $0.0.key, password: $0.1) }
        do throws(DirectoryError) {
            try directory.call { () throws(DirectoryError) in try ledger.recordDelivered(deliveries) }
        } catch {
            noteFailure(PlanError(.inputOutput, path: "directory", message: error.message))
        }
    }

    private func noteFailure(_ error: PlanError) {
        outputFailure.withLock { if $0 == nil { $0 = error } }
    }
}
