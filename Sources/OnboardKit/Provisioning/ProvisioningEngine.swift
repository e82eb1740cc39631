import Dispatch
import OnboardCore

/// The one place where provisioning runs concurrently.
///
/// The reader (the caller's thread) submits intake items in input order. Each item takes a slot of a
/// bounded window first, so the reader never runs more than `window` rows ahead of the last outcome
/// consumed: memory stays flat however long the input. Consecutive tenant rows are provisioned as
/// one job, up to `tenantBatchSize` (1 unless the directory is a store, which creates them in one
/// transaction and records their set-ups in another); consecutive user rows, of whichever tenants,
/// are batched into one job (a store applies a batch in one transaction, and users of many tenants
/// often arrive interleaved). A user row whose tenant is still being provisioned waits in that
/// tenant's list and is released when the tenant's job is done (or rejected with the tenant's
/// reason), so a user waits only for its own tenant's job, never for other users. At most `jobs` jobs
/// run at once; outcomes go through a reorder buffer and reach the one consumer, on one serial queue,
/// strictly in input order, whatever the concurrency.
///
/// A class: it owns the reader's side (the sequence counter and the batch being filled), which only
/// the reader's thread touches; the shared side is ``EngineCore``.
final class ProvisioningEngine {
    /// How much runs at once.
    struct Limits: Sendable, Hashable {
        /// Jobs in flight at most.
        var jobs: Int
        /// User rows per job at most.
        var batchSize: Int
        /// Consecutive tenant rows per job at most. A tenant's users wait for its whole job, so more than
        /// one only where a job's tenants are done together anyway (a store's transaction).
        var tenantBatchSize: Int
        /// Rows read ahead of the last outcome consumed at most.
        var window: Int

        init(jobs: Int, batchSize: Int, tenantBatchSize: Int = 1, window: Int? = nil) {
            self.jobs = max(1, jobs)
            self.batchSize = max(1, batchSize)
            self.tenantBatchSize = max(1, tenantBatchSize)
            // At least one batch more than a full batch: the reader flushes before it waits.
            self.window = max(window ?? 4 * self.jobs * self.batchSize, self.batchSize + 1)
        }
    }

    let limits: Limits
    private let core: EngineCore
    private var nextSequence = 0
    private var batch: UserBatch?
    private var tenantBatch = TenantBatch()

    init(limits: Limits, work: any ProvisioningWork, consume: @escaping @Sendable (ProvisionedRow) -> Void) {
        self.limits = limits
        core = EngineCore(limits: limits, work: work, consume: consume)
    }

    /// The most rows that were read and not yet consumed at any moment.
    var peakInWindow: Int { core.peakInWindow.load(ordering: .relaxed) }

    /// Takes one row; blocks while the window is full.
    func submit(_ item: IntakeItem) {
        if core.window.wait(timeout: .now()) == .timedOut {
            // Whatever waits in the batch being filled must be on its way before the reader sleeps,
            // or the row the consumer waits for might be in it.
            flush()
            core.window.wait()
        }
        core.entered()
        let sequence = nextSequence
        nextSequence += 1
        switch item.subject {
        case nil:
            core.complete([(sequence, ProvisionedRow(item: item, outcome: item.intakeOutcome, refusal: nil))])
        case .tenant(let tenant):
            flushUsers()
            if tenantBatch.rows.count >= limits.tenantBatchSize { flushTenants() }
            core.begin(tenant.prefix)
            tenantBatch.rows.append(TenantBatch.Row(sequence: sequence, item: item, tenant: tenant))
        case .user(let user, let role, let password):
            // The tenants before it are on their way first: its own may be among them.
            flushTenants()
            if let current = batch, current.rows.count >= limits.batchSize { flushUsers() }
            if batch == nil { batch = UserBatch() }
            // The row carries its user, role and password once: the consumer of a user row's outcome
            // never reads its subject, and a second copy of it per row in flight cost memory and a
            // retain and release of every string on each hand-over.
            var carried = item
            carried.subject = nil
            batch!.rows.append(
                UserBatch.Row(sequence: sequence, item: carried, user: user, role: role, password: password))
        }
    }

    /// Submits the last batch and waits until every row's outcome has been consumed.
    func finish() {
        flush()
        for _ in 0..<limits.window { core.window.wait() }
        for _ in 0..<limits.window { core.window.signal() }
    }

    private func flush() {
        flushTenants()
        flushUsers()
    }

    private func flushTenants() {
        guard !tenantBatch.rows.isEmpty else { return }
        let current = tenantBatch
        tenantBatch = TenantBatch()
        core.schedule(.tenants(current))
    }

    private func flushUsers() {
        guard let current = batch else { return }
        batch = nil
        core.submit(current)
    }
}

/// Consecutive tenant rows provisioned together in one job.
struct TenantBatch: Sendable {
    struct Row: Sendable {
        var sequence: Int
        var item: IntakeItem
        var tenant: CustomerTenant
    }

    var rows: [Row] = []
}

/// User rows, of one tenant or several, applied together in one job.
struct UserBatch: Sendable {
    struct Row: Sendable {
        var sequence: Int
        var item: IntakeItem
        var user: TenantUser
        var role: RoleAssignment
        var password: TemporaryPassword?
    }

    var rows: [Row] = []
}

/// What the engine runs: the domain steps of a tenant and of a batch of users (``Provisioner``).
protocol ProvisioningWork: Sendable {
    /// Provisions a tenant; returns its row's outcome, and the reason its users cannot go on when it
    /// failed.
    func provision(_ tenant: CustomerTenant, item: IntakeItem) -> (row: ProvisionedRow, failure: String?)
    /// Provisions consecutive tenants; returns, in the batch's order, what ``provision(_:item:)``
    /// returns for each. The default provisions them one after the other.
    func provision(_ batch: TenantBatch) -> [(row: ProvisionedRow, failure: String?)]
    /// Applies a batch of users (of one tenant or several, each ready); returns an outcome per row,
    /// in the batch's order.
    func provision(_ batch: UserBatch) -> [ProvisionedRow]
}

extension ProvisioningWork {
    func provision(_ batch: TenantBatch) -> [(row: ProvisionedRow, failure: String?)] {
        batch.rows.map { provision($0.tenant, item: $0.item) }
    }
}
