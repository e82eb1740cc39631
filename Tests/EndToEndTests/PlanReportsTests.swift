import Foundation
import Testing

/// What `onboard plan` leaves in its output folder: reports, summary and rejects, with no secret in
/// any of them, reproducible on request.
struct PlanReportsTests {
    static func sample(_ name: String) -> String {
        OnboardProcess.packageRoot.appendingPathComponent("samples/\(name)").path
    }

    /// The supplied passwords of a users file, read with `onboard csv` (at least 8 characters, so a
    /// short weak one that is also someone's name does not count as found).
    static func passwords(in path: String) throws -> [String] {
        let run = try OnboardProcess.run(["csv", path])
        let records = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String]] ?? []
        guard
            let headerIndex = records.firstIndex(where: {
                $0.contains { $0.lowercased().contains("password") }
            }),
            let column = records[headerIndex].firstIndex(where: { $0.lowercased().contains("password") })
        else { return [] }
        return records[(headerIndex + 1)...].compactMap { $0.count > column ? $0[column] : nil }.filter {
            $0.count >= 8
        }
    }

    /// A users file whose rows carry strong passwords but are rejected for something else.
    static let rejectedWithPasswords = """
        tenant,user_principal_name,display_name,usage_location,role,block_sign_in,password
        contosomfg,kim.one@contosomfg.onmicrosoft.com,Kim One,USA,Reader,no,Vq8#Rejected!Pw01
        contosomfg,kim.two@contosomfg.onmicrosoft.com,Kim Two,US,Admin,no,Vq8#Rejected!Pw02
        contosomfg,kim.three@contosomfg.onmicrosoft.com,Kim Three,US,Reader,no,weakweakweak
        contosomfg,kim.four@contosomfg.onmicrosoft.com,Kim Four,US,Reader,no,Vq8#Accepted!Pw04
        contosomfg,kim.four@contosomfg.onmicrosoft.com,Kim Four,US,Reader,no,Vq8#Conflict!Pw05

        """

    @Test(arguments: ["users.csv", "users-portal-template.csv", "users-with-errors.csv", "rejected"])
    func suppliedPasswordsAreInNoOutput(users: String) throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var input = Self.sample(users)
        if users == "rejected" {
            input = folder.appendingPathComponent("rejected.csv").path
            try Data(Self.rejectedWithPasswords.utf8).write(to: URL(fileURLWithPath: input))
        }
        let secrets = try Self.passwords(in: input)
        #expect(!secrets.isEmpty, "\(users) supplies passwords")
        let out = folder.appendingPathComponent("plan")
        let run = try OnboardProcess.run([
            "plan", "--customers", Self.sample("customers.csv"), "--users", input, "--out", out.path,
        ])
        #expect([0, 1].contains(run.status), "the plan was made: \(run)")
        var outputs: [(String, String)] = [("stdout", run.stdout), ("stderr", run.stderr)]
        for file in Self.files(under: out) {
            outputs.append((file.lastPathComponent, try String(contentsOf: file, encoding: .utf8)))
        }
        #expect(
            Set(outputs.map(\.0)).isSuperset(of: ["report.xml", "report.html", "summary.json"]),
            "the reports were written: \(outputs.map(\.0))")
        for (name, text) in outputs {
            for secret in secrets {
                #expect(!text.contains(secret), "\(name) holds no supplied password (\(users))")
            }
        }
    }

    @Test func sourceDateEpochMakesTheReportsReproducible() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("plan")
        let arguments = [
            "plan", "--customers", Self.sample("customers-with-errors.csv"), "--users",
            Self.sample("users-with-errors.csv"), "--seed", "42", "--out", out.path,
        ]
        let names = ["report.xml", "report.html", "summary.json"]
        var first: [String: Data] = [:]
        for environment in [["SOURCE_DATE_EPOCH": "1764000000"], ["SOURCE_DATE_EPOCH": "1764000000"]] {
            let run = try OnboardProcess.run(arguments, environment: environment)
            #expect(run.status == 1, "rows are rejected: \(run)")
            for name in names {
                let data = try Data(contentsOf: out.appendingPathComponent(name))
                if let earlier = first[name] {
                    #expect(data == earlier, "\(name) is byte-identical on the second run")
                } else {
                    first[name] = data
                }
            }
        }
        let xml = String(decoding: first["report.xml"] ?? Data(), as: UTF8.self)
        #expect(xml.contains("started=\"2025-11-24T16:00:00Z\""), "the start is SOURCE_DATE_EPOCH")
        let flagged = try OnboardProcess.run(arguments + ["--deterministic"])
        let again = try Data(contentsOf: out.appendingPathComponent("report.xml"))
        #expect(flagged.status == 1, "\(flagged)")
        #expect(
            String(decoding: again, as: UTF8.self).contains("started=\"1970-01-01T00:00:00Z\""),
            "--deterministic without SOURCE_DATE_EPOCH starts at the epoch")
    }

    /// The rows samples/README.md documents as rejected are exactly the rows in the rejects files.
    @Test(arguments: [
        ("customers-with-errors.csv", nil, [3, 4, 5, 7, 8, 10, 11, 12, 13]),
        ("customers.csv", "users-with-errors.csv", [4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 17, 19]),
    ])
    func theRejectedLinesAreTheOnesTheSamplesREADMENames(customers: String, users: String?, lines: [Int])
        throws
    {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("plan")
        var arguments = ["plan", "--customers", Self.sample(customers), "--out", out.path]
        if let users { arguments += ["--users", Self.sample(users)] }
        let run = try OnboardProcess.run(arguments)
        let input = users ?? customers
        let rejects = out.appendingPathComponent(
            "rejects/" + input.replacingOccurrences(of: ".csv", with: ".rejects.csv"))
        let csv = try OnboardProcess.run(["csv", rejects.path])
        let records = try JSONSerialization.jsonObject(with: csv.stdoutBytes) as? [[String]] ?? []
        let lineColumn = records.first?.firstIndex(of: "line") ?? 0
        let rejected = records.dropFirst().compactMap { Int($0[lineColumn]) }
        #expect(rejected == lines, "\(input): rejected lines as samples/README.md says: \(run)")
    }

    static func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
