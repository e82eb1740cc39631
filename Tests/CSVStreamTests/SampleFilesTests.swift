import CSVStream
import Foundation
import Testing

/// The hand-made files in `samples/` are well-formed CSV in the dialect each one stands for, so any
/// rejection they cause comes from onboard's rules, not from a broken file.
struct SampleFilesTests {
    struct SampleFile: Sendable, CustomStringConvertible {
        var name: String
        var delimiter: UInt8
        var encoding: CSVEncoding
        var hasByteOrderMark: Bool
        /// Lines before the header (`version:v1.0`).
        var preamble: Int = 0
        var description: String { name }
    }

    static let files = [
        SampleFile(
            name: "customers.csv", delimiter: UInt8(ascii: ","), encoding: .utf8, hasByteOrderMark: false),
        SampleFile(name: "users.csv", delimiter: UInt8(ascii: ","), encoding: .utf8, hasByteOrderMark: false),
        SampleFile(
            name: "customers-with-errors.csv", delimiter: UInt8(ascii: ","), encoding: .utf8,
            hasByteOrderMark: false),
        SampleFile(
            name: "users-with-errors.csv", delimiter: UInt8(ascii: ","), encoding: .utf8,
            hasByteOrderMark: false),
        SampleFile(
            name: "users-duplicates.csv", delimiter: UInt8(ascii: ","), encoding: .utf8,
            hasByteOrderMark: false),
        SampleFile(
            name: "users-excel.csv", delimiter: UInt8(ascii: ";"), encoding: .utf8, hasByteOrderMark: true),
        SampleFile(
            name: "users-portal-template.csv", delimiter: UInt8(ascii: ","), encoding: .utf8,
            hasByteOrderMark: false,
            preamble: 1),
        SampleFile(
            name: "users-admin-center.csv", delimiter: UInt8(ascii: ","), encoding: .utf8,
            hasByteOrderMark: false),
        SampleFile(
            name: "users-unicode-text.txt", delimiter: 0x09, encoding: .utf16le, hasByteOrderMark: true),
    ]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
    }

    @Test(arguments: files)
    func readsWithoutIssuesAndWithOneFieldCount(_ file: SampleFile) throws {
        let reader = try CSVReader(path: Self.folder.appendingPathComponent(file.name).path)
        var records: [CSVRecord] = []
        while let result = try reader.next() { records.append(try result.get()) }
        #expect(reader.delimiter == file.delimiter, "\(file.name): the delimiter is detected")
        #expect(reader.encoding == file.encoding, "\(file.name): the encoding is detected")
        #expect(reader.hadByteOrderMark == file.hasByteOrderMark, "\(file.name): byte-order mark as made")
        let table = records.dropFirst(file.preamble)
        let header = try #require(table.first, "\(file.name) has a header")
        for record in table {
            #expect(
                record.fields.count == header.fields.count,
                "\(file.name):\(record.position.line): as many fields as the header")
        }
        #expect(table.count > 10, "\(file.name) holds more than a handful of rows")
    }
}
