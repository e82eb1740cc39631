import Foundation
import Testing

/// Every exit status `onboard import` can end with, each reached for real.
struct ImportExitStatusTests {
    static func sample(_ name: String) -> String {
        OnboardProcess.packageRoot.appendingPathComponent("samples/\(name)").path
    }

    /// Runs an import of sample files into a fresh SQLite store in `folder`.
    func runImport(_ folder: URL, _ arguments: [String]) throws -> OnboardRun {
        try OnboardProcess.run(
            [
                "import", "--store", folder.appendingPathComponent("store.sqlite").path, "--out",
                folder.appendingPathComponent("out").path,
            ] + arguments)
    }

    @Test func everythingAppliedIs0() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runImport(
            folder, ["--customers", Self.sample("customers.csv"), "--users", Self.sample("users.csv")])
        #expect(run.status == 0, "every sample row goes through: \(run)")
        #expect(run.stderr.isEmpty, "nothing on standard error: \(run)")
    }

    @Test func rejectedRowsAre1() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runImport(folder, ["--customers", Self.sample("customers-with-errors.csv")])
        #expect(run.status == 1, "9 of 14 rows rejected: \(run)")
        #expect(run.stderr.isEmpty, "the report on standard output says it all: \(run)")
    }

    @Test(
        "--max-reject-rate: 1 above the limit with a one-line message, 0 at or below it",
        arguments: [("10", Int32(1)), ("64", 1), ("65", 0), ("100%", 0)])
    func maxRejectRate(limit: String, status: Int32) throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runImport(
            folder, ["--customers", Self.sample("customers-with-errors.csv"), "--max-reject-rate", limit])
        #expect(run.status == status, "9 of 14 rejected (64.29 %) against \(limit): \(run)")
        if status == 1 {
            let percent = limit.hasSuffix("%") ? limit : limit + " %"
            #expect(
                run.stderr
                    == "onboard: error: 9 of 14 rows read were rejected (64.29 %), above the limit of \(percent) "
                    + "(--max-reject-rate); see the rejects files\n",
                "the message: \(run)")
        } else {
            #expect(run.stderr.isEmpty, "tolerated rejections print nothing on standard error: \(run)")
            #expect(run.stdout.contains("9 rejected"), "the report still shows them: \(run)")
        }
    }

    @Test(
        "a bad command line is 64",
        arguments: [
            ["--jobs", "0"], ["--max-reject-rate", "lots"], ["--wait", "-1"], ["--wait", "forever"],
        ])
    func usage(arguments: [String]) throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runImport(folder, ["--customers", Self.sample("customers.csv")] + arguments)
        #expect(run.status == 64, "\(arguments): \(run)")
    }

    @Test func anUnusableInputIs65() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("users.csv")
        try Data("colour,size\nred,big\n".utf8).write(to: input)
        let run = try runImport(folder, ["--users", input.path])
        #expect(run.status == 65, "a header onboard cannot map: \(run)")
    }

    @Test func aConfigurationWithMistakesIs65AndAMissingOneIs66() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("onboard.toml")
        try Data("jobs = 0\n[validation]\nmax-reject-rate = 5\n".utf8).write(to: config)
        let bad = try runImport(
            folder, ["--customers", Self.sample("customers.csv"), "--config", config.path])
        #expect(bad.status == 65, "mistakes in the file: \(bad)")
        #expect(bad.stderr.contains("\(config.path):1: error: jobs:"), "each mistake with its line: \(bad)")
        #expect(
            bad.stderr.contains("\(config.path):3: error: [validation].max-reject-rate:"),
            "all of them: \(bad)")
        let missing = try runImport(
            folder,
            [
                "--customers", Self.sample("customers.csv"), "--config",
                folder.appendingPathComponent("no.toml").path,
            ])
        #expect(missing.status == 66, "no such configuration file: \(missing)")
    }

    @Test func aMissingInputIs66() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runImport(folder, ["--customers", folder.appendingPathComponent("nope.csv").path])
        #expect(run.status == 66, "\(run)")
    }

    /// A missing folder is made (as for a new store); a "folder" that is a file cannot be.
    @Test func aStoreWhoseFolderCannotBeMadeIs74() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("file"))
        let store = folder.appendingPathComponent("file/store.sqlite").path
        let run = try OnboardProcess.run([
            "import", "--customers", Self.sample("customers.csv"), "--store", store, "--out",
            folder.appendingPathComponent("out").path,
        ])
        #expect(run.status == 74, "the lock file cannot be made: \(run)")
        #expect(
            run.stderr
                == "onboard: error: cannot lock the store \(store): \(store).lock: Not a directory\n",
            "one line saying why: \(run)")
    }
}
