import OnboardCore
import Reports

/// The domain steps of provisioning, for the engine's workers: a tenant with its default admin and
/// its disaster-recovery set-up, and batches of one tenant's users with their roles.
///
/// Crash safety: a created account's credential entry is appended to its tenant's sheet and
/// flushed to disk (``CredentialDesk``), and only then recorded as delivered in the directory's ``CredentialLedger``; the next
/// run resets any account without that record (``PasswordReset``). Recovery secrets go on the
/// partner sheet, durably, before any step of their set-up is recorded. The ledger may queue its
/// records until its next write (``CredentialLedger/recordDelivered(_:)``): a record lost in a crash
/// only means a reset.
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
        provision(TenantBatch(rows: [TenantBatch.Row(sequence: 0, item: item, tenant: tenant)]))[0]
    }

    /// Applies the batch's tenants (one directory call: a store's one transaction), puts the new
    /// admins' passwords and the partner secrets of every set-up on disk with one flush, then records
    /// the set-ups (one call: a store's one transaction, which also writes the admins' queued delivery
    /// records).
    func provision(_ batch: TenantBatch) -> [(row: ProvisionedRow, failure: String?)] {
        let tenants = batch.rows.map(\.tenant)
        var failures = [DirectoryError?](repeating: nil, count: tenants.count)
        var changes = [Change<TenantAttribute>](repeating: .unchanged, count: tenants.count)
        var admins: [(TenantUser, Secret)] = []
        var setups: [(index: Int, setup: RecoverySetup)] = []
        for (index, result) in directory.apply(tenants: tenants).enumerated() {
            do throws(DirectoryError) {
                let applied = try result.get()
                changes[index] = applied.change
                if let password = applied.adminPassword {
                    admins.append((tenants[index].defaultAdmin, password))
                }
                if let setup = try recoveryToSetUp(for: applied) { setups.append((index, setup)) }
            } catch {
                failures[index] = error
            }
        }
        // The admins' passwords and the partner's secrets go on disk with one flush, before any
        // delivery or set-up is recorded; set-ups whose secrets did not reach the disk are not
        // recorded (the run ends with an I/O error, and the next one does them again).
        let delivered = deliver(admins, partner: setups.flatMap { Self.partnerEntries(of: $0.setup) })
        if delivered, !setups.isEmpty {
            let records = setups.map { Self.completed($0.setup).record }
            for (setup, result) in zip(setups, directory.recordRecoverySteps(records)) {
                if case .failure(let error) = result { failures[setup.index] = error }
            }
        }
        return batch.rows.indices.map { index in
            let item = batch.rows[index].item
            if let error = failures[index] {
                let reason = "Tenant \(tenants[index].prefix) was not provisioned: \(error.message)"
                return (ProvisionedRow(item: item, outcome: .rejected, refusal: error.message), reason)
            }
            return (ProvisionedRow(item: item, outcome: RowOutcome(changes[index]), refusal: nil), nil)
        }
    }

    /// The disaster-recovery set-up the tenant still needs, with new secrets; `nil` when its record
    /// says it is complete (an existing tenant's set-up is not redone, so no new partner secrets).
    /// A set-up a killed run left incomplete is done again from the start, with new secrets. A tenant
    /// created now has no record yet: it is not looked up.
    private func recoveryToSetUp(for applied: AppliedTenant) throws(DirectoryError) -> RecoverySetup? {
        let prefix = applied.tenant.prefix
        if applied.change != .created, let record = try directory.recoveryRecord(of: prefix),
            record.completedSteps == RecoveryStep.allCases
        {
            return nil
        }
        return RecoverySecrets.makeSetup(for: prefix)
    }

    /// The set-up with every step done, in the domain's order; its secrets are on the partner sheet
    /// before it is recorded.
    private static func completed(_ setup: RecoverySetup) -> RecoverySetup {
        var setup = setup
        for step in RecoveryStep.allCases { setup.complete(step) }
        return setup
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
    /// resets the passwords of the accounts not recorded as delivered. Returns whether the entries
    /// are on disk.
    @discardableResult
    func deliver(_ accounts: [(TenantUser, Secret)], partner: [PartnerSecretEntry] = []) -> Bool {
        guard !accounts.isEmpty || !partner.isEmpty else { return true }
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
            return false
        }
        guard let ledger, !accounts.isEmpty else { return true }
        let deliveries = accounts.map { PasswordDelivery(user: $0.0.key, password: $0.1) }
        do throws(DirectoryError) {
            try directory.call { () throws(DirectoryError) in try ledger.recordDelivered(deliveries) }
        } catch {
            noteFailure(PlanError(.inputOutput, path: "directory", message: error.message))
        }
        return true
    }

    /// Writes the delivery records the ledger still queues: at the end of the run, once every job is
    /// done, before the directory is closed.
    func writeQueuedDeliveries() {
        guard let ledger else { return }
        do throws(DirectoryError) {
            try directory.call { () throws(DirectoryError) in try ledger.writeQueuedDeliveries() }
        } catch {
            noteFailure(PlanError(.inputOutput, path: "directory", message: error.message))
        }
    }

    private func noteFailure(_ error: PlanError) {
        outputFailure.withLock { if $0 == nil { $0 = error } }
    }
}
