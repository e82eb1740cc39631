import Synchronization

#if ONBOARD_THREAD_SANITIZER
    import CSystemCalls
#endif

/// A value shared between threads, behind a `Synchronization.Mutex`: the one lock type onboard uses.
///
/// It is the Mutex, plus one thing: in a thread-sanitizer build (`scripts/sanitize.sh thread`
/// defines `ONBOARD_THREAD_SANITIZER`), each `withLock` tells the sanitizer it acquires and releases
/// the value. The Mutex locks with futex system calls the sanitizer does not see, so without this
/// every value it protects was reported as a race (823 reports), hiding any real one.
public struct SharedState<Value: ~Copyable>: ~Copyable, Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: consuming sending Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with the value, the lock held.
    public borrowing func withLock<Result: ~Copyable, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        #if ONBOARD_THREAD_SANITIZER
            // The Mutex's own address: taking the value's would itself be an access TSan checks.
            let address = withUnsafePointer(to: mutex) { UnsafeMutableRawPointer(mutating: $0) }
            return try mutex.withLock { (value: inout sending Value) throws(Failure) -> sending Result in
                __tsan_acquire(address)
                defer { __tsan_release(address) }
                return try body(&value)
            }
        #else
            return try mutex.withLock(body)
        #endif
    }
}
