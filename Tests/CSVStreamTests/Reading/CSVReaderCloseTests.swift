import CSVStream
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A reader closes its file exactly once, however it ends.
struct CSVReaderCloseTests {
    @Test func aReaderReadToTheEndDoesNotCloseAnotherFileWhenItGoesAway() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "close-\(UUID().uuidString).csv"
        ).path
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader: CSVReader? = try CSVReader(path: path)
        while try reader?.next() != nil {}
        // The reader closed its descriptor at the end; the next open gets the same number.
        let other = open(path, O_RDONLY)
        #expect(other >= 0, "opened")
        defer { close(other) }
        reader = nil
        #expect(fcntl(other, F_GETFD) != -1, "the other file is still open after the reader went away")
    }
}
