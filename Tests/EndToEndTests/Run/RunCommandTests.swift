import Foundation
import Testing

/// `onboard run --config FILE` run as a program: the inbox imported, archived, never twice.
@Suite(.serialized)
struct RunCommandTests {
    @Test("customers and users files are imported, customers first, and archived under the run id")
    func inboxIsImportedAndArchived() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        // Names that sort users first: the header decides, not the name.
        try fixture.drop(sample: "users.csv", as: "a-people.csv")
        try fixture.drop(sample: "customers.csv", as: "b-companies.csv")
        let run = try fixture.run()
        #expect(run.status == 0, "every row applies: \(run)")
        let id = try #require(InboxFixture.runID(of: run), "the run id heads the output: \(run)")
        #expect(
            id.range(of: #"^\d{8}-\d{6}\.\d{3}-[0-9a-f]{6}$"#, options: .regularExpression) != nil,
            "id: \(id)")
        #expect(run.stdout.hasPrefix("Run \(id): 2 imported\n"), "\(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[1].hasPrefix("  imported          b-companies.csv (onboard's customers.csv) -> "),
            "the customers file goes first: \(run)")
        #expect(lines[2].hasPrefix("  imported          a-people.csv (onboard's users.csv) -> "), "\(run)")
        #expect(
            fixture.names(in: "inbox") == ["archive"],
            "nothing left in the inbox: \(fixture.names(in: "inbox"))")
        #expect(
            fixture.names(in: "inbox/archive/\(id)") == ["a-people.csv", "b-companies.csv"],
            "both archived under the run id")
        let rows = try fixture.rows(ofRun: id)
        #expect(rows["read"] == 222 && rows["created"] == 222, "16 tenants and 206 users created: \(rows)")
        let ledger = try String(
            contentsOfFile: fixture.path("inbox/archive/processed-files.txt"), encoding: .utf8)
        let entries = ledger.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(entries.count == 2, "one ledger line per imported file: \(ledger)")
        #expect(
            entries.allSatisfy { $0.split(separator: "\t").dropFirst().first == Substring(id) }, "\(ledger)")
    }

    @Test("the same files dropped again, under other names: archived as already processed, not imported")
    func sameContentIsNotImportedTwice() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "customers.csv")
        try fixture.drop(sample: "users.csv")
        let first = try fixture.run()
        let firstID = try #require(InboxFixture.runID(of: first), "\(first)")
        try fixture.drop(sample: "customers.csv")
        try fixture.drop(sample: "users.csv", as: "users-resent.csv")
        let second = try fixture.run()
        #expect(second.status == 0, "\(second)")
        let id = try #require(InboxFixture.runID(of: second), "\(second)")
        #expect(second.stdout.hasPrefix("Run \(id): 2 already processed\n"), "\(second)")
        #expect(
            second.stdout.contains(
                "  already processed users-resent.csv: the same content was imported by run \(firstID) as "
                    + "users.csv; not imported again -> \(fixture.path("inbox/archive/\(id)/users-resent.csv"))"
            ),
            "the summary says which run imported it: \(second)")
        #expect(fixture.names(in: "reports") == ["run-\(firstID)"], "no import, so no second output folder")
        #expect(
            fixture.names(in: "inbox/archive/\(id)") == ["customers.csv", "users-resent.csv"], "archived")
        #expect(fixture.names(in: "inbox") == ["archive"], "the inbox is empty again")
    }

    @Test(
        "a file that is not a CSV onboard knows goes to failed/ with its reason, and the status is 65",
        arguments: [
            (
                "notes.txt", Data("Remember to call Contoso on Monday.\n".utf8),
                "the header matches none of the known formats"
            ),
            (
                "scan.csv", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]),
                "the header line is not readable CSV"
            ),
            ("empty.csv", Data(), "the file is empty: a header line is needed"),
        ])
    func unusableFileGoesToFailed(name: String, bytes: Data, reason: String) throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(bytes, as: name)
        let run = try fixture.run()
        #expect(run.status == 65, "\(run)")
        let id = try #require(InboxFixture.runID(of: run), "\(run)")
        #expect(run.stdout.hasPrefix("Run \(id): 1 failed\n  failed            \(name): "), "\(run)")
        #expect(
            fixture.names(in: "inbox/failed/\(id)") == [name, name + ".reason.txt"], "moved with its reason")
        let text = try String(
            contentsOfFile: fixture.path("inbox/failed/\(id)/\(name).reason.txt"), encoding: .utf8)
        #expect(text.hasPrefix("onboard run \(id) could not use \(name):\n"), "\(text)")
        #expect(text.contains(reason), "the reason says what is wrong (\(reason)): \(text)")
        #expect(fixture.names(in: "inbox") == ["failed"], "the inbox is empty: \(fixture.names(in: "inbox"))")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("reports")), "nothing imported")
    }

    @Test("an empty inbox: exit 0, no output, no folder or store made")
    func emptyInboxIsQuiet() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        let run = try fixture.run()
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run)")
        #expect(
            fixture.names(in: ".") == ["inbox", "onboard.toml"], "nothing made: \(fixture.names(in: "."))")
        #expect(fixture.names(in: "inbox").isEmpty, "no archive or failed folder")
    }

    @Test(
        "files being written are left alone: dot-files, *.tmp, *.part, and files changed within wait-seconds")
    func filesInProgressAreLeftAlone() throws {
        let fixture = try InboxFixture(waitSeconds: 600)
        defer { fixture.remove() }
        for name in [".users.csv", "users.csv.tmp", "users.CSV.PART", "users.csv"] {
            try fixture.drop(sample: "users.csv", as: name)
        }
        let run = try fixture.run()
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run)")
        #expect(
            fixture.names(in: "inbox") == [".users.csv", "users.CSV.PART", "users.csv", "users.csv.tmp"],
            "all still there")
        // Once it is older than wait-seconds, it is taken.
        let old = Date(timeIntervalSinceNow: -601)
        try FileManager.default.setAttributes(
            [.modificationDate: old], ofItemAtPath: fixture.path("inbox/users.csv"))
        let later = try fixture.run()
        #expect(later.stdout.hasPrefix("Run "), "the settled file is taken: \(later)")
        #expect(
            fixture.names(in: "inbox") == [".users.csv", "archive", "users.CSV.PART", "users.csv.tmp"],
            "only the settled file moved: \(fixture.names(in: "inbox"))")
    }

    @Test("rejected rows: the files are imported and archived anyway, and the status is 1")
    func rejectedRowsExitOne() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "customers.csv")
        try fixture.drop(sample: "users-with-errors.csv")
        let run = try fixture.run()
        #expect(run.status == 1, "\(run)")
        let id = try #require(InboxFixture.runID(of: run), "\(run)")
        #expect(run.stdout.contains("Users: "), "the import's report follows the file lines: \(run)")
        #expect(
            fixture.names(in: "inbox/archive/\(id)") == ["customers.csv", "users-with-errors.csv"], "\(run)")
        #expect(fixture.names(in: "reports/run-\(id)").contains("rejects"), "rejects/ in the output folder")
    }

    @Test("--max-reject-rate: rejected rows within the limit exit 0, above it 1")
    func rejectRateLimit() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "customers.csv")
        try fixture.drop(sample: "users-with-errors.csv")
        let run = try fixture.run(["--max-reject-rate", "90"])
        #expect(run.status == 0, "within 90 %: \(run)")
        try fixture.drop(sample: "users-with-errors.csv", as: "users-fixed.csv")
        try fixture.drop(Data("\n".utf8), as: "pad.csv")
        let again = try fixture.run(["--max-reject-rate", "90"])
        #expect(again.status == 65, "a failed file outweighs a tolerated reject rate: \(again)")
    }

    @Test("the import cannot write its output: 74, and its files stay in the inbox, unrecorded")
    func importFailureLeavesTheFiles() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "customers.csv")
        try Data().write(to: URL(fileURLWithPath: fixture.path("reports")))  // a file where the folder should be
        let run = try fixture.run()
        #expect(run.status == 74, "\(run)")
        let id = try #require(InboxFixture.runID(of: run), "\(run)")
        #expect(
            run.stdout.hasPrefix(
                "Run \(id): 1 not imported\n  not imported      customers.csv: the import did not finish; left in "
                    + "the inbox for the next run\n"), "\(run)")
        #expect(run.stderr.contains("onboard: error: "), "the import's error: \(run)")
        #expect(fixture.names(in: "inbox") == ["customers.csv"], "still there, nothing archived")
        try FileManager.default.removeItem(atPath: fixture.path("reports"))
        let next = try fixture.run()
        #expect(
            next.status == 0 && next.stdout.contains(": 1 imported\n"), "the next run imports it: \(next)")
    }

    @Test("--json: the import's summary.json on standard output; nothing when nothing was imported")
    func jsonPrintsTheSummary() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        let idle = try fixture.run(["--json"])
        #expect(idle.status == 0 && idle.stdout.isEmpty, "\(idle)")
        try fixture.drop(sample: "customers.csv")
        let run = try fixture.run(["--json"])
        #expect(run.status == 0, "\(run)")
        let summary = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any]
        let rows = summary?["rows"] as? [String: Int] ?? [:]
        #expect(rows["read"] == 16 && rows["created"] == 16, "summary.json of the import: \(run)")
    }

    @Test("a bad option: 64")
    func badOption() throws {
        let run = try OnboardProcess.run(["run", "--inbox-folder", "x"])
        #expect(run.status == 64, "\(run)")
    }

    @Test("two customers files: one per run, the users files wait for the last one")
    func oneCustomersFilePerRun() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "customers.csv", as: "customers-1.csv")
        try fixture.drop(sample: "customers-with-errors.csv", as: "customers-2.csv")
        try fixture.drop(sample: "users.csv")
        let first = try fixture.run()
        let firstID = try #require(InboxFixture.runID(of: first), "\(first)")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.hasPrefix("Run \(firstID): 1 imported, 2 waiting\n"), "\(first)")
        #expect(fixture.names(in: "inbox/archive/\(firstID)") == ["customers-1.csv"], "\(first)")
        let second = try fixture.run()
        let secondID = try #require(InboxFixture.runID(of: second), "\(second)")
        #expect(second.status == 1, "customers-with-errors has rejected rows: \(second)")
        #expect(second.stdout.hasPrefix("Run \(secondID): 2 imported\n"), "\(second)")
        #expect(firstID < secondID, "run ids sort by time: \(firstID) \(secondID)")
        let rows = try fixture.rows(ofRun: secondID)
        #expect(rows["created"].map { $0 >= 206 } == true, "every user's tenant existed: \(rows)")
    }

    @Test("a configuration file with mistakes: every mistake printed, status 65, nothing touched")
    func configurationWithMistakes() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        try fixture.drop(sample: "users.csv")
        try fixture.writeConfiguration("[inbox]\ninbox = 5\nwait-seconds = -1\n")
        let run = try fixture.run()
        #expect(run.status == 65, "\(run)")
        #expect(
            run.stderr == """
                \(fixture.configuration):2: error: [inbox].inbox: must be a string, not an integer (5)
                \(fixture.configuration):3: error: [inbox].wait-seconds: -1 is out of range; use a number of seconds from 0 to 86400

                """, "\(run)")
        #expect(run.stdout.isEmpty && fixture.names(in: "inbox") == ["users.csv"], "nothing done: \(run)")
    }

    @Test("no such configuration file: 66; no such inbox folder: 66 with what to do")
    func missingFiles() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        let noFile = try OnboardProcess.run(["run", "--config", fixture.path("nope.toml")])
        #expect(noFile.status == 66, "\(noFile)")
        #expect(
            noFile.stderr == "\(fixture.path("nope.toml")): error: no such file; check the path\n",
            "\(noFile)")
        try FileManager.default.removeItem(atPath: fixture.path("inbox"))
        let noInbox = try fixture.run()
        #expect(noInbox.status == 66, "\(noInbox)")
        #expect(
            noInbox.stderr
                == "onboard: error: \(fixture.path("inbox")): the inbox folder does not exist; create it or fix [inbox].inbox\n",
            "\(noInbox)")
    }
}

