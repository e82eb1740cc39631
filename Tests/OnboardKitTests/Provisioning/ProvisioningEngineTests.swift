import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

extension UserBatch {
    /// The tenants of the rows, each once, in the order of their first row.
    var tenants: [DomainPrefix] {
        var seen = Set<DomainPrefix>()
        return rows.map(\.user.tenant).filter { seen.insert($0).inserted }
    }
}

/// Work for the engine that records what ran when, with chosen delays and failures.
final class RecordingWork: ProvisioningWork {
    struct Log {
        var tenantsDone: Set<DomainPrefix> = []
        /// Batches that ran before their own tenant was done (must stay empty).
        var early: [String] = []
        /// When each tenant's users first ran, since the start.
        var firstUserRun: [DomainPrefix: Duration] = [:]
        var running = 0
        var peakRunning = 0
    }

    let log = SharedState(Log())
    let start = ContinuousClock.now
    let tenantDelay: @Sendable (DomainPrefix) -> Duration
    let userDelay: @Sendable () -> Duration
    let failing: Set<DomainPrefix>

    init(
        tenantDelay: @escaping @Sendable (DomainPrefix) -> Duration = { _ in .zero },
        userDelay: @escaping @Sendable () -> Duration = { .zero }, failing: Set<DomainPrefix> = []
    ) {
        self.tenantDelay = tenantDelay
        self.userDelay = userDelay
        self.failing = failing
    }

    private func enter() {
        log.withLock {
            $0.running += 1; $0.peakRunning = max($0.peakRunning, $0.running)
        }
    }
    private func leave() { log.withLock { $0.running -= 1 } }

    func provision(_ tenant: CustomerTenant, item: IntakeItem) -> (row: ProvisionedRow, failure: String?) {
        enter()
        defer { leave() }
        RetryPolicy.sleep(tenantDelay(tenant.prefix))
        log.withLock { _ = $0.tenantsDone.insert(tenant.prefix) }
        if failing.contains(tenant.prefix) {
            return (
                ProvisionedRow(item: item, outcome: .rejected, refusal: "no"),
                "tenant \(tenant.prefix) failed"
            )
        }
        return (ProvisionedRow(item: item, outcome: .create, refusal: nil), nil)
    }

    func provision(_ batch: UserBatch) -> [ProvisionedRow] {
        enter()
        defer { leave() }
        let now = ContinuousClock.now - start
        log.withLock { log in
            for tenant in batch.tenants {
                if !log.tenantsDone.contains(tenant) { log.early.append(tenant.rawValue) }
                if log.firstUserRun[tenant] == nil { log.firstUserRun[tenant] = now }
            }
        }
        RetryPolicy.sleep(userDelay())
        return batch.rows.map { ProvisionedRow(item: $0.item, outcome: .create, refusal: nil) }
    }
}

/// The engine: input order out whatever the concurrency, users after their own tenant only, a
/// bounded window, at most `jobs` at once.
struct ProvisioningEngineTests {
    /// Intake items: `tenants` customers, then `usersPerTenant` users of each, interleaved by tenant
    /// in runs of `run` rows (so batches switch tenants).
    static func items(tenants: Int, usersPerTenant: Int, run: Int = 7, folder: URL) throws -> [IntakeItem] {
        let rejects = try RejectsFileHandle(
            RejectsFile(
                path: folder.appendingPathComponent("r.csv").path,
                mapping: HeaderMapping.detect(header: IntakeFixtures.usersHeader, preamble: nil),
                delimiter: 44,
                byteOrderMark: false))
        var catalog = TenantCatalog()
        var items: [IntakeItem] = []
        for index in 0..<tenants {
            let tenant = IntakeFixtures.tenant([
                "domain_prefix": "t\(index)", "company": "Company \(index)", "domains": "t\(index).example",
            ])
            catalog.add(tenant)
            let row = try IntakeFixtures.customer(["domain_prefix": "t\(index)"], line: index + 2)
            items.append(
                IntakeItem(
                    isCustomer: true, row: row, findings: RowFindings(file: row.file, line: row.line),
                    intakeOutcome: .create, subject: .tenant(tenant), tenant: tenant.prefix.rawValue,
                    rejects: rejects))
        }
        let validator = UserValidator()
        var line = 2
        for start in stride(from: 0, to: usersPerTenant, by: run) {
            for index in 0..<tenants {
                for number in start..<min(start + run, usersPerTenant) {
                    let row = try IntakeFixtures.user(
                        ["tenant": "t\(index)", "user_principal_name": "u\(number)@t\(index).example"],
                        line: line)
                    line += 1
                    let checked = try validator.check(row, tenants: catalog)
                    items.append(
                        IntakeItem(
                            isCustomer: false, row: row, findings: checked.findings, intakeOutcome: .create,
                            subject: .user(checked.user!, checked.assignment!, nil), tenant: "t\(index)",
                            rejects: rejects))
                }
            }
        }
        return items
    }

