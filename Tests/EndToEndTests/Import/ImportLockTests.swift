import Foundation
import Testing

/// One run at a time per store: `<store>.lock`, `--wait`, exit 75 naming the holder's PID.
@Suite(.serialized)
struct ImportLockTests {
    /// Holds the lock of `store` as onboard does (flock, the PID in the file) until released.
    final class LockHolder: Sendable {
        private let descriptor: Int32

        init(store: String, pid: Int32 = getpid()) throws {
            descriptor = open(store + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                throw CocoaError(.fileLocking)
            }
            let text = "\(pid)\n"
            _ = ftruncate(descriptor, 0)
            _ = text.withCString { write(descriptor, $0, strlen($0)) }
        }

        func release() { close(descriptor) }
    }

    func importArguments(_ folder: URL, out: String, extra: [String] = []) -> [String] {
        [
            "import", "--customers", ImportExitStatusTests.sample("customers.csv"), "--users",
            ImportExitStatusTests.sample("users.csv"), "--store",
            folder.appendingPathComponent("store.sqlite").path,
            "--out", folder.appendingPathComponent(out).path,
        ] + extra
    }

    /// The README's first command on a fresh clone: `--store out/onboard.sqlite`, no `out/` yet.
    @Test func aStoreInAFolderThatDoesNotExistYetGetsItsFolderAndItsLock() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.run([
            "import", "--customers", ImportExitStatusTests.sample("customers.csv"), "--users",
            ImportExitStatusTests.sample("users.csv"), "--store",
            folder.appendingPathComponent("out/onboard.sqlite").path,
            "--out", folder.appendingPathComponent("out/import").path,
        ])
        #expect(run.status == 0, "the samples import: \(run)")
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/onboard.sqlite").path),
            "the store was made, in its new folder")
    }

    @Test func aBusyStoreIs75WithOneLineNamingTheHoldersPID() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        let holder = try LockHolder(store: store)
        defer { holder.release() }
        let run = try OnboardProcess.run(importArguments(folder, out: "second"))
        #expect(run.status == 75, "busy: \(run)")
        #expect(
            run.stderr
                == "onboard: error: the store \(store) is in use by another onboard run (PID \(getpid()), lock "
                + "\(store).lock); give --wait SECONDS to wait for it\n",
            "one line naming the PID: \(run)")
        #expect(run.stdout.isEmpty, "no report: \(run)")
        #expect(!FileManager.default.fileExists(atPath: store), "the store is not even created while locked")
    }

    @Test func waitingLongEnoughGetsTheStoreOnceTheHolderLetsGo() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        let holder = try LockHolder(store: store)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(500)) { holder.release() }
        let run = try OnboardProcess.run(importArguments(folder, out: "second", extra: ["--wait", "30"]))
        #expect(run.status == 0, "the import ran once the lock was free: \(run)")
    }

    @Test func waitingTooShortIs75AfterTheWait() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        let holder = try LockHolder(store: store)
        defer { holder.release() }
        let clock = ContinuousClock()
        let start = clock.now
        let run = try OnboardProcess.run(importArguments(folder, out: "second", extra: ["--wait", "0.4"]))
        #expect(run.status == 75, "still busy: \(run)")
        #expect(clock.now - start >= .milliseconds(400), "it waited: \(clock.now - start)")
        #expect(run.stderr.hasSuffix("still busy after waiting 0.4 s\n"), "says it waited: \(run)")
    }

    @Test func twoOverlappingImportsOfOneStore() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lockPath = folder.appendingPathComponent("store.sqlite.lock").path
        // The first import is slowed by the lock file's holder: it waits for the lock, then holds it.
        let gate = try LockHolder(store: folder.appendingPathComponent("store.sqlite").path)
        let first = try OnboardProcess.start(importArguments(folder, out: "first", extra: ["--wait", "30"]))
        Thread.sleep(forTimeInterval: 0.3)
        gate.release()
        let holds = OnboardProcess.waitUntil {
            (try? String(contentsOfFile: lockPath, encoding: .utf8)) == "\(first.pid)\n"
        }
        #expect(holds, "the first import holds the lock and wrote its PID")
        let second = try OnboardProcess.run(importArguments(folder, out: "second"))
        let third = try OnboardProcess.start(importArguments(folder, out: "third", extra: ["--wait", "60"]))
        let firstRun = first.wait()
        let thirdRun = third.wait()
        #expect(firstRun.status == 0, "the first import finished: \(firstRun)")
        if second.status == 75 {
            #expect(
                second.stderr.contains("(PID \(first.pid), lock "),
                "the second names the first's PID: \(second)")
        } else {
            // The first finished before the second looked (a fast machine): then it simply ran.
            #expect(second.status == 0, "the second ran after the first: \(second)")
        }
        #expect(thirdRun.status == 0, "the third waited for the lock and ran: \(thirdRun)")
        #expect(
            thirdRun.stdout.contains("Total: 222 read, 0 created, 0 updated, 222 unchanged"),
            "after the first: \(thirdRun)")
        #expect(
            (try? String(contentsOfFile: lockPath, encoding: .utf8)) == "", "no PID left once everyone let go"
        )
    }
}
