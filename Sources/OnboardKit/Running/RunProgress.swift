import Foundation
import Synchronization

/// How far a run has got, counted as it goes and read by whoever shows it (``ProgressLine``).
///
/// Counters are relaxed atomics written by the thread that knows the fact (the reader counts rows
/// read, the outcome consumer counts rejected rows and tenants done) and read a few times a second:
/// no lock, nothing per row beyond one atomic add.
///
/// A class: the counters are shared by the run and the display.
public final class RunProgress: Sendable {
    /// Rows read so far (every row handed to the reports or the engine).
    public let rowsRead = Atomic<Int>(0)
    /// Rows rejected or conflicting so far.
    public let rowsRejected = Atomic<Int>(0)
    /// Tenants whose customer row has gone through (created, updated or unchanged).
    public let tenantsDone = Atomic<Int>(0)
    /// The rows in all inputs, from the survey before reading; 0 while not known.
    public let rowsTotal = Atomic<Int>(0)
    /// When reading started (nanoseconds of the monotonic clock), 0 before.
    private let readingStarted = Atomic<UInt64>(0)

    public init() {}

    /// The inputs hold `rows` rows: reading starts now.
    public func startReading(rows: Int) {
        rowsTotal.store(rows, ordering: .relaxed)
        readingStarted.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
    }

    /// One more row read.
    @inline(__always)
    public func rowRead() { rowsRead.wrappingAdd(1, ordering: .relaxed) }

    /// One more outcome: counts rejected rows (conflicts among them) and tenants that went through.
    @inline(__always)
    public func outcome(_ outcome: RowOutcome, isCustomer: Bool) {
        switch outcome {
        case .rejected, .conflict: rowsRejected.wrappingAdd(1, ordering: .relaxed)
        case .create, .update, .unchanged: if isCustomer { tenantsDone.wrappingAdd(1, ordering: .relaxed) }
        case .duplicate: break
        }
    }

    /// The counters at one moment.
    public struct Snapshot: Sendable, Hashable {
        public var rowsRead: Int
        public var rowsRejected: Int
        public var tenantsDone: Int
        /// 0 when not known yet.
        public var rowsTotal: Int
        /// Seconds since reading started; 0 before.
        public var seconds: Double

        public init(rowsRead: Int, rowsRejected: Int, tenantsDone: Int, rowsTotal: Int, seconds: Double) {
            self.rowsRead = rowsRead
            self.rowsRejected = rowsRejected
            self.tenantsDone = tenantsDone
            self.rowsTotal = rowsTotal
            self.seconds = seconds
        }

        /// Rows per second since reading started; `nil` in the first quarter second (too noisy).
        public var rowsPerSecond: Double? {
            seconds >= 0.25 ? Double(rowsRead) / seconds : nil
        }

        /// Seconds left at the rate so far; `nil` when the total or the rate is not known.
        public var secondsLeft: Double? {
            guard rowsTotal > 0, let rate = rowsPerSecond, rate > 0 else { return nil }
            return Double(max(0, rowsTotal - rowsRead)) / rate
        }
    }

    public func snapshot(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Snapshot {
        let started = readingStarted.load(ordering: .relaxed)
        return Snapshot(
            rowsRead: rowsRead.load(ordering: .relaxed), rowsRejected: rowsRejected.load(ordering: .relaxed),
            tenantsDone: tenantsDone.load(ordering: .relaxed), rowsTotal: rowsTotal.load(ordering: .relaxed),
            seconds: started == 0 || now < started ? 0 : Double(now - started) / 1e9)
    }
}
