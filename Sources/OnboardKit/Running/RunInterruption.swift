import OnboardCore
import Dispatch
import Foundation
import Synchronization

/// A request to stop a run early, made by SIGINT (Ctrl-C) or SIGTERM: the importer stops reading new
/// rows, lets the rows in flight finish, writes its reports marked as interrupted and returns.
///
/// ``install(notice:)`` takes over both signals with Dispatch signal sources (so the handler is
/// ordinary Swift code on a queue, not an async-signal context) and remembers the first signal. A
/// second signal ends the process at once with the status of that signal (130 or 143): the reports
/// are then not written, the store lock goes with the process, and the next run carries on.
///
/// Readers poll ``isRequested`` (one relaxed atomic load, cheap enough for every row); waiters use
/// ``pause(_:)``, which returns early when a signal arrives. Without `install`, ``request(_:)`` plays
/// the signal (tests, or a caller with reasons of its own to stop).
///
/// A class: it is the one place a process's signals are delivered to.
public final class RunInterruption: Sendable {
    /// The signals that interrupt a run.
    public enum Signal: Int32, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Ctrl-C at a terminal.
        case interrupt = 2
        /// `kill PID`, a service manager stopping the run, a cron job's timeout.
        case terminate = 15

        /// `SIGINT` or `SIGTERM`, as reports and messages name it.
        public var name: String {
            switch self {
            case .interrupt: "SIGINT"
            case .terminate: "SIGTERM"
            }
        }

        /// The exit status of a process ended by this signal, by the shell's convention: 128 + number
        /// (130, 143).
        public var exitStatus: Int32 { 128 + rawValue }

        public var description: String { name }
    }

    /// The first signal's number, 0 while none came.
    private let received = Atomic<Int32>(0)
    /// Wakes a ``pause(_:)`` in progress when a signal arrives.
    private let wake = DispatchSemaphore(value: 0)
    private let sources = SharedState<[any DispatchSourceSignal]>([])

    /// An interruption nobody has requested yet, not listening to signals (see ``install(notice:)``).
    public init() {}

    /// Listens to SIGINT and SIGTERM from now on; `notice` is called once, on a Dispatch queue, with
    /// the first signal (to tell the person what happens next). A second signal exits at once.
    ///
    /// For the rest of the process: there is no uninstalling (on Linux, libdispatch takes a signal
    /// over with its own handler the first time a source for it is registered, and never gives it
    /// back). The sources are registered asynchronously: a signal in the first moments after this
    /// call still has its default action (the process ends), which is what the person wanted.
    public func install(notice: @escaping @Sendable (Signal) -> Void = { _ in }) {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for signal in Signal.allCases {
                #if !os(Linux)
                    // kqueue reports a signal without stopping its default action: ignore it first.
                    _ = Foundation.signal(signal.rawValue, SIG_IGN)
                #endif
                let source = DispatchSource.makeSignalSource(signal: signal.rawValue, queue: .global())
                source.setEventHandler { [self] in
                    if request(signal) {
                        notice(signal)
                    } else {
                        // Asked twice: stop now, as the default action would have.
                        _exit(signal.exitStatus)
                    }
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Records `signal` as the reason to stop; returns whether it is the first request.
    @discardableResult
    public func request(_ signal: Signal) -> Bool {
        let (exchanged, _) = received.compareExchange(
            expected: 0, desired: signal.rawValue, ordering: .sequentiallyConsistent)
        // Enough wake-ups for the few threads that may be pausing at once.
        if exchanged { for _ in 0..<8 { wake.signal() } }
        return exchanged
    }

    /// The signal that stopped the run, or `nil` while it runs on.
    public var signal: Signal? {
        Signal(rawValue: received.load(ordering: .relaxed))
    }

    /// Whether the run should stop reading new work.
    @inline(__always)
    public var isRequested: Bool { received.load(ordering: .relaxed) != 0 }

    /// Sleeps for `duration` or until a signal arrives; returns `false` when interrupted.
    public func pause(_ duration: Duration) -> Bool {
        if isRequested { return false }
        let (seconds, attoseconds) = duration.components
        let nanoseconds = Int(max(0, seconds)) * 1_000_000_000 + Int(max(0, attoseconds) / 1_000_000_000)
        _ = wake.wait(timeout: .now() + .nanoseconds(nanoseconds))
        return !isRequested
    }
}
