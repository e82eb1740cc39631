import CSVStream
import Foundation
import Testing

/// Opening and reading files.
struct CSVReaderFileTests {
    @Test func readsAFileAndCountsTheBytesItConsumed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "csvreader-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = [0xEF, 0xBB, 0xBF] + Array("a;b\r\n1;\"2\r\n3\"\r\n".utf8)
        try Data(bytes).write(to: url)

        let reader = try CSVReader(path: url.path, options: CSVReaderOptions(chunkSize: 4))
        #expect(reader.name == url.path, "named after the path as given")
        var records: [[String]] = []
        while let result = try reader.next() { records.append(try result.get().fields) }
        #expect(records == [["a", "b"], ["1", "2\r\n3"]], "records")
        #expect(reader.bytesRead == bytes.count, "every input byte consumed, the mark included")
        #expect(reader.delimiter == UInt8(ascii: ";"), "detected")
    }

    @Test func aMissingFileIsAnInputErrorSayingSo() throws {
        let error = #expect(throws: CSVInputError.self, "opening fails") {
            _ = try CSVReader(path: "/nonexistent/users.csv")
        }
        #expect(error?.isNotFound == true, "not found")
        #expect(
            error?.description == "could not open /nonexistent/users.csv: No such file or directory",
            "operation, path and cause")
    }

    @Test func aDirectoryFailsOnRead() throws {
        let reader = try CSVReader(path: FileManager.default.temporaryDirectory.path)
        let error = #expect(throws: CSVInputError.self, "reading a directory fails") { _ = try reader.next() }
        #expect(error?.operation == "read" && error?.isNotFound == false, "a read error, not 'not found'")
    }
}
