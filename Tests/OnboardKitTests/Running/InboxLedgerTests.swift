import Foundation
import Testing

@testable import OnboardKit

struct InboxLedgerTests {
    let digestA = String(repeating: "a", count: 64)
    let digestB = String(repeating: "b", count: 64)

    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aMissingLedgerIsEmpty() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = try InboxLedger(archiveFolder: folder)
        #expect(ledger.entries.isEmpty, "nothing imported yet")
        #expect(!FileManager.default.fileExists(atPath: ledger.path), "reading does not make the file")
    }

    @Test func recordedEntriesAreReadBackWithTheirRunAndName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var ledger = try InboxLedger(archiveFolder: folder)
        let run = InboxRunID(rawValue: "20261125-110000-000001")
        try ledger.record([InboxLedger.Entry(sha256: digestA, runID: run, name: "users.csv")])
        try ledger.record([InboxLedger.Entry(sha256: digestB, runID: run, name: "customers.csv")])
        let read = try InboxLedger(archiveFolder: folder)
        #expect(read.entry(sha256: digestA)?.name == "users.csv", "\(read.entries)")
        #expect(read.entry(sha256: digestB)?.runID == run, "\(read.entries)")
        let text = try String(contentsOfFile: ledger.path, encoding: .utf8)
        #expect(text.hasPrefix("# onboard run: "), "a heading says what the file is: \(text)")
        #expect(text.hasSuffix("\(digestB)\t\(run)\tcustomers.csv\n"), "one line per file, appended: \(text)")
        let mode = try FileManager.default.attributesOfItem(atPath: ledger.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "only the owner reads it")
    }

    @Test func theFirstImportOfAContentIsKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var ledger = try InboxLedger(archiveFolder: folder)
        let first = InboxLedger.Entry(sha256: digestA, runID: InboxRunID(rawValue: "1"), name: "a.csv")
        try ledger.record([first])
        try ledger.record([
            InboxLedger.Entry(sha256: digestA, runID: InboxRunID(rawValue: "2"), name: "b.csv")
        ])
        #expect(
            try InboxLedger(archiveFolder: folder).entry(sha256: digestA) == first, "the earlier run stays")
    }

    @Test func linesAPersonMangledAreIgnoredButKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + InboxLedger.fileName
        try "# notes\nnot a digest\tx\ty\n\(digestA)\trun\tname\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        var ledger = try InboxLedger(archiveFolder: folder)
        #expect(ledger.entries.count == 1, "only the well-formed line counts: \(ledger.entries)")
        try ledger.record([
            InboxLedger.Entry(sha256: digestB, runID: InboxRunID(rawValue: "r"), name: "tab\there")
        ])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# notes\nnot a digest\tx\ty\n"), "the person's lines stay: \(text)")
        #expect(text.hasSuffix("\(digestB)\tr\ttab?here\n"), "a tab in a name cannot split the line: \(text)")
    }
}
