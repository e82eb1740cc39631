import Foundation
import GRDB
import Testing

/// The directory store when something is wrong with it: read-only, locked by another process,
/// corrupt, or not onboard's at all. Each gives a clear message and its exit status, never a hang
/// or a crash, and leaves the file as it was.
@Suite(.serialized) struct StoreFaultTests {
    static func sample(_ name: String) -> String {
        OnboardProcess.packageRoot.appendingPathComponent("samples/\(name)").path
    }

    static let customers = ["--customers", sample("customers.csv")]

    /// A folder with a real store made by importing the sample customers.
    static func folderWithStore() throws -> HostileRun {
        let made = try HostileRun("import", customers)
        #expect(made.run.status == 0, "the sample customers import: \(made.run)")
        return made
    }

    /// Runs onboard as the unprivileged user `nobody` when the tests run as root (whom file modes do
    /// not stop); nil when that is not possible here.
    static var asUnprivileged: [String]? {
        guard getuid() == 0 else { return [] }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    }

    /// Runs onboard with `arguments`, as `nobody` under root.
    static func runUnprivileged(_ arguments: [String]) throws -> OnboardRun {
        try OnboardProcess.run(arguments, launcher: asUnprivileged ?? [])
    }

    @Test(.enabled(if: asUnprivileged != nil, "as root, needs setpriv to drop to nobody"))
    func aReadOnlyStoreFileStopsTheImportWithStatus74AndPlanningStillWorks() throws {
        let made = try Self.folderWithStore()
        defer { made.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: made.store))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: made.store)
        // nobody may write the folder (for the WAL) and the output, not the store file.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: made.folder.path)
        let out = made.folder.appendingPathComponent("again").path
        let run = try Self.runUnprivileged(
            ["import"] + Self.customers + ["--store", made.store, "--out", out])
        #expect(run.status == 74, "the store cannot be written: \(run)")
        // The lock file next to the store (made by the owner's earlier run) or the store itself: either
        // refuses nobody, and the message names the store and the system's reason.
        #expect(
            run.stderr.contains(
                "Cannot open the directory store \(made.store): SQLite error 8: attempt to write a readonly database")
                || run.stderr.contains("cannot lock the store \(made.store): \(made.store).lock: Permission denied"),
            "\(run)")
        #expect(!FileManager.default.fileExists(atPath: out + "/report.xml"), "no report")
        #expect(try Data(contentsOf: URL(fileURLWithPath: made.store)) == before, "the store is unchanged")
        let plan = try Self.runUnprivileged(
            ["plan"] + Self.customers + [
                "--store", made.store, "--out", made.folder.appendingPathComponent("plan").path,
            ])
        #expect(plan.status == 0, "a plan only reads the store: \(plan)")
        #expect(plan.stdout.contains("Customers: 16 read, 0 to create, 0 to update, 16 unchanged"), "\(plan)")
    }

    @Test(.enabled(if: asUnprivileged != nil, "as root, needs setpriv to drop to nobody"))
    func aReadOnlyFolderStopsTheImportWithStatus74() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let outs = folder.appendingPathComponent("outs")
        try FileManager.default.createDirectory(at: outs, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: outs.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let store = folder.appendingPathComponent("new.sqlite").path
        let run = try Self.runUnprivileged(
            ["import"] + Self.customers + [
                "--store", store, "--out", outs.appendingPathComponent("run").path,
            ])
        #expect(run.status == 74, "the store cannot be made: \(run)")
        #expect(
            run.stderr.contains("cannot lock the store \(store): \(store).lock: Permission denied"),
            "the lock file, made first, cannot be made either: \(run)")
        #expect(!FileManager.default.fileExists(atPath: store), "no store made")
    }

    @Test func aMissingStoreIsStatus66ForAListing() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("none.sqlite").path
        let run = try OnboardProcess.run(["tenants", "--store", store])
        #expect(run.status == 66, "\(run)")
        #expect(run.stderr.contains("There is no directory store \(store)"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: store), "a listing never makes a store")
    }

    @Test func aStoreAnotherProcessIsWritingToIsBusyAfterTheTimeoutAndPlanningStillWorks() throws {
        let made = try Self.folderWithStore()
        defer { made.remove() }
        let holder = try WriteLockHolder(path: made.store)
        defer { holder.release() }
        let started = Date()
        let run = try OnboardProcess.run(
            ["import"] + Self.customers + [
                "--store", made.store, "--out", made.folder.appendingPathComponent("busy").path,
            ])
        let waited = Date().timeIntervalSince(started)
        #expect(run.status == 75, "busy: worth retrying: \(run)")
        #expect(
            run.stderr.contains(
                "The directory store \(made.store) is busy: its write lock was held by another process for over 10 s"
            ),
            "\(run)")
        #expect(run.stderr.contains("try again when it has finished"), "what to do: \(run)")
        #expect(waited < 30, "bounded by the busy timeout: \(waited) s")
        let plan = try OnboardProcess.run(
            ["plan"] + Self.customers + [
                "--store", made.store, "--out", made.folder.appendingPathComponent("plan").path,
            ])
        #expect(plan.status == 0, "a plan reads beside the writer: \(plan)")
        holder.release()
        let again = try OnboardProcess.run(
            ["import"] + Self.customers + [
                "--store", made.store, "--out", made.folder.appendingPathComponent("again").path,
            ])
        #expect(
            again.stdout.contains("Customers: 16 read, 0 created, 0 updated, 16 unchanged"),
            "retried later: \(again)")
    }

    /// Ways a store file can be broken, and what an import and a listing must say.
    static let corruptions: [(String, String, String)] = [
        (
            "random bytes", "SQLite error 26: file is not a database",
            "SQLite error 26: file is not a database"
        ),
        (
            "a truncated store", "SQLite error 11: database disk image is malformed",
            "database disk image is malformed"
        ),
        (
            "another program's database",
            "it is an SQLite database of another program (tables notes); onboard does not add its tables to it",
            "it is not an onboard store"
        ),
    ]

    @Test(arguments: corruptions)
    func aCorruptStoreIsAClearErrorNotACrash(corruption: (String, String, String)) throws {
        let (kind, importMessage, listingMessage) = corruption
        let made = try Self.folderWithStore()
        defer { made.remove() }
        let broken = made.folder.appendingPathComponent("broken.sqlite").path
        switch kind {
        case "random bytes":
            try Data((0..<100_000).map { _ in UInt8.random(in: 0...255) })
                .write(to: URL(fileURLWithPath: broken))
        case "a truncated store":
            let whole = try Data(contentsOf: URL(fileURLWithPath: made.store))
            try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: broken))
        default:
            try DatabaseQueue(path: broken).write { try $0.execute(sql: "CREATE TABLE notes(x)") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: broken))
        for command in ["import", "tenants"] {
            let arguments =
                command == "import"
                ? ["import"] + Self.customers + [
                    "--store", broken, "--out", made.folder.appendingPathComponent("x").path,
                ]
                : ["tenants", "--store", broken]
            let run = try OnboardProcess.run(arguments)
            #expect(run.status == 74, "\(kind), \(command): \(run)")
            let message = command == "import" ? importMessage : listingMessage
            #expect(
                run.stderr.contains("Cannot open the directory store \(broken): "),
                "\(kind), \(command): \(run)")
            #expect(run.stderr.contains(message), "\(kind), \(command): \(run)")
        }
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: broken)) == before,
            "\(kind): the file is left as it was")
    }
}

/// Another connection holding the store's write lock with `BEGIN IMMEDIATE`, as another program
/// writing to the file would: SQLite's file locks are the same whichever process holds them.
final class WriteLockHolder {
    private let database: DatabaseQueue
    private var isHeld = true

    init(path: String) throws {
        var configuration = Configuration()
        // The point is a transaction left open between accesses, which GRDB otherwise refuses.
        configuration.allowsUnsafeTransactions = true
        database = try DatabaseQueue(path: path, configuration: configuration)
        try database.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
    }

    /// Ends the transaction (idempotent).
    func release() {
        guard isHeld else { return }
        isHeld = false
        try? database.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
    }
}
