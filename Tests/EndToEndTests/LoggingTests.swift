import Foundation
import Testing

/// The log lines `onboard plan` writes on standard error.
struct LoggingTests {
    func plan(_ extra: [String]) throws -> OnboardRun {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = OnboardProcess.packageRoot.appendingPathComponent("samples")
        return try OnboardProcess.run(
            [
                "plan", "--customers", samples.appendingPathComponent("customers.csv").path, "--users",
                samples.appendingPathComponent("users-with-errors.csv").path, "--out",
                folder.appendingPathComponent("plan").path,
            ] + extra)
    }

    @Test func jsonLogLinesAreOneObjectEachWithDottedKeysAndNoPassword() throws {
        let run = try plan(["--log-format", "json"])
        #expect(run.status == 1, "rows rejected: \(run)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let objects = lines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == lines.count && lines.count == 4, "every line is a JSON object: \(run)")
        #expect(
            objects.map { $0["message"] as? String } == [
                "plan started", "input read", "input read", "plan finished",
            ],
            "start, one line per input, end: \(run)")
        let users = objects[2]["metadata"] as? [String: Any]
        #expect(users?["file.format"] as? String == "users", "detected format: \(run)")
        #expect(users?["rows.read"] as? Int == 19 && users?["rows.rejected"] as? Int == 13, "counts: \(run)")
        #expect((objects[3]["metadata"] as? [String: Any])?["rows.read"] as? Int == 35, "totals: \(run)")
        // The sample's supplied passwords (weak and strong ones) never reach a log line.
        let samples = try String(
            contentsOf: OnboardProcess.packageRoot.appendingPathComponent("samples/users-with-errors.csv"),
            encoding: .utf8)
        let passwordColumn = samples.split(separator: "\n")[0].split(separator: ",").firstIndex(
            of: "password")
        for row in samples.split(separator: "\n").dropFirst() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            if let column = passwordColumn, column < fields.count, fields[column].count >= 4 {
                #expect(!run.stderr.contains(fields[column]), "password \(fields[column]) not logged")
            }
        }
    }

    @Test func textLogsStayQuietByDefaultAndTellTheRunWithVerbose() throws {
        let run = try plan([])
        #expect(run.stderr.isEmpty, "a clean run logs nothing in text format (cron mail stays clean): \(run)")
        let verbose = try plan(["--verbose"])
        #expect(
            verbose.stderr.hasPrefix("INFO plan started files.customers=1 files.users=1 out.path="), "\(verbose)")
        #expect(verbose.stderr.split(separator: "\n").count >= 4, "\(verbose)")
    }
}
