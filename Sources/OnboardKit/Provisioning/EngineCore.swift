import Dispatch
import OnboardCore
import Synchronization

/// The shared side of the ``ProvisioningEngine``: job scheduling, tenant readiness, the reorder
/// buffer. Every mutable thing is behind one `Mutex`, held only for bookkeeping, never for a job.
final class EngineCore: Sendable {
    enum Job: Sendable {
        case tenants(TenantBatch)
        case users(UserBatch)
    }

    /// Where a tenant of this run stands, for its users.
    private enum Readiness {
        case provisioning
        case ready
        case failed(String)
    }

    private struct State {
        /// The lanes not running a job.
        var freeLanes: [Int]
        /// Jobs waiting for a lane, oldest first from `readyHead` (a queue without per-take shifting).
        /// A job taken leaves `nil`: kept until the next compaction, a finished job held its rows (up
        /// to 64 batches, 32,000 rows, twice the window) long after their outcomes were consumed.
        var ready: [Job?] = []
        var readyHead = 0
        var tenants: [DomainPrefix: Readiness] = [:]
        /// The user rows of tenants still being provisioned, in input order.
        var waiting: [DomainPrefix: [UserBatch.Row]] = [:]
        /// Rows whose tenant is now done, gathered into full batches: a tenant usually releases only
        /// a few rows, and a batch of a few rows costs a transaction and a flush like a full one. A
        /// lane that finds no queued job takes them as they are, so none waits for long.
        var released: [UserBatch.Row] = []
        var nextToEmit = 0
        var finished: [Int: ProvisionedRow] = [:]

        /// The oldest queued job, or a batch of released rows; when there is neither, frees `lane`.
        mutating func takeJob(freeing lane: Int, batchSize: Int) -> Job? {
            guard readyHead < ready.count else {
                if !released.isEmpty { return .users(UserBatch(rows: takeReleased(batchSize))) }
                freeLanes.append(lane)
                ready.removeAll(keepingCapacity: true)
                readyHead = 0
                return nil
            }
            let next = ready[readyHead].take()
            readyHead += 1
            // Drop the slots already taken once they are half the queue: while the reader keeps the
            // queue from ever draining, they would otherwise pile up until the end of the run.
            if readyHead >= 64 && readyHead * 2 >= ready.count {
                ready.removeFirst(readyHead)
                readyHead = 0
            }
            return next
        }

        /// Takes up to `count` released rows, the oldest first.
        mutating func takeReleased(_ count: Int) -> [UserBatch.Row] {
            let taken = Array(released.prefix(count))
            released.removeFirst(taken.count)
            return taken
        }
    }

    let window: DispatchSemaphore
    let peakInWindow = Atomic<Int>(0)
    private let inWindow = Atomic<Int>(0)
    private let limits: ProvisioningEngine.Limits
    private let work: any ProvisioningWork
    private let consume: @Sendable (ProvisionedRow) -> Void
    private let state: SharedState<State>
    /// One serial queue per job slot. Jobs block (a directory call waits on the network or the disk),
    /// and libdispatch gives a concurrent queue only about one thread per core while its blocks
    /// block; serial queues each get a thread of their own, so `jobs` blocked calls really overlap.
    private let lanes: [DispatchQueue]
    private let output = DispatchQueue(label: "onboard.outcomes")

    init(
        limits: ProvisioningEngine.Limits, work: any ProvisioningWork,
        consume: @escaping @Sendable (ProvisionedRow) -> Void
    ) {
        self.limits = limits
        self.work = work
        self.consume = consume
        window = DispatchSemaphore(value: limits.window)
        lanes = (0..<limits.jobs).map { DispatchQueue(label: "onboard.provisioning.\($0)") }
        state = SharedState(State(freeLanes: Array((0..<limits.jobs).reversed())))
    }

    /// Counts a row into the window (the reader took a slot).
    func entered() {
        let now = inWindow.add(1, ordering: .relaxed).newValue
        peakInWindow.max(now, ordering: .relaxed)
    }

    /// Marks a tenant of this run as being provisioned: its users wait for it.
    func begin(_ tenant: DomainPrefix) {
        state.withLock { $0.tenants[tenant] = .provisioning }
    }

