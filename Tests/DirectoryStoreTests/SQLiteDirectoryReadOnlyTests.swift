import DirectoryStore
import Foundation
import OnboardCore
import Testing

/// `SQLiteDirectory(readingExisting:)`: what the listing commands open.
struct SQLiteDirectoryReadOnlyTests {
    @Test func readsWhatAWriterStoredAndRefusesWrites() throws {
        let path = Fixture.storePath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let writer = try SQLiteDirectory(path: path, makePassword: Fixture.passwords())
        _ = try writer.createTenant(Fixture.tenant("contoso"))
        let reader = try SQLiteDirectory(readingExisting: path)
        #expect(try reader.tenants().map(\.prefix.rawValue) == ["contoso"], "sees the writer's tenant")
        #expect(try reader.userCountsByTenant() == ["contoso": 1], "the default admin, counted")
        #expect(
            directoryError { () throws(DirectoryError) in
                _ = try reader.createTenant(Fixture.tenant("fabrikam"))
            }
                != nil,
            "a write fails instead of changing the store")
        #expect(try writer.tenants().count == 1, "nothing was written")
    }

    @Test func aMissingFileIsNotMade() {
        let path = Fixture.storePath()
        #expect(throws: DirectoryStoreError.self, "no store") { try SQLiteDirectory(readingExisting: path) }
        #expect(
            !FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent),
            "not even its folder")
    }

    @Test func aFileThatIsNotAStoreIsRefused() throws {
        let folder = NSTemporaryDirectory() + "onboard-store-tests/\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/notes.sqlite"
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteDirectory(readingExisting: path)
            Issue.record("a text file must not open as a store")
        } catch {
            #expect(!error.isMissing, "it exists")
            #expect(error.description.hasPrefix("Cannot open the directory store \(path): "), "\(error)")
        }
    }
}
