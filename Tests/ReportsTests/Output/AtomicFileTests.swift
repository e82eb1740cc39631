import OnboardCore
import Foundation
import Reports
import Synchronization
import Testing

/// A disk that takes `capacity` bytes, then answers ENOSPC like a full file system.
final class FullDisk: Sendable {
    private let remaining: SharedState<Int>

    init(capacity: Int) { remaining = SharedState(capacity) }

    var write: AtomicFile.WriteFunction {
        { [self] descriptor, bytes, count in
            let allowed = remaining.withLock { remaining in
                let allowed = min(remaining, count)
                remaining -= allowed
                return allowed
            }
            guard allowed > 0 else {
                errno = ENOSPC
                return -1
            }
            return Foundation.write(descriptor, bytes, allowed)
        }
    }
}

struct AtomicFileTests {
    @Test func theFinalNameAppearsOnlyOnCommit() throws {
        let folder = try TemporaryFolder()
        let file = try AtomicFile(path: folder.file("report.xml"))
        try file.write("<half")
        #expect(
            try folder.names() == [URL(fileURLWithPath: file.temporaryPath).lastPathComponent],
            "only the temporary file")
        try file.write(" a report/>")
        try file.commit()
        #expect(try folder.names() == ["report.xml"], "the final name, no temporary left")
        #expect(try folder.contents("report.xml") == "<half a report/>", "all bytes")
    }

    @Test func theModeIsExactWhateverTheUmask() throws {
        let folder = try TemporaryFolder()
        let previous = umask(0o077)
        defer { umask(previous) }
        let file = try AtomicFile(path: folder.file("report.html"), permissions: 0o644)
        try file.commit()
        var status = stat()
        stat(folder.file("report.html"), &status)
        #expect(
            status.st_mode & 0o777 == 0o644,
            "0644 despite umask 077, got \(String(status.st_mode & 0o777, radix: 8))")
    }

    @Test func aFullDiskGivesATypedErrorWithThePathAndTheOSMessage() throws {
        let folder = try TemporaryFolder()
        let file = try AtomicFile(
            path: folder.file("report.xml"), permissions: 0o644, write: FullDisk(capacity: 4).write)
        let error = try #require(throws: ReportOutputError.self) { try file.write("more than four bytes") }
        #expect(error.operation == .write && error.code == ENOSPC, "a write error with ENOSPC: \(error)")
        #expect(
            error.description == "error writing \(folder.file("report.xml")): No space left on device",
            "for people")
        file.abandon()
        #expect(try folder.names().isEmpty, "the temporary file is removed")
    }

    @Test func aReportWriterThatFailsMidwayLeavesNoFileAndKeepsThePreviousReport() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("report.xml")
        try "previous complete report".write(toFile: path, atomically: false, encoding: .utf8)
        let writer = XMLReportWriter(path: path, write: FullDisk(capacity: 6_000).write)
        let run = SampleRun(tenantCount: 20, usersPerTenant: 20)
        let error = try #require(throws: ReportOutputError.self) { try run.write(to: writer) }
        #expect(error.code == ENOSPC && error.path == path, "the full disk surfaces with the path: \(error)")
        writer.abandon()
        #expect(try folder.names() == ["report.xml"], "no temporary file is left")
        #expect(
            try folder.contents("report.xml") == "previous complete report",
            "the previous report is untouched")
    }
}
