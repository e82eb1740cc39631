import Foundation
import Testing

/// `onboard run` holds the store's lock for its whole run and stops cleanly on a signal.
@Suite(.serialized)
struct RunLockTests {
    typealias LockHolder = ImportLockTests.LockHolder

    @Test("the store locked: 75 naming the holder's PID, the inbox left as it was")
    func busyStoreIs75() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "customers.csv")
        let store = fixture.path("store.sqlite")
        let holder = try LockHolder(store: store)
        defer { holder.release() }
        let run = try fixture.run()
        #expect(run.status == 75, "\(run)")
        #expect(
            run.stderr
                == "onboard: error: the store \(store) is in use by another onboard run (PID \(getpid()), lock "
                + "\(store).lock); give --wait SECONDS to wait for it\n", "one line naming the PID: \(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(fixture.names(in: "inbox") == ["customers.csv"], "nothing moved")
        #expect(!FileManager.default.fileExists(atPath: store), "the store is not even made")
    }

    @Test("an empty inbox does not wait for the lock: 0, silent, while another run holds it")
    func idleRunIgnoresTheLock() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        let holder = try LockHolder(store: fixture.path("store.sqlite"))
        defer { holder.release() }
        let run = try fixture.run(["--wait", "30"])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run)")
    }

    @Test("--wait: the run imports once the holder lets go")
    func waitingRunImportsAfterTheHolder() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "customers.csv")
        let holder = try LockHolder(store: fixture.path("store.sqlite"))
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(500)) { holder.release() }
        let run = try fixture.run(["--wait", "30"])
        #expect(run.status == 0 && run.stdout.contains(": 1 imported\n"), "\(run)")
    }

    @Test("two overlapping runs: the second exits 75 naming the first's PID; every file is taken once")
    func twoOverlappingRuns() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        let generated = try OnboardProcess.run([
            "samples", "--out", fixture.path("generated"), "--customers", "100", "--users", "5000",
        ])
        #expect(generated.status == 0, "\(generated)")
        for name in ["customers.csv", "users.csv"] {
            try FileManager.default.copyItem(
                atPath: fixture.path("generated/" + name), toPath: fixture.path("inbox/" + name))
        }
        // The first run waits behind a gate (the lock held here), then holds the lock itself.
        let store = fixture.path("store.sqlite")
        let gate = try LockHolder(store: store)
        let first = try OnboardProcess.start(
            ["run", "--config", fixture.configuration, "--wait", "30"], in: fixture.folder)
        Thread.sleep(forTimeInterval: 0.3)
        gate.release()
        let holds = OnboardProcess.waitUntil {
            (try? String(contentsOfFile: store + ".lock", encoding: .utf8)) == "\(first.pid)\n"
        }
        #expect(holds, "the first run holds the lock and wrote its PID")
        let second = try fixture.run()
        let firstRun = first.wait()
        #expect(firstRun.status == 0, "the first run imported both files: \(firstRun)")
        #expect(firstRun.stdout.contains(": 2 imported\n"), "\(firstRun)")
        if second.status == 75 {
            #expect(second.stderr.contains("(PID \(first.pid), lock "), "names the first's PID: \(second)")
            #expect(second.stdout.isEmpty, "took nothing: \(second)")
        } else {
            // The first finished before the second looked (a fast machine): then the inbox was empty.
            #expect(second.status == 0 && second.stdout.isEmpty, "nothing left for the second: \(second)")
        }
        let archived = try FileManager.default.contentsOfDirectory(atPath: fixture.path("inbox/archive"))
        #expect(archived.filter { !$0.hasSuffix(".txt") }.count == 1, "one run archived: \(archived)")
    }

    @Test(
        "a signal mid-import: 130 or 143, the files stay in the inbox unrecorded, the next run imports them",
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func signalLeavesTheFilesForTheNextRun(signal: Int32, status: Int32) throws {
        // A simulated store at 50 ms a call, one at a time: the import takes over ten seconds.
        let fixture = try InboxFixture(extra: "jobs = 1")
        defer { fixture.remove() }
        let slow = try String(contentsOfFile: fixture.configuration, encoding: .utf8)
            .replacingOccurrences(
                of: "store = \"\(fixture.path("store.sqlite"))\"", with: "store = \"simulated:latency=50ms\"")
        try fixture.writeConfiguration(slow)
        try fixture.drop(sample: "customers.csv")
        try fixture.drop(sample: "users.csv")
        let running = try OnboardProcess.start(
            ["run", "--config", fixture.configuration], in: fixture.folder)
        let started = OnboardProcess.waitUntil {
            fixture.names(in: "reports").first.map { fixture.names(in: "reports/" + $0).contains("rejects") }
                ?? false
        }
        #expect(started, "the import started")
        Thread.sleep(forTimeInterval: 0.3)
        running.signal(signal)
        let run = running.wait()
        #expect(!run.wasKilled && run.status == status, "exits \(status) itself: \(run)")
        #expect(run.stdout.contains(": 2 not imported\n"), "the files were not imported to the end: \(run)")
        #expect(run.stdout.contains("Interrupted by "), "the import's report says so: \(run)")
        #expect(fixture.names(in: "inbox") == ["customers.csv", "users.csv"], "both still in the inbox")
        #expect(
            !FileManager.default.fileExists(atPath: fixture.path("inbox/archive/processed-files.txt")),
            "nothing recorded as processed")
        try fixture.writeConfiguration(
            slow.replacingOccurrences(of: "simulated:latency=50ms", with: "memory"))
        let next = try fixture.run()
        #expect(next.status == 0 && next.stdout.contains(": 2 imported\n"), "the next run finishes: \(next)")
    }
}
