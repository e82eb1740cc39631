import Foundation

/// One flush to disk shared by every delivery that waits for one (group commit).
///
/// Workers deliver concurrently, and each must know its entries are on disk before it records them
/// as delivered. A flush started after a worker's write covers that write, so a worker that finds a
/// flush in progress waits for the next one instead of starting its own: eight workers delivering at
/// once cost one or two flushes, not eight.
///
/// `@unchecked Sendable`: every stored property is read and written only with `condition` locked.
final class GroupFlush: @unchecked Sendable {
    private let condition = NSCondition()
    /// Writes handed to the system so far; a write's ticket is its number.
    private var written = 0
    /// Every write up to this ticket is on disk.
    private var flushed = 0
    private var isFlushing = false

    /// Counts a write that was handed to the system; returns its ticket for ``waitUntilOnDisk(_:flush:)``.
    func wrote() -> Int {
        condition.lock()
        defer { condition.unlock() }
        written += 1
        return written
    }

    /// Returns once the write with `ticket` is on disk, calling `flush` (which puts everything written
    /// so far on disk) when no flush that covers it has run or is running. A failed flush is thrown
    /// to the caller that ran it; a waiter then tries again itself.
    func waitUntilOnDisk(_ ticket: Int, flush: () throws -> Void) throws {
        condition.lock()
        defer { condition.unlock() }
        while flushed < ticket {
            if isFlushing {
                condition.wait()
                continue
            }
            isFlushing = true
            let covered = written
            condition.unlock()
            var failure: (any Error)?
            do { try flush() } catch { failure = error }
            condition.lock()
            isFlushing = false
            if failure == nil { flushed = max(flushed, covered) }
            condition.broadcast()
            if let failure { throw failure }
        }
    }
}
