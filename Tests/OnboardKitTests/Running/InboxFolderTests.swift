import Foundation
import Testing

@testable import OnboardKit

struct InboxFolderTests {
    @Test(
        "names a writer uses while copying are never taken",
        arguments: [
            (".users.csv", true), ("users.csv.tmp", true), ("users.csv.PART", true),
            (".~lock.users.csv#", true),
            ("users.csv", false), ("users.tmp.csv", false), ("partners.csv", false),
        ])
    func inProgressNames(name: String, inProgress: Bool) {
        #expect(InboxFolder.isInProgress(name: name) == inProgress, "\(name)")
    }

    @Test func onlySettledRegularFilesAreReadyAndFoldersAreIgnored() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inbox-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/archive", withIntermediateDirectories: true)
        for name in ["b.csv", "a.csv", "fresh.csv"] {
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        let now = Date()
        for name in ["a.csv", "b.csv"] {
            try FileManager.default.setAttributes(
                [.modificationDate: now.addingTimeInterval(-10)], ofItemAtPath: root + "/" + name)
        }
        var settings = InboxSettings()
        settings.inbox = root
        settings.wait = .seconds(5)
        let listing = try InboxFolder(settings: settings).readyFiles(now: now)
        #expect(listing.ready == ["a.csv", "b.csv"], "by name, settled only: \(listing)")
        #expect(listing.settling == ["fresh.csv"], "changed within wait-seconds: \(listing)")
    }
}