/// The configuration README's "Running from cron" section points to.
struct CronExampleTests {
    @Test func theCronExampleConfigurationIsAccepted() throws {
        let example = OnboardProcess.packageRoot.appendingPathComponent("docs/onboard-cron.toml").path
        let run = try OnboardProcess.run(["config", "check", example])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("inbox = \"/srv/onboard/inbox\"\n"), "its inbox is the README's: \(run)")
        #expect(run.stdout.contains("wait-seconds = 60\n"), "\(run)")
    }
}

/// README's crontab line, run the way cron runs it: `/bin/sh -c`, an empty environment but a minimal
/// `PATH`, another current folder, no terminal.
@Suite(.serialized)
struct CrontabLineTests {
    /// The command part of README's crontab line (after the five time fields), for `fixture`.
    func command(for fixture: InboxFixture) throws -> String {
        let readme = try String(
            contentsOf: OnboardProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(
            readme.components(separatedBy: "<!-- crontab -->\n```crontab\n").dropFirst().first)
        let line = try #require(block.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix("*/5 * * * * "), "a crontab line: \(line)")
        #expect(!line.contains("%"), "cron turns % into a line break")
        return line.split(separator: " ", maxSplits: 5).last.map(String.init)!
            .replacingOccurrences(of: "/usr/local/bin/onboard", with: OnboardProcess.binary.path)
            .replacingOccurrences(of: "/srv/onboard", with: fixture.folder.path)
    }

    func runAsCron(_ command: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ["PATH": "/usr/bin:/bin", "SHELL": "/bin/sh"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(
        "silent when the inbox is empty or imports cleanly; one line to mail when the run fails",
        .disabled(
            if: OnboardProcess.sanitizer != nil,
            "the crontab line runs with an empty environment, without the sanitizer's options"))
    func crontabLineWorksAsWritten() throws {
        let fixture = try InboxFixture()
        defer { fixture.remove() }
        let command = try command(for: fixture)
        let idle = try runAsCron(command)
        #expect(idle.status == 0 && idle.output.isEmpty, "an empty inbox: no mail: \(idle)")
        try fixture.drop(sample: "customers.csv")
        let clean = try runAsCron(command)
        #expect(clean.status == 0 && clean.output.isEmpty, "a clean import: no mail: \(clean)")
        try fixture.drop(Data("not a spreadsheet\n".utf8), as: "notes.txt")
        let failed = try runAsCron(command)
        #expect(
            failed.output == "onboard run failed with status 65; see \(fixture.path("onboard-run.log"))\n",
            "a failure: one line to mail: \(failed)")
        let log = try String(contentsOfFile: fixture.path("onboard-run.log"), encoding: .utf8)
        #expect(
            log.contains(": 1 imported\n") && log.contains(": 1 failed\n"), "the log has both runs: \(log)")
    }
}
