import DirectoryStore
import Foundation
import Testing

/// `onboard import` run as a program: idempotence, jobs equivalence, summary, secrets, file modes.
@Suite(.serialized)
struct ImportCommandTests {
    static func sample(_ name: String) -> String {
        OnboardProcess.packageRoot.appendingPathComponent("samples/\(name)").path
    }

    func counts(_ summary: [String: Any], _ key: String) -> [String: Int] {
        summary[key] as? [String: Int] ?? [:]
    }

    @Test("importing the samples twice: everything created, then everything unchanged")
    func secondImportIsUnchanged() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let arguments = ["--customers", Self.sample("customers.csv"), "--users", Self.sample("users.csv")]
        let first = try OnboardProcess.run(
            ["import"] + arguments + ["--store", fixture.path("s.sqlite"), "--out", fixture.path("one")])
        #expect(first.status == 0, "every sample row applies: \(first)")
        let rows = counts(try fixture.summary("one"), "rows")
        #expect(rows["read"] == 222 && rows["created"] == 222, "16 tenants and 206 users created: \(rows)")
        let second = try OnboardProcess.run(
            ["import"] + arguments + ["--store", fixture.path("s.sqlite"), "--out", fixture.path("two")])
        #expect(second.status == 0, "the second import succeeds: \(second)")
        let again = counts(try fixture.summary("two"), "rows")
        #expect(
            again["unchanged"] == 222 && again["created"] == 0 && again["updated"] == 0,
            "all unchanged: \(again)")
        #expect(try fixture.secrets(in: "two").isEmpty, "no account created, so no password handed out")
    }

    @Test("--deterministic: two imports of the same input into new stores give byte-identical reports")
    func deterministicImportsGiveIdenticalReports() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let arguments = [
            "import", "--customers", Self.sample("customers.csv"), "--users",
            Self.sample("users-with-errors.csv"),
            "--store", fixture.path("s.sqlite"), "--out", fixture.path("out"), "--deterministic", "--seed",
            "9",
        ]
        var reports: [[Data]] = []
        for _ in 0..<2 {
            try? FileManager.default.removeItem(atPath: fixture.path("out"))
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: fixture.path("s.sqlite" + suffix))
            }
            let run = try OnboardProcess.run(arguments)
            #expect(run.status == 1, "some sample rows are rejected: \(run)")
            reports.append(
                try ["report.xml", "report.html", "summary.json"].map {
                    try Data(contentsOf: URL(fileURLWithPath: fixture.path("out/\($0)")))
                })
        }
        #expect(reports[0] == reports[1], "same bytes in report.xml, report.html and summary.json")
        let sheets = try FileManager.default.contentsOfDirectory(atPath: fixture.path("out/credentials"))
        #expect(!sheets.isEmpty, "accounts were created, with random passwords on their sheets")
    }

    @Test("a changed attribute is an update, not a new user")
    func changedAttributeIsUpdate() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let users = try String(contentsOfFile: Self.sample("users.csv"), encoding: .utf8)
        let lines = users.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "job_title"), "users.csv has a job_title column")
        var changed = lines
        var fields = changed[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column] = "Chief Tester"
        changed[1] = fields.joined(separator: ",")
        try users.write(toFile: fixture.path("users.csv"), atomically: true, encoding: .utf8)
        try changed.joined(separator: "\n").write(
            toFile: fixture.path("users-changed.csv"), atomically: true, encoding: .utf8)
        let base = [
            "import", "--customers", Self.sample("customers.csv"), "--store", fixture.path("s.sqlite"),
        ]
        _ = try OnboardProcess.run(
            base + ["--users", fixture.path("users.csv"), "--out", fixture.path("one")])
        let run = try OnboardProcess.run(
            base + ["--users", fixture.path("users-changed.csv"), "--out", fixture.path("two")])
        #expect(run.status == 0, "the changed import succeeds: \(run)")
        let users2 = counts(try fixture.summary("two"), "users")
        #expect(
            users2["updated"] == 1 && users2["created"] == 0 && users2["unchanged"] == 205,
            "one update: \(users2)")
    }

    @Test("--jobs 1 and --jobs 16 give the same outcomes and the same store")
    func jobsDoNotChangeResults() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        try fixture.generate(customers: 20, users: 1500, seed: 11)
        let one = try fixture.runImport(
            store: "one.sqlite", out: "one", extra: ["--jobs", "1", "--batch-size", "25"])
        let many = try fixture.runImport(
            store: "many.sqlite", out: "many", extra: ["--jobs", "16", "--batch-size", "25"])
        #expect(one.status == many.status, "same exit status: \(one.status) vs \(many.status)")
        for key in ["rows", "customers", "users"] {
            #expect(
                counts(try fixture.summary("one"), key) == counts(try fixture.summary("many"), key),
                "same \(key) counts")
        }
        #expect(
            one.stdout
                == many.stdout.replacingOccurrences(of: fixture.path("many"), with: fixture.path("one")),
            "same report, line for line")
        let rejectsOne = try String(
            contentsOfFile: fixture.path("one/rejects/users.rejects.csv"), encoding: .utf8)
        let rejectsMany = try String(
            contentsOfFile: fixture.path("many/rejects/users.rejects.csv"), encoding: .utf8)
        #expect(rejectsOne == rejectsMany, "same rejects file, in input order")
        #expect(
            try StoreContents(path: fixture.path("one.sqlite"))
                == StoreContents(path: fixture.path("many.sqlite")),
            "same store")
    }

    @Test(
        "secrets are only on the sheets: not in the store file, summary, rejects or output; modes 0600/0700")
    func secretsStayOnSheets() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let run = try OnboardProcess.run([
            "import", "--customers", Self.sample("customers.csv"), "--users",
            Self.sample("users-with-errors.csv"),
            "--store", fixture.path("s.sqlite"), "--out", fixture.path("out"),
        ])
        #expect(run.status == 1, "rows of users-with-errors.csv are rejected: \(run)")
        let secrets = try fixture.secrets(in: "out")
        #expect(
            secrets.count >= 16 + 6 + 16 * 3, "admins, created users and partner secrets: \(secrets.count)")
        // The store and its WAL, checkpointed or not.
        var haystacks: [(String, Data)] = [
            ("stdout", Data(run.stdout.utf8)), ("stderr", Data(run.stderr.utf8)),
        ]
        for name in [
            "s.sqlite", "s.sqlite-wal", "out/summary.json", "out/rejects/users-with-errors.rejects.csv",
            "out/rejects/customers.rejects.csv", "out/report.xml", "out/report.html",
        ] {
            if let data = FileManager.default.contents(atPath: fixture.path(name)) {
                haystacks.append((name, data))
            }
        }
        for secret in secrets {
            for (name, data) in haystacks {
                #expect(data.range(of: Data(secret.utf8)) == nil, "a secret appears in \(name)")
            }
        }
        let credentials = fixture.path("out/credentials")
        let folderMode =
            try FileManager.default.attributesOfItem(atPath: credentials)[.posixPermissions] as? Int
        #expect(folderMode == 0o700, "credentials/ is 0700, not \(String(folderMode ?? 0, radix: 8))")
        for name in try FileManager.default.contentsOfDirectory(atPath: credentials) {
            let mode =
                try FileManager.default.attributesOfItem(atPath: credentials + "/" + name)[.posixPermissions]
                as? Int
            #expect(mode == 0o600, "\(name) is 0600, not \(String(mode ?? 0, radix: 8))")
        }
        let summary = try fixture.summary("out")
        for key in ["rows", "customers", "users"] {
            let value = counts(summary, key)
            let sum = ["created", "updated", "unchanged", "rejected", "duplicate"].reduce(0) {
                $0 + (value[$1] ?? 0)
            }
            #expect(value["read"] == sum, "\(key): every row in exactly one count: \(value)")
        }
        #expect(summary["warnings"] as? Int == 1, "one warning, as plan finds")
        #expect(summary["retries"] as? Int == 0, "the SQLite store needed no retries")
    }

    @Test("a simulated directory with latency and transient failures: every row applied, retries counted")
    func simulatedDirectoryRetries() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let run = try OnboardProcess.run([
            "import", "--customers", Self.sample("customers.csv"), "--users", Self.sample("users.csv"),
            // No seed: under 16 jobs a fixed seed replays one draw sequence whose clumps of failures can
            // exhaust a call's 5 attempts far more often than independent draws (0.05^5 per call) would.
            "--directory", "simulated:latency=1ms,failure-rate=0.05", "--jobs", "16", "--out",
            fixture.path("out"),
        ])
        #expect(run.status == 0, "transient failures are retried until they pass: \(run)")
        let summary = try fixture.summary("out")
        #expect(counts(summary, "rows")["created"] == 222, "every row created: \(counts(summary, "rows"))")
        #expect((summary["retries"] as? Int ?? 0) > 0, "a 5% failure rate over ~1,000 calls makes retries")
    }

    @Test(
        "import needs an input, one directory option, and a sensible --jobs",
        arguments: [
            ["import"], ["import", "--users", "x.csv", "--jobs", "0"],
            ["import", "--users", "x.csv", "--store", "a.sqlite", "--directory", "memory"],
            ["import", "--users", "x.csv", "--directory", "simulated:speed=3"],
        ])
    func usage(arguments: [String]) throws {
        let run = try OnboardProcess.run(arguments)
        #expect(run.status == 64, "a bad command line exits 64: \(run)")
    }
}
