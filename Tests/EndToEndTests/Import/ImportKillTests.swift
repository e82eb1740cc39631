import DirectoryStore
import Foundation
import OnboardCore
import Testing

/// `onboard import` killed (SIGKILL) at random moments, again and again on the same store, then run
/// to the end: the store ends as after one uninterrupted run, and every account's current password is
/// on exactly one credential sheet entry that is its latest.
@Suite(.serialized)
struct ImportKillTests {
    /// Starts an import and kills it after `delay`; returns whether it was still running then.
    func startAndKill(_ arguments: [String], after delay: Duration) throws -> Bool {
        let process = Process()
        process.executableURL = OnboardProcess.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(
            forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) * 1e-18)
        let running = process.isRunning
        if running { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return running
    }

    @Test(
        "killed at 12 random points, the import run again ends with the uninterrupted run's store and every password delivered once"
    )
    func killedImportsRecover() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        try fixture.generate(customers: 30, users: 3000)

        // The uninterrupted reference, timed to spread the kill points over a whole run.
        let clock = ContinuousClock()
        let start = clock.now
        let reference = try fixture.runImport(
            store: "reference.sqlite", out: "reference", extra: ["--batch-size", "50"])
        let duration = clock.now - start
        #expect(reference.status == 1, "the generated inputs have rejected rows: \(reference)")

        // Seeded, so the kill points repeat.
        var generator = SplitMix64(seed: 20_261_125)
        var runs: [String] = []
        var points: [String] = []
        var killedCount = 0
        // Until 12 runs were killed while running (a run that finished first, on a busy machine or
        // because reruns skip what is done, does not count), at most 40 tries.
        var index = 0
        while killedCount < 12 && index < 40 {
            defer { index += 1 }
            let fraction = Double(generator.next() % 1000) / 1000
            // Reruns skip what is done, so they are shorter than the reference: kill early in it, and
            // earlier after each run that finished first.
            let reach = 0.68 * pow(0.8, Double(index - killedCount))
            let delay = duration * (0.02 + reach * fraction)
            let out = "killed-\(index)"
            let killed = try startAndKill(
                fixture.importArguments(store: "store.sqlite", out: out, extra: ["--batch-size", "50"]),
                after: delay)
            runs.append(out)
            if killed { killedCount += 1 }
            points.append("\(out): \(delay)\(killed ? "" : " (finished first)")")
        }
        let final = try fixture.runImport(store: "store.sqlite", out: "final", extra: ["--batch-size", "50"])
        runs.append("final")
        let where_ = "kill points over a \(duration) run:\n" + points.joined(separator: "\n")
        #expect(
            final.status == 1,
            "the last run should finish (rows rejected as in the reference): \(final)\n\(where_)")

        let expected = try StoreContents(path: fixture.path("reference.sqlite"))
        let actual = try StoreContents(path: fixture.path("store.sqlite"))
        #expect(
            actual == expected,
            "the store should be as after one uninterrupted run (\(actual) vs \(expected))\n\(where_)")

        let digests = try SQLiteDirectory(path: fixture.path("store.sqlite")).deliveredDigests()
        let entries = try fixture.sheetEntries(runs: runs)
        var byAccount: [String: [SheetEntry]] = [:]
        for entry in entries { byAccount[entry.signInName.lowercased(), default: []].append(entry) }
        var problems: [String] = []
        for user in actual.users {
            let key = user.key.rawValue
            guard let recorded = digests[key], let digest = recorded else {
                problems.append("\(key): no delivered password recorded")
                continue
            }
            let accountEntries = byAccount[user.userPrincipalName.rawValue.lowercased()] ?? []
            guard let latest = accountEntries.last else {
                problems.append("\(key): on no credential sheet")
                continue
            }
            if !digest.matches(latest.password) {
                problems.append(
                    "\(key): the latest entry (run \(runs[latest.run])) is not the current password")
            }
            let verifying = accountEntries.filter { digest.matches($0.password) }
            if verifying.count > 1 {
                problems.append("\(key): \(verifying.count) entries hold the current password")
            }
        }
        #expect(
            problems.isEmpty,
            "\(problems.count) accounts break the invariant:\n\(problems.prefix(20).joined(separator: "\n"))\n\(where_)"
        )
        #expect(killedCount >= 10, "at least 10 runs should be killed while running:\n\(where_)")
        #expect(actual.users.count > 2000, "the run should have created the users (\(actual))")
    }
}
