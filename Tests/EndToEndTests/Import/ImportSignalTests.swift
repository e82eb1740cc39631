import Foundation
import Testing

/// SIGINT and SIGTERM stop an import cleanly: reading stops, the rows in flight finish, the reports
/// are written marked interrupted, the lock is let go, and the exit status is 130 or 143.
@Suite(.serialized)
struct ImportSignalTests {
    /// An import of the samples into a simulated directory slow enough (50 ms per call, one at a
    /// time: over ten seconds in all) for a signal to land mid-run.
    func slowImport(_ folder: URL) -> [String] {
        [
            "import", "--customers", ImportExitStatusTests.sample("customers.csv"), "--users",
            ImportExitStatusTests.sample("users.csv"), "--directory", "simulated:latency=50ms", "--jobs", "1",
            "--batch-size", "1", "--out", folder.appendingPathComponent("out").path,
        ]
    }

    /// Starts `arguments` and waits until the run is under way (its output folder exists): signal
    /// handling is installed before that.
    func startRunning(_ arguments: [String], out: URL) throws -> RunningOnboard {
        let running = try OnboardProcess.start(arguments)
        let started = OnboardProcess.waitUntil {
            FileManager.default.fileExists(atPath: out.appendingPathComponent("rejects").path)
        }
        #expect(started, "the run started")
        Thread.sleep(forTimeInterval: 0.3)
        return running
    }

    func summary(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("out/summary.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test(arguments: [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, 143, "SIGTERM")])
    func aSignalStopsTheRunWithItsReportsMarkedInterrupted(signal: Int32, status: Int32, name: String) throws
    {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let running = try startRunning(slowImport(folder), out: folder.appendingPathComponent("out"))
        let clock = ContinuousClock()
        let sent = clock.now
        running.signal(signal)
        let run = running.wait()
        #expect(!run.wasKilled && run.status == status, "exits \(status) itself: \(run)")
        #expect(clock.now - sent < .seconds(5), "stops soon, not after every row: \(clock.now - sent)")
        #expect(
            run.stderr.hasPrefix(
                "onboard: \(name) received: finishing the rows in flight and writing the reports (send it again to stop at once)\n"
            ), "says what it does: \(run)")
        #expect(
            run.stderr.hasSuffix(
                "onboard: interrupted by \(name): the reports cover the rows read until then; run the same command again to finish\n"
            ), "and what to do: \(run)")
        let summary = try summary(folder)
        #expect(summary["interrupted"] as? String == name, "summary.json names the signal: \(summary)")
        let rows = summary["rows"] as? [String: Int] ?? [:]
        #expect((rows["read"] ?? 0) > 0 && (rows["read"] ?? 0) < 222, "the rows read, not all 222: \(rows)")
        let xml = try String(contentsOf: folder.appendingPathComponent("out/report.xml"), encoding: .utf8)
        #expect(xml.contains("interrupted=\"true\" signal=\"\(name)\""), "report.xml says so")
        #expect(
            run.stdout.contains("Interrupted by \(name) after \(rows["read"] ?? -1) rows"),
            "the text report too: \(run)")
    }

    @Test func aSecondSignalEndsTheRunAtOnceWithoutReports() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 400 ms per call: the rows in flight take seconds to finish after the first signal.
        var arguments = slowImport(folder)
        arguments[arguments.firstIndex(of: "simulated:latency=50ms")!] = "simulated:latency=400ms"
        let running = try startRunning(arguments, out: folder.appendingPathComponent("out"))
        running.signal(SIGTERM)
        Thread.sleep(forTimeInterval: 0.1)
        let clock = ContinuousClock()
        let sent = clock.now
        running.signal(SIGTERM)
        let run = running.wait()
        #expect(run.status == 143, "the second SIGTERM's status: \(run)")
        // A sanitized binary runs several times slower: "at once" is then a few seconds.
        let bound: Duration = OnboardProcess.sanitizer == nil ? .seconds(1) : .seconds(3)
        #expect(clock.now - sent < bound, "at once: \(clock.now - sent)")
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/summary.json").path),
            "no report was finished")
    }

    @Test func aRunStoppedBySIGTERMThenRunAgainEndsWithTheStoreOfOneUninterruptedRun() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        // Enough rows, in small batches, that the signal lands mid-run also on a fast machine.
        try fixture.generate(customers: 40, users: 6000)
        let extra = ["--batch-size", "5", "--jobs", "2"]
        let reference = try fixture.runImport(store: "reference.sqlite", out: "reference", extra: extra)
        #expect(reference.status == 1, "the generated inputs have rejected rows: \(reference)")

        let stopped = try startRunning(
            fixture.importArguments(store: "store.sqlite", out: "stopped", extra: extra),
            out: fixture.folder.appendingPathComponent("stopped"))
        stopped.signal(SIGTERM)
        let interrupted = stopped.wait()
        #expect(interrupted.status == 143, "stopped by SIGTERM: \(interrupted)")
        let summary = try fixture.summary("stopped")
        #expect(summary["interrupted"] as? String == "SIGTERM", "marked interrupted: \(summary)")
        let read = (summary["rows"] as? [String: Int])?["read"] ?? -1
        #expect(read >= 0 && read < 6040, "stopped before the end: \(read) rows read")
        #expect(
            (try? String(contentsOfFile: fixture.path("store.sqlite.lock"), encoding: .utf8)) == "",
            "the lock was let go")

        let again = try fixture.runImport(store: "store.sqlite", out: "again", extra: extra)
        #expect(again.status == 1, "the rerun finishes (rows rejected as in the reference): \(again)")
        let expected = try StoreContents(path: fixture.path("reference.sqlite"))
        let actual = try StoreContents(path: fixture.path("store.sqlite"))
        #expect(actual == expected, "the store is as after one uninterrupted run: \(actual) vs \(expected)")
        #expect(actual.users.count > 500, "the users were created: \(actual)")
    }
}
