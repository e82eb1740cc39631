import OnboardCore
import Reports
import Synchronization

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
    let outputFailure = Mutex<PlanError?>(nil)

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
            if let password = applied.adminPassword {
                deliver([(tenant.defaultAdmin, password)], tenant: tenant.prefix)
            }
            try setUpRecovery(of: tenant)
            let outcome = RowOutcome(applied.change)
            return (ProvisionedRow(item: item, outcome: outcome, refusal: nil), nil)
        } catch {
            let reason = "Tenant \(tenant.prefix) was not provisioned: \(error.message)"
            return (ProvisionedRow(item: item, outcome: .rejected, refusal: error.message), reason)
        }
    }

    /// Sets up the tenant's disaster recovery, step by step in the domain's order, unless its record
    /// says it is complete (an existing tenant's set-up is not redone, so no new partner secrets).
    /// A set-up a killed run left incomplete is done again from the start, with new secrets.
    private func setUpRecovery(of tenant: CustomerTenant) throws(DirectoryError) {
        if let record = try directory.recoveryRecord(of: tenant.prefix),
            record.completedSteps == RecoveryStep.allCases
        {
            return
        }
        var setup = RecoverySecrets.makeSetup(for: tenant.prefix)
        for step in RecoveryStep.allCases {
            switch step {
            case .registrationKeyDownloaded:
                deliverPartner([
                    PartnerSecretEntry(
                        tenant: tenant.prefix.rawValue, kind: .vaultRegistrationKey, name: setup.vault,
                        secret: setup.vaultRegistrationKey)
                ])
            case .accessAccountsStored:
                let server = setup.configurationServer
                deliverPartner([
                    PartnerSecretEntry(
                        tenant: tenant.prefix.rawValue, kind: .vCenterAccount,
                        name: server.vCenterAccount.userName, secret: server.vCenterAccount.password),
                    PartnerSecretEntry(
                        tenant: tenant.prefix.rawValue, kind: .vmAccount,
                        name: server.virtualMachineAccount.userName,
                        secret: server.virtualMachineAccount.password),
                ])
            default: break
            }
            setup.complete(step)
            let record = setup.record
            try directory.recordRecovery(record)
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
        deliver(created, tenant: batch.tenant)
        return rows
    }

    // MARK: Delivery

    /// Puts created accounts on their tenant's sheet (durably), then records them as delivered.
    ///
    /// A failure here does not undo the accounts: it ends the run with an I/O error, and the next run
    /// resets the passwords of the accounts not recorded as delivered.
    func deliver(_ accounts: [(TenantUser, Secret)], tenant: DomainPrefix) {
        guard !accounts.isEmpty else { return }
        let entries = accounts.map { user, password in
            CredentialEntry(
                tenant: tenant.rawValue, signInName: user.userPrincipalName.rawValue,
                displayName: user.displayName.rawValue, temporaryPassword: password)
        }
        do throws(PlanError) {
            try desk.deliver(entries, tenant: tenant.rawValue)
        } catch {
            noteFailure(error)
            return
        }
        guard let ledger else { return }
        let deliveries = accounts.map { PasswordDelivery(user: $0.0.key, password: $0.1) }
        do throws(DirectoryError) {
            try directory.call { () throws(DirectoryError) in try ledger.recordDelivered(deliveries) }
        } catch {
            noteFailure(PlanError(.inputOutput, path: "directory", message: error.message))
        }
    }

    private func deliverPartner(_ entries: [PartnerSecretEntry]) {
        do throws(PlanError) {
            try desk.deliver(partner: entries)
        } catch {
            noteFailure(error)
        }
    }

    private func noteFailure(_ error: PlanError) {
        outputFailure.withLock { if $0 == nil { $0 = error } }
    }
}
