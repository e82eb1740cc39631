import Foundation
import Testing

/// What a person sees: the progress line on a terminal only, `--quiet`, `NO_COLOR`; `--json` and
/// `--config` for scripts and cron.
@Suite(.serialized)
struct ImportTerminalTests {
    /// An import slow enough (10 ms per directory call, one at a time) for the progress line to be
    /// drawn several times: a second or two.
    func slowImport(_ folder: URL, users: String = "users-with-errors.csv") -> [String] {
        [
            "import", "--customers", ImportExitStatusTests.sample("customers.csv"), "--users",
            ImportExitStatusTests.sample(users), "--directory", "simulated:latency=10ms", "--jobs", "1",
            "--batch-size", "1", "--out", folder.appendingPathComponent("out").path,
        ]
    }

    @Test func withoutATerminalStandardErrorGetsNoProgressAndNoEscapeCode() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.run(slowImport(folder), environment: ["NO_COLOR": ""])
        #expect(run.status == 1, "rows rejected: \(run)")
        #expect(run.stderr.isEmpty, "nothing on standard error for cron's mail: \(run)")
        #expect(
            !run.stdout.contains("\u{1B}") && !run.stdout.contains("\r"), "no escape code, no redraw: \(run)")
    }

    @Test func onATerminalAProgressLineIsRedrawnInPlaceThenWiped() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.runOnTerminal(slowImport(folder), environment: ["NO_COLOR": ""])
        #expect(run.status == 1, "rows rejected: \(run)")
        let draws = run.stdout.components(separatedBy: "\rimport: ").count - 1
        #expect(draws >= 3, "redrawn several times: \(draws)\n\(run.stdout.debugDescription)")
        #expect(
            run.stdout.contains(" of 35 rows · "),
            "rows read of the surveyed total: \(run.stdout.debugDescription)")
        #expect(run.stdout.contains(" rows/s · ") && run.stdout.contains(" tenants done"), "rate and tenants")
        #expect(run.stdout.contains("\u{1B}[33m"), "rejected rows in colour when allowed")
        // The line is wiped before the report: the report starts on a clean line.
        let beforeReport = try #require(run.stdout.components(separatedBy: "Tenants:").first)
        #expect(
            beforeReport.hasSuffix(" \r"),
            "spaces then \\r wipe the line: \(beforeReport.suffix(80).debugDescription)")
    }

    @Test func noColourWithNO_COLOR() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.runOnTerminal(slowImport(folder), environment: ["NO_COLOR": "1"])
        #expect(
            run.stdout.contains("\rimport: "), "the progress line is there: \(run.stdout.debugDescription)")
        #expect(!run.stdout.contains("\u{1B}"), "but no escape code: \(run.stdout.debugDescription)")
    }

    @Test func noProgressLineWithQuiet() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.runOnTerminal(slowImport(folder) + ["--quiet"])
        #expect(run.status == 1, "\(run)")
        #expect(!run.stdout.contains("\rimport: "), "no progress line: \(run.stdout.debugDescription)")
        #expect(
            run.stdout.contains("Tenants:"), "the report is still printed: \(run.stdout.debugDescription)")
    }

    @Test(arguments: ["import", "plan"])
    func jsonPrintsExactlyTheSummary(command: String) throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.run([
            command, "--customers", ImportExitStatusTests.sample("customers-with-errors.csv"), "--directory",
            "memory",
            "--out", folder.appendingPathComponent("out").path, "--json",
        ])
        #expect(run.status == 1, "rows rejected: \(run)")
        let written = try Data(contentsOf: folder.appendingPathComponent("out/summary.json"))
        #expect(run.stdoutBytes == written, "standard output is summary.json, byte for byte: \(run)")
        let summary = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any]
        #expect((summary?["rows"] as? [String: Int])?["rejected"] == 9, "and parses: \(run)")
    }

    @Test func theConfigurationFileGivesTheSettingsAndTheCommandLineOverridesThem() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("onboard.toml")
        try Data(
            """
            store = "memory"
            out = "\(folder.appendingPathComponent("from-file").path)"
            [validation]
            max-reject-rate = 0.7

            """.utf8
        ).write(to: config)
        let customers = ImportExitStatusTests.sample("customers-with-errors.csv")
        let fromFile = try OnboardProcess.run(["import", "--config", config.path, "--customers", customers])
        #expect(fromFile.status == 0, "64.29 % rejected is within the file's 70 %: \(fromFile)")
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("from-file/summary.json").path),
            "the file's output folder")
        let overridden = try OnboardProcess.run([
            "import", "--config", config.path, "--customers", customers, "--max-reject-rate", "50", "--out",
            folder.appendingPathComponent("from-option").path,
        ])
        #expect(overridden.status == 1, "the option's 50 % wins over the file's 70 %: \(overridden)")
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("from-option/summary.json").path),
            "the option's output folder wins")
        let plan = try OnboardProcess.run([
            "plan", "--config", config.path, "--customers", customers, "--out",
            folder.appendingPathComponent("plan").path,
        ])
        #expect(plan.status == 0, "plan reads the same file: \(plan)")
    }
}
