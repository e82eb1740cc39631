import CSVStream
import Dispatch
import OnboardCore
import Synchronization

/// Reads and checks a users file a batch of rows at a time: for a plan, on a thread of its own, a few
/// batches ahead of the thread that settles them; for an import, on the caller's thread.
///
/// Reading (CSV), mapping and validating a row need nothing of the rows before it; deduplicating,
/// comparing and settling one do, in input order. So a plan runs the first half here and the second on
/// the caller's thread, which takes the batches in the order they were read: nothing about a row's
/// outcome changes, only which core does the work. A plan of a million users took 9.1 s, now 6.7–7.6.
/// An import gains nothing from it (its engine's workers then set the pace, on the same two cores) and
/// holds more rows in flight (a re-import of a million users peaked 20 MB higher), so it reads inline.
///
/// At most `depth` batches wait (memory stays flat). The reading stops at the file's end, at its first
/// read error (handed on after the batches before it), or when the run is asked to stop (a signal);
/// ``stop()`` makes it stop early, and waits until it no longer touches the file.
final class UserReadAhead: Sendable {
    /// What the reading hands on, in order; the last one is never `rows`.
    enum Message: Sendable {
        case rows([PlanRun.ReadUserRow])
        /// The end of the file (or of the reading, when ``stop()`` asked for it).
        case end
        /// The run was asked to stop: no further row was read.
        case stopped(RunInterruption.Signal?)
        case failed(PlanError)
    }

    private let source: UserRowSource
    private let isThreaded: Bool
    /// The messages handed on and not yet taken: at most `depth`, so taking from the front is cheap.
    private let queue = SharedState<[Message]>([])
    private let slots: DispatchSemaphore
    private let waiting = DispatchSemaphore(value: 0)
    private let isCancelled = Atomic(false)
    /// Set by the caller's thread once it took the last message: nothing more will come.
    private let isDone = Atomic(false)
    private let stopSignal = SharedState<RunInterruption.Signal?>(nil)

    /// Starts reading `file` (whose header is read) in batches of `batchSize` rows checked by
    /// `validator` against `tenants`, on a thread of its own when `isThreaded`; `interruption` is
    /// polled before every row.
    ///
    /// From now until ``next()`` returns `nil` or ``stop()`` returns, only the reading may use `file`.
    init(
        file: InputFile, validator: UserValidator, tenants: TenantCatalog, interruption: RunInterruption?,
        batchSize: Int, isThreaded: Bool, depth: Int = 4
    ) {
        source = UserRowSource(
            file: file, validator: validator, tenants: tenants, interruption: interruption, batchSize: batchSize)
        self.isThreaded = isThreaded
        slots = DispatchSemaphore(value: depth)
        guard isThreaded else { return }
        DispatchQueue(label: "onboard.intake.users").async { [self] in
            while true {
                let message = source.nextBatch(isCancelled: isCancelled.load(ordering: .relaxed))
                hand(message)
                if case .rows = message { continue }
                return
            }
        }
    }

    /// The next batch of rows read and checked, in input order; `nil` at the end of the file.
    ///
    /// - Throws: the `PlanError` of a failed read (after every batch before it was taken).
    /// - Returns: `nil` also when the run was asked to stop: then ``stoppedBy`` says by what.
    func next() throws(PlanError) -> [PlanRun.ReadUserRow]? {
        guard !isDone.load(ordering: .relaxed) else { return nil }
        switch take() {
        case .rows(let rows): return rows
        case .end:
            isDone.store(true, ordering: .relaxed)
            return nil
        case .stopped(let signal):
            stopSignal.withLock { $0 = signal ?? .interrupt }
            isDone.store(true, ordering: .relaxed)
            return nil
        case .failed(let error):
            isDone.store(true, ordering: .relaxed)
            throw error
        }
    }

    /// The signal that stopped the reading, once ``next()`` returned `nil` for it.
    var stoppedBy: RunInterruption.Signal? { stopSignal.withLock { $0 } }

    /// Makes the reading stop (if it has not) and waits until it has: afterwards the file is the
    /// caller's again. For a caller that leaves before the end (an error while settling).
    func stop() {
        isCancelled.store(true, ordering: .relaxed)
        guard isThreaded else { return }
        while !isDone.load(ordering: .relaxed) {
            switch take() {
            case .rows: continue
            case .end, .stopped, .failed: isDone.store(true, ordering: .relaxed)
            }
        }
    }

    private func take() -> Message {
        guard isThreaded else { return source.nextBatch(isCancelled: isCancelled.load(ordering: .relaxed)) }
        waiting.wait()
        let message = queue.withLock { $0.removeFirst() }
        slots.signal()
        return message
    }

    private func hand(_ message: Message) {
        slots.wait()
        queue.withLock { $0.append(message) }
        waiting.signal()
    }
}

/// The reading itself: an input file passed from the thread that opened it to the one reading it, and
/// back once the reading is done.
///
/// `@unchecked Sendable`: `InputFile` is a non-thread-safe class, and so is this reader; one thread at
/// a time uses it (the read-ahead's, or the caller's when there is none, never both).
private final class UserRowSource: @unchecked Sendable {
    let file: InputFile
    let validator: UserValidator
    let tenants: TenantCatalog
    let interruption: RunInterruption?
    let batchSize: Int

    init(
        file: InputFile, validator: UserValidator, tenants: TenantCatalog, interruption: RunInterruption?,
        batchSize: Int
    ) {
        self.file = file
        self.validator = validator
        self.tenants = tenants
        self.interruption = interruption
        self.batchSize = batchSize
    }

    /// The next batch of rows (up to `batchSize`; fewer at the end, or when the run is asked to stop),
    /// or the end: `end` once the file (or, `isCancelled`, the reading) is over, `stopped` when the
    /// run is asked to stop before any row of a batch, `failed` at a read error (the rows read since
    /// the last batch go with it, as a failed read ends the run).
    func nextBatch(isCancelled: Bool) -> UserReadAhead.Message {
        guard !isCancelled else { return .end }
        var batch: [PlanRun.ReadUserRow] = []
        batch.reserveCapacity(batchSize)
        do throws(PlanError) {
            while batch.count < batchSize {
                if let interruption, interruption.isRequested {
                    return batch.isEmpty ? .stopped(interruption.signal) : .rows(batch)
                }
                guard let next = try file.next() else { break }
                switch next {
                case .failure(let issue):
                    let (row, findings) = PlanRun.malformed(issue, in: file)
                    batch.append(PlanRun.ReadUserRow(row: row, checked: CheckedUser(findings: findings)))
                case .success(let record):
                    if PlanRun.isBlank(record) { continue }
                    let row = IntakeRow(file: file.path, record: record, mapping: file.mapping)
                    do throws(DirectoryError) {
                        batch.append(
                            PlanRun.ReadUserRow(row: row, checked: try validator.check(row, tenants: tenants)))
                    } catch {
                        throw PlanRun.unreachable(error)
                    }
                }
            }
        } catch {
            return .failed(error)
        }
        return batch.isEmpty ? .end : .rows(batch)
    }
}
