import Foundation
import Synchronization

/// An exclusive hold on a directory store for one run, so two overlapping runs (cron firing again
/// while the last run still goes, a person running by hand meanwhile) never write the same store.
///
/// The lock is `flock(2)` on a file beside the store, `<store>.lock`, which holds the holder's PID
/// (for the message the next run prints). The kernel releases an `flock` when its holder dies,
/// however it dies (`kill -9`, a crash), so a lock can never be left behind by a dead run; the file
/// itself stays and is reused. ``release()`` (or the end of the process) lets the next run in.
///
/// ```swift
/// let lock = try StoreLock.acquire(store: "onboard-directory.sqlite", waiting: .seconds(30))
/// defer { lock.release() }
/// ```
///
/// A class: it owns the open lock file.
public final class StoreLock: Sendable {
    /// The lock file, `<store>.lock`.
    public let path: String
    private let descriptor: Int32
    private let isHeld = Atomic<Bool>(true)

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// The lock file of the store at `store`: `<store>.lock`, beside it.
    public static func path(forStore store: String) -> String { store + ".lock" }

    /// Takes the lock of the store at `store`, waiting up to `waiting` while another process holds it.
    ///
    /// Looks again every 100 ms while it waits, and stops waiting when `interruption` is requested.
    ///
    /// - Throws: ``StoreLockError`` `.busy` (naming the holder's PID) when the lock is still held after
    ///   `waiting`, `.interrupted` when a signal came while waiting, `.unusable` when the lock file
    ///   cannot be opened or locked (a missing folder, no permission).
    public static func acquire(
        store: String, waiting: Duration = .zero, interruption: RunInterruption? = nil
    ) throws(StoreLockError) -> StoreLock {
        // The lock comes before the store is opened, and opening a new store makes its folder: so
        // the lock makes it first (`--store out/onboard.sqlite` on a fresh clone). A folder that
        // cannot be made shows as the lock file's error.
        let folder = URL(fileURLWithPath: store).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try acquire(
            path: path(forStore: store), store: store, waiting: waiting, interruption: interruption)
    }

    /// Takes the lock on the file at `path` (see ``acquire(store:waiting:interruption:)``).
    public static func acquire(
        path: String, store: String? = nil, waiting: Duration = .zero, interruption: RunInterruption? = nil
    ) throws(StoreLockError) -> StoreLock {
        let store = store ?? path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw StoreLockError(.unusable(code: errno), store: store, lockPath: path)
        }
        let clock = ContinuousClock()
        let deadline = clock.now + max(waiting, .zero)
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { break }
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(descriptor)
                throw StoreLockError(.unusable(code: code), store: store, lockPath: path)
            }
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                let holder = holderPID(descriptor)
                close(descriptor)
                throw StoreLockError(.busy(holder: holder, waited: waiting), store: store, lockPath: path)
            }
            let step = min(remaining, .milliseconds(100))
            if let interruption {
                if !interruption.pause(step) {
                    close(descriptor)
                    throw StoreLockError(.interrupted, store: store, lockPath: path)
                }
            } else {
                Thread.sleep(
                    forTimeInterval: Double(step.components.seconds) + Double(step.components.attoseconds)
                        * 1e-18)
            }
        }
        // Ours now: the PID replaces whatever an earlier holder left.
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return StoreLock(path: path, descriptor: descriptor)
    }

    /// Lets the next run in; safe to call more than once.
    public func release() {
        guard isHeld.exchange(false, ordering: .acquiringAndReleasing) else { return }
        // No PID of a process that no longer holds the lock; the file stays (deleting it would let
        // a waiting run lock a file nobody else sees any more).
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The PID the holder wrote into the lock file; `nil` when it has not written it yet.
    private static func holderPID(_ descriptor: Int32) -> Int32? {
        // A holder that has just taken the lock writes its PID a moment later: look twice.
        for attempt in 0..<3 {
            var bytes = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &bytes, bytes.count, 0)
            if count > 0,
                let pid = Int32(
                    String(decoding: bytes[0..<count], as: UTF8.self).trimmingCharacters(
                        in: .whitespacesAndNewlines)),
                pid > 0
            {
                return pid
            }
            if attempt < 2 { Thread.sleep(forTimeInterval: 0.01) }
        }
        return nil
    }
}
