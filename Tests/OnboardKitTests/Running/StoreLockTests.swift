import Foundation
import Testing

@testable import OnboardKit

/// The store lock: one holder at a time, a one-line message naming the holder, waiting, release.
struct StoreLockTests {
    /// A store path in a fresh folder, and that folder to remove.
    func storePath() throws -> (store: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent("store.sqlite").path, folder)
    }

    @Test func theLockFileIsBesideTheStoreAndHoldsTheHoldersPID() throws {
        let (store, folder) = try storePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try StoreLock.acquire(store: store)
        defer { lock.release() }
        #expect(lock.path == store + ".lock", "the lock file is <store>.lock: \(lock.path)")
        let text = try String(contentsOfFile: lock.path, encoding: .utf8)
        #expect(text == "\(getpid())\n", "the file holds the PID: \(text)")
    }

    @Test func aSecondHolderIsRefusedWithAOneLineMessageNamingThePID() throws {
        let (store, folder) = try storePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try StoreLock.acquire(store: store)
        defer { lock.release() }
        let error = #expect(throws: StoreLockError.self, "a second open of the lock file must not get it") {
            try StoreLock.acquire(store: store)
        }
        #expect(error?.kind == .busy(holder: getpid(), waited: .zero), "busy, naming the holder")
        #expect(
            error?.description
                == "the store \(store) is in use by another onboard run (PID \(getpid()), lock \(store).lock); "
                + "give --wait SECONDS to wait for it",
            "the message: \(String(describing: error))")
        #expect(error?.description.contains("\n") == false, "one line")
    }

    @Test func afterReleaseTheNextRunGetsTheLockAndTheFileNoLongerNamesTheOldHolder() throws {
        let (store, folder) = try storePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try StoreLock.acquire(store: store)
        first.release()
        first.release()
        #expect(
            try String(contentsOfFile: first.path, encoding: .utf8).isEmpty, "a released lock names nobody")
        let second = try StoreLock.acquire(store: store)
        second.release()
    }

    @Test func waitingGetsTheLockWhenTheHolderLetsGoInTime() throws {
        let (store, folder) = try storePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try StoreLock.acquire(store: store)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(150)) { first.release() }
        let clock = ContinuousClock()
        let start = clock.now
        let second = try StoreLock.acquire(store: store, waiting: .seconds(5))
        second.release()
        #expect(clock.now - start < .seconds(2), "got it soon after the release: \(clock.now - start)")
    }

    @Test func waitingGivesUpAfterTheTimeGivenAndSaysSo() throws {
        let (store, folder) = try storePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try StoreLock.acquire(store: store)
        defer { lock.release() }
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: StoreLockError.self, "still busy") {
            try StoreLock.acquire(store: store, waiting: .milliseconds(300))
        }
        let waited = clock.now - start
        #expect(waited >= .milliseconds(300) && waited < .seconds(2), "waited about 300 ms: \(waited)")
        #expect(
            error?.description.hasSuffix("still busy after waiting 0.3 s") == true,
            "\(String(describing: error))")
    }

    @Test func aSignalWhileWaitingStopsTheWait() throws {
        let (store, folder) = try storePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try StoreLock.acquire(store: store)
        defer { lock.release() }
        let interruption = RunInterruption()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) {
            interruption.request(.terminate)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: StoreLockError.self, "interrupted") {
            try StoreLock.acquire(store: store, waiting: .seconds(30), interruption: interruption)
        }
        #expect(error?.kind == .interrupted, "the wait ends with the signal")
        #expect(clock.now - start < .seconds(2), "at once, not after 30 s: \(clock.now - start)")
    }

    @Test func aLockFileThatCannotBeMadeIsUnusableNotBusy() throws {
        // A "folder" that is a file: neither it nor the lock file in it can be made.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let store = file.path + "/store.sqlite"
        let error = #expect(throws: StoreLockError.self, "no such folder") {
            try StoreLock.acquire(store: store)
        }
        #expect(error?.kind == .unusable(code: ENOTDIR), "the reason is kept: \(String(describing: error))")
        #expect(
            error?.description == "cannot lock the store \(store): \(store).lock: Not a directory",
            "\(String(describing: error))")
    }

    @Test func aStoreInAFolderNotMadeYetGetsTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try StoreLock.acquire(store: folder.path + "/out/store.sqlite")
        defer { lock.release() }
        #expect(
            FileManager.default.fileExists(atPath: folder.path + "/out/store.sqlite.lock"),
            "the folder and the lock file were made")
    }
}
