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

/// The log lines `onboard import` writes on standard error.
struct ImportLoggingTests {
    @Test func importLogsItsStartAndEndAsJSONAndNoGeneratedPassword() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = OnboardProcess.packageRoot.appendingPathComponent("samples")
        let out = folder.appendingPathComponent("import")
        let run = try OnboardProcess.run([
            "import", "--customers", samples.appendingPathComponent("customers.csv").path, "--users",
            samples.appendingPathComponent("users.csv").path, "--store",
            folder.appendingPathComponent("store.sqlite").path, "--out", out.path, "--log-format", "json",
        ])
        #expect(run.status == 0, "\(run)")
        let objects = run.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(
            objects.map { $0["message"] as? String } == ["import started", "import finished"],
            "start and end: \(run)")
        let end = objects.last?["metadata"] as? [String: Any]
        #expect(end?["rows.created"] as? Int == 222 && end?["retries"] as? Int == 0, "totals: \(run)")

        // Every password the run generated is on a credential sheet, and none of them in the log.
        let sheets = try FileManager.default.contentsOfDirectory(
            at: out.appendingPathComponent("credentials"), includingPropertiesForKeys: nil
        ).filter { $0.lastPathComponent.hasPrefix("tenant-") && $0.pathExtension == "csv" }
        var passwords: [String] = []
        for sheet in sheets {
            // Sheets end lines with CRLF for Excel: "\r\n" is one Character, so split on any newline.
            let lines = try String(contentsOf: sheet, encoding: .utf8).split(whereSeparator: \.isNewline)
            guard let column = lines.first?.split(separator: ",").firstIndex(of: "temporary_password") else {
                continue
            }
            passwords += lines.dropFirst().compactMap { line in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                return column < fields.count ? String(fields[column]) : nil
            }
        }
        #expect(passwords.count == 222, "one password per account created: \(passwords.count)")
        for password in passwords where password.count >= 8 {
            #expect(!run.stderr.contains(password) && !run.stdout.contains(password), "password not logged")
        }
    }
}