    /// Runs `items` through an engine; returns the rows in the order consumed and the engine.
    static func run(_ items: [IntakeItem], limits: ProvisioningEngine.Limits, work: RecordingWork) -> (
        [ProvisionedRow], ProvisioningEngine
    ) {
        let consumed = SharedState<[ProvisionedRow]>([])
        let engine = ProvisioningEngine(limits: limits, work: work) { row in
            consumed.withLock { $0.append(row) }
        }
        for item in items { engine.submit(item) }
        engine.finish()
        return (consumed.withLock { $0 }, engine)
    }

    @Test("outcomes come out in input order under concurrency with random latency", arguments: [1, 4, 16])
    func inputOrder(jobs: Int) throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = try Self.items(tenants: 6, usersPerTenant: 30, folder: folder)
        let work = RecordingWork(
            tenantDelay: { _ in .microseconds(Int.random(in: 0...3000)) },
            userDelay: { .microseconds(Int.random(in: 0...2000)) })
        let (rows, _) = Self.run(items, limits: .init(jobs: jobs, batchSize: 4), work: work)
        #expect(rows.count == items.count, "every item comes out once")
        #expect(rows.map(\.item.row.line) == items.map(\.row.line), "in input order with \(jobs) jobs")
        let log = work.log.withLock { $0 }
        #expect(log.early.isEmpty, "no user batch ran before its tenant was done: \(log.early)")
        #expect(log.peakRunning <= jobs, "at most \(jobs) jobs at once, saw \(log.peakRunning)")
    }

    @Test(
        "consecutive tenants in one job: input order, users after their own tenant's job, a failed one rejects only its users",
        arguments: [1, 4])
    func tenantBatches(jobs: Int) throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = try Self.items(tenants: 7, usersPerTenant: 9, folder: folder)
        let failing = try DomainPrefix.parse("t4")
        let work = RecordingWork(
            tenantDelay: { _ in .microseconds(Int.random(in: 0...2000)) }, failing: [failing])
        let (rows, _) = Self.run(
            items, limits: .init(jobs: jobs, batchSize: 4, tenantBatchSize: 3), work: work)
        #expect(rows.map(\.item.row.line) == items.map(\.row.line), "every item once, in input order")
        let log = work.log.withLock { $0 }
        #expect(log.early.isEmpty, "no user batch ran before its tenant was done: \(log.early)")
        #expect(log.tenantsDone.count == 7, "every tenant provisioned once")
        for row in rows where !row.item.isCustomer {
            let expected: RowOutcome = row.item.tenant == "t4" ? .rejected : .create
            #expect(row.outcome == expected, "\(row.item.tenant ?? "?")'s user: \(row.outcome)")
        }
    }

    @Test("a slow tenant does not hold up another tenant's users")
    func usersWaitOnlyForTheirTenant() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = try Self.items(tenants: 2, usersPerTenant: 20, folder: folder)
        let slow = try DomainPrefix.parse("t0")
        let fast = try DomainPrefix.parse("t1")
        let work = RecordingWork(tenantDelay: { $0 == slow ? .milliseconds(400) : .zero })
        let (rows, _) = Self.run(items, limits: .init(jobs: 4, batchSize: 5), work: work)
        let log = work.log.withLock { $0 }
        let fastStart = try #require(log.firstUserRun[fast], "the fast tenant's users ran")
        let slowStart = try #require(log.firstUserRun[slow], "the slow tenant's users ran")
        #expect(
            fastStart < .milliseconds(200), "t1's users ran while t0 was still provisioning: \(fastStart)")
        #expect(slowStart >= .milliseconds(400), "t0's users waited for t0: \(slowStart)")
        #expect(rows.map(\.item.row.line) == items.map(\.row.line), "still in input order")
    }

    @Test("the reader stays within the window however slow the directory")
    func boundedReadAhead() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = try Self.items(tenants: 3, usersPerTenant: 60, folder: folder)
        let work = RecordingWork(userDelay: { .microseconds(300) })
        let (rows, engine) = Self.run(items, limits: .init(jobs: 2, batchSize: 4, window: 12), work: work)
        #expect(rows.count == items.count, "every item comes out")
        #expect(engine.peakInWindow <= 12, "never more than the window in flight: \(engine.peakInWindow)")
        #expect(engine.peakInWindow >= 5, "the window was used: \(engine.peakInWindow)")
    }

    @Test("a row's outcome once consumed, the engine lets go of the row")
    func consumedRowsAreLetGo() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each row with a handle of its own, watched weakly: alive means something still holds the row.
        var pending = try Self.items(tenants: 2, usersPerTenant: 400, folder: folder).reversed().map { item in
            var item = item
            item.rejects = RejectsFileHandle(item.rejects.file)
            return item
        }
        let watched = pending.reversed().map { WeakHandle($0.rejects) }
        let heldLongAfter = SharedState<[Int]>([])
        let consumed = SharedState(0)
        // A window far larger than jobs × batch keeps jobs queued the whole run, as an import's does.
        let window = 100
        let engine = ProvisioningEngine(
            limits: .init(jobs: 2, batchSize: 4, window: window),
            work: RecordingWork(userDelay: { .microseconds(100) })
        ) { _ in
            let index = consumed.withLock { count in
                count += 1
                return count
            }
            // Rows consumed a window or more before this one: never handed over in the same block of
            // outcomes (a block is at most the rows in flight), so nothing of the engine's should hold them.
            guard index % 50 == 0, index > 2 * window else { return }
            let held = watched[..<(index - window)].indices.filter { watched[$0].handle != nil }
            if !held.isEmpty { heldLongAfter.withLock { $0.append(contentsOf: held) } }
        }
        // Handed over one by one, so that only the engine holds a row once it is submitted.
        while let item = pending.popLast() { engine.submit(item) }
        engine.finish()
        let held = heldLongAfter.withLock { Set($0) }
        #expect(held.isEmpty, "rows still held after their outcome was consumed: \(held.sorted().prefix(10))")
    }

    @Test("a failed tenant rejects its users with its reason; other tenants go on")
    func failedTenantRejectsItsUsers() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = try Self.items(tenants: 3, usersPerTenant: 10, folder: folder)
        let failing = try DomainPrefix.parse("t1")
        let work = RecordingWork(tenantDelay: { _ in .milliseconds(5) }, failing: [failing])
        let (rows, _) = Self.run(items, limits: .init(jobs: 4, batchSize: 3), work: work)
        for row in rows where !row.item.isCustomer {
            if row.item.tenant == "t1" {
                #expect(row.outcome == .rejected, "t1's user is rejected")
                #expect(
                    row.refusal == "tenant t1 failed", "with the tenant's reason: \(row.refusal ?? "none")")
            } else {
                #expect(row.outcome == .create, "other tenants' users go through")
            }
        }
    }
}

/// A weak reference to an item's rejects handle, to see whether anything still holds the item.
final class WeakHandle: @unchecked Sendable {
    weak var handle: RejectsFileHandle?
    init(_ handle: RejectsFileHandle) { self.handle = handle }
}

/// A temporary folder for files the engine's items refer to.
enum OnboardProcessFolder {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
