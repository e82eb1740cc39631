import DirectoryStore
import Foundation
import OnboardCore
import Testing

/// What a store holds, secrets' digests left out: to compare the stores of two runs.
struct StoreContents: Equatable, CustomStringConvertible {
    var tenants: [CustomerTenant]
    var users: [TenantUser]
    var roles: [RoleAssignment?]
    var recovery: [RecoveryRecord?]

    init(path: String) throws {
        let store = try SQLiteDirectory(path: path)
        tenants = try store.tenants()
        users = try tenants.flatMap { try store.users(of: $0.prefix) }
        roles = try users.map { try store.roleAssignment(of: $0.key) }
        recovery = try tenants.map { try store.recoveryRecord(of: $0.prefix) }
    }

    var description: String { "\(tenants.count) tenants, \(users.count) users" }
}

/// One line of a tenant's credential sheet.
struct SheetEntry {
    var run: Int
    var signInName: String
    var password: String
}

/// Inputs, runs and their output folders for the import tests.
struct ImportFixture {
    let folder: URL

    init() throws {
        folder = try OnboardProcess.temporaryFolder()
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes generated inputs with `onboard samples` into `in/`.
    func generate(customers: Int, users: Int, seed: Int = 7) throws {
        let run = try OnboardProcess.run([
            "samples", "--out", path("in"), "--customers", String(customers), "--users", String(users),
            "--error-rate", "0.02", "--duplicate-rate", "0.02", "--seed", String(seed),
        ])
        #expect(run.status == 0, "onboard samples should write the inputs: \(run)")
    }

    /// The arguments of an import of `in/` into `store` writing to `out`.
    func importArguments(store: String, out: String, extra: [String] = []) -> [String] {
        [
            "import", "--customers", path("in/customers.csv"), "--users", path("in/users.csv"), "--store",
            path(store),
            "--out", path(out),
        ] + extra
    }

    /// Runs an import to the end.
    func runImport(store: String, out: String, extra: [String] = []) throws -> OnboardRun {
        try OnboardProcess.run(importArguments(store: store, out: out, extra: extra))
    }

    /// The summary.json of a run folder.
    func summary(_ out: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(out + "/summary.json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The entries of every tenant sheet in `runs`, in run order then line order.
    func sheetEntries(runs: [String]) throws -> [SheetEntry] {
        var entries: [SheetEntry] = []
        for (index, run) in runs.enumerated() {
            let credentials = path(run + "/credentials")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: credentials)) ?? []
            for name in names.sorted() where name.hasPrefix("tenant-") && name.hasSuffix(".csv") {
                let text = try String(contentsOfFile: credentials + "/" + name, encoding: .utf8)
                for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst() {
                    let fields = Self.fields(String(line))
                    guard fields.count >= 4 else { continue }
                    entries.append(
                        SheetEntry(run: index, signInName: fields[1], password: Self.unguarded(fields[3])))
                }
            }
        }
        return entries
    }

    /// Every password and key on the sheets of a run folder (tenant and partner sheets).
    func secrets(in run: String) throws -> [String] {
        let credentials = path(run + "/credentials")
        var secrets: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: credentials)
        where name.hasSuffix(".csv") {
            let text = try String(contentsOfFile: credentials + "/" + name, encoding: .utf8)
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst() {
                let fields = Self.fields(String(line))
                // The password column of a tenant sheet and the secret column of the partner sheet are both the 4th.
                secrets.append(Self.unguarded(fields[3]))
            }
        }
        return secrets
    }

    /// The fields of one CSV line (quotes handled; sheets have no line breaks in fields).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        current.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// A value without the sheet writer's formula guard (a `'` before `= + - @`).
    static func unguarded(_ value: String) -> String {
        if value.hasPrefix("'"), let next = value.dropFirst().first, "=+-@\t\r".contains(next) {
            return String(value.dropFirst())
        }
        return value
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