    /// Runs a batch's rows whose tenants are ready now, parks the rows of tenants still being
    /// provisioned until their tenant is done, and rejects the rows of failed tenants. A batch may
    /// span tenants (users of many tenants arrive interleaved), and a row waits only for its own.
    func submit(_ batch: UserBatch) {
        var runnable = UserBatch()
        var refused: [(UserBatch.Row, String)] = []
        let isReady: Bool = state.withLock { state in
            // Usually every tenant of the batch is done: the batch runs as it is, not copied row by row.
            let isReady = batch.rows.allSatisfy { row in
                switch state.tenants[row.user.tenant] {
                case .ready, nil: true
                case .provisioning, .failed: false
                }
            }
            if isReady { return true }
            for row in batch.rows {
                switch state.tenants[row.user.tenant] {
                case .provisioning: state.waiting[row.user.tenant, default: []].append(row)
                case .failed(let reason): refused.append((row, reason))
                case .ready, nil: runnable.rows.append(row)
                }
            }
            return false
        }
        if isReady {
            schedule(.users(batch))
            return
        }
        if !runnable.rows.isEmpty { schedule(.users(runnable)) }
        if !refused.isEmpty {
            complete(
                refused.map { row, reason in
                    (row.sequence, ProvisionedRow(item: row.item, outcome: .rejected, refusal: reason))
                })
        }
    }

    /// Queues `job`, and starts a free lane (fewer than `jobs` run) to take it.
    func schedule(_ job: Job) {
        let lane: Int? = state.withLock { state in
            state.ready.append(job)
            return state.freeLanes.popLast()
        }
        if let lane { lanes[lane].async { self.run(lane: lane) } }
    }

    /// Runs queued jobs, oldest first, until none is left; then frees its lane. A lane takes its jobs
    /// from the queue, never as an argument: a job captured by the lane's block (or held in a
    /// parameter) would keep its rows alive for as long as the lane keeps finding work.
    private func run(lane: Int) {
        while let job = state.withLock({ state in state.takeJob(freeing: lane, batchSize: limits.batchSize) }) {
            perform(job)
        }
    }

    private func perform(_ job: Job) {
        switch job {
        case .tenants(let batch):
            let results = work.provision(batch)
            let batchSize = limits.batchSize
            let (refused, full): ([(UserBatch, String)], [UserBatch]) = state.withLock { state in
                var refused: [(UserBatch, String)] = []
                for (row, result) in zip(batch.rows, results) {
                    let prefix = row.tenant.prefix
                    guard case .provisioning = state.tenants[prefix] else { continue }
                    state.tenants[prefix] = result.failure.map(Readiness.failed) ?? .ready
                    let waiting = state.waiting.removeValue(forKey: prefix) ?? []
                    if let failure = result.failure {
                        refused.append((UserBatch(rows: waiting), failure))
                    } else {
                        state.released.append(contentsOf: waiting)
                    }
                }
                var full: [UserBatch] = []
                while state.released.count >= batchSize {
                    full.append(UserBatch(rows: state.takeReleased(batchSize)))
                }
                return (refused, full)
            }
            complete(zip(batch.rows, results).map { ($0.sequence, $1.row) })
            for (users, reason) in refused { reject(users, reason: reason) }
            for batch in full { schedule(.users(batch)) }
        case .users(let batch):
            let rows = work.provision(batch)
            complete(zip(batch.rows, rows).map { ($0.sequence, $1) })
        }
    }

    private func reject(_ batch: UserBatch, reason: String) {
        complete(
            batch.rows.map { row in
                (row.sequence, ProvisionedRow(item: row.item, outcome: .rejected, refusal: reason))
            })
    }

    /// Puts finished rows into the reorder buffer and hands every row now next in order to the
    /// consumer (queued under the lock, so the serial queue receives them in order). The rows freed
    /// at once go as one block: a block per row cost an allocation and a queue hop per row.
    func complete(_ rows: [(Int, ProvisionedRow)]) {
        state.withLock { state in
            var inOrder: [ProvisionedRow] = []
            for (sequence, row) in rows {
                // Rows usually finish in order: those pass by the buffer.
                guard sequence == state.nextToEmit else {
                    state.finished[sequence] = row
                    continue
                }
                inOrder.append(row)
                state.nextToEmit += 1
                while !state.finished.isEmpty,
                    let next = state.finished.removeValue(forKey: state.nextToEmit)
                {
                    inOrder.append(next)
                    state.nextToEmit += 1
                }
            }
            guard !inOrder.isEmpty else { return }
            output.async { [inOrder] in
                for row in inOrder {
                    self.consume(row)
                    self.inWindow.subtract(1, ordering: .relaxed)
                    self.window.signal()
                }
            }
        }
    }
}
