import CSVStream
import Foundation
import Testing

struct CSVWriterTests {
    /// A field as given, and as it must appear in the file (guard off, `,` delimiter).
    struct QuotingCase: Sendable, CustomStringConvertible {
        var field: String
        var written: String
        var description: String { "\(field.debugDescription) → \(written.debugDescription)" }
    }

    static let quotingCases: [QuotingCase] = [
        QuotingCase(field: "plain", written: "plain"),
        QuotingCase(field: "", written: ""),
        QuotingCase(field: "Müller & Söhne GmbH", written: "Müller & Söhne GmbH"),
        QuotingCase(field: "Acme, Inc.", written: "\"Acme, Inc.\""),
        QuotingCase(field: "say \"hi\"", written: "\"say \"\"hi\"\"\""),
        QuotingCase(field: "\"", written: "\"\"\"\""),
        QuotingCase(field: "line\nbreak", written: "\"line\nbreak\""),
        QuotingCase(field: "carriage\rreturn", written: "\"carriage\rreturn\""),
        QuotingCase(field: "windows\r\nbreak", written: "\"windows\r\nbreak\""),
        QuotingCase(field: " leading space", written: "\" leading space\""),
        QuotingCase(field: "trailing space ", written: "\"trailing space \""),
        QuotingCase(field: "inner space", written: "inner space"),
        QuotingCase(field: "semi;colon", written: "semi;colon"),
        QuotingCase(field: "漢字 🙂", written: "漢字 🙂"),
        QuotingCase(field: "it's", written: "it's"),
    ]

    @Test(arguments: quotingCases)
    func quotesOnlyWhatNeedsQuoting(_ example: QuotingCase) {
        let writer = CSVWriter(options: CSVWriterOptions(guardsFormulas: false))
        #expect(
            writer.encode(["a", example.field, "z"]) == "a,\(example.written),z\n",
            "the field sits between two plain fields, written exactly as RFC 4180 asks")
    }

    @Test(arguments: [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")])
    func quotesFieldsHoldingTheChosenDelimiter(_ delimiter: UInt8) {
        let writer = CSVWriter(options: CSVWriterOptions(delimiter: delimiter, guardsFormulas: false))
        let d = String(UnicodeScalar(delimiter))
        #expect(
            writer.encode(["x\(d)y", "a,b"]) == "\"x\(d)y\"\(d)a,b\n",
            "the delimiter in use forces quotes; a comma no longer does")
    }

    @Test func writesARecordOfOneEmptyFieldAsQuotes() {
        #expect(
            CSVWriter().encode([""]) == "\"\"\n",
            "an empty line would be skipped as blank by readers, so the lone empty field is quoted")
        #expect(CSVWriter().encode(["", ""]) == ",\n", "two empty fields need no quotes")
        #expect(CSVWriter().encode([]) == "\n", "a record without fields is an empty line")
    }

    @Test(arguments: ["=", "+", "-", "@", "\t", "\r"])
    func guardsEveryFormulaPrefix(_ prefix: String) {
        let field = prefix + "HYPERLINK(\"http://evil\")"
        let written = CSVWriter().encode([field])
        #expect(
            written == "\"'" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"\n",
            "a leading \(prefix.debugDescription) gets an apostrophe so spreadsheets show text")
        let plain = CSVWriter().encode([prefix + "1"])
        #expect(
            plain.hasPrefix("'") || plain.hasPrefix("\"'"),
            "the apostrophe comes first: \(plain.debugDescription)")
    }

    @Test func guardKeepsOtherFieldsAndCanBeTurnedOff() {
        #expect(
            CSVWriter().encode(["+49 30 1234567", "a-b", "x=1"]) == "'+49 30 1234567,a-b,x=1\n",
            "only a formula character at the start counts")
        #expect(
            CSVWriter().encode(["=1+1, then"]) == "\"'=1+1, then\"\n", "a guarded field is quoted as needed")
        let unguarded = CSVWriter(options: CSVWriterOptions(guardsFormulas: false))
        #expect(unguarded.encode(["=1+1", "-5"]) == "=1+1,-5\n", "without the guard values stay exact")
    }

    @Test func endsRecordsWithCRLFWhenAsked() {
        let writer = CSVWriter(options: CSVWriterOptions(lineEnding: .crlf))
        var buffer: [UInt8] = []
        writer.append(["a", "b"], to: &buffer)
        writer.append(["c\nd"], to: &buffer)
        #expect(
            String(decoding: buffer, as: UTF8.self) == "a,b\r\n\"c\nd\"\r\n",
            "every record ends in CR LF; a line break inside a field is kept as it is")
    }

    @Test func fileWriterWritesBOMRecordsAndTheGivenMode() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("sheet.csv")
        // An existing, more open file must not keep its mode.
        try Data("old content\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o666) == 0, "the old file is readable and writable by all")
        let writer = try CSVFileWriter(
            path: path,
            options: CSVWriterOptions(delimiter: UInt8(ascii: ";"), lineEnding: .crlf, byteOrderMark: true),
            permissions: 0o600)
        try writer.write(["user", "password"])
        try writer.write(["anna@contoso.onmicrosoft.com", "x;y"])
        try writer.close(synchronize: true)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "the file starts with the UTF-8 BOM")
        #expect(
            String(decoding: bytes.dropFirst(3), as: UTF8.self)
                == "user;password\r\nanna@contoso.onmicrosoft.com;\"x;y\"\r\n",
            "the old content is gone; records use the options")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(
            mode == 0o600, "the file has exactly the permissions asked for, not \(String(mode, radix: 8))")
    }

    @Test func fileWriterFlushesLargeOutputsInPieces() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("big.csv")
        let writer = try CSVFileWriter(path: path, permissions: 0o640)
        for index in 0..<20_000 { try writer.write(["row \(index)", "Zoë"]) }
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 20_000, "every record reaches the file")
        #expect(text.hasSuffix("row 19999,Zoë\n"), "the last record is complete")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o640, "mode 0640 as asked, not \(String(mode, radix: 8))")
    }

    @Test func aFullDiskSurfacesWithAReadableMessage() throws {
        let writer = try CSVFileWriter(path: "/dev/full")
        try writer.write(["a", "b"])
        let error = #expect(throws: CSVOutputError.self, "the buffered bytes cannot be written to /dev/full")
        {
            try writer.close()
        }
        #expect(error?.code == ENOSPC, "the errno is kept")
        #expect(
            error?.description == "cannot write to /dev/full: No space left on device (errno 28)",
            "says which file, what failed and why")
        let mode = try #require(
            FileManager.default.attributesOfItem(atPath: "/dev/full")[.posixPermissions] as? Int)
        #expect(mode == 0o666, "a device keeps its mode, not \(String(mode, radix: 8))")
        #expect(throws: CSVOutputError.self, "a closed writer refuses more records") {
            try writer.write(["c"])
        }
    }

    @Test func aFileThatCannotBeCreatedSaysWhy() {
        let error = #expect(throws: CSVOutputError.self, "the folder does not exist") {
            try CSVFileWriter(path: "/nonexistent-folder/out.csv")
        }
        #expect(
            error?.description
                == "cannot create /nonexistent-folder/out.csv: No such file or directory (errno 2)",
            "names the path and the reason")
    }

    @Test func descriptorWriterLeavesTheDescriptorOpen() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0, "a pipe to write into")
        let writer = CSVFileWriter(fileDescriptor: ends[1], name: "<pipe>")
        try writer.write(["a b", "c"])
        try writer.close()
        #expect(fcntl(ends[1], F_GETFD) != -1, "the caller's descriptor is still open")
        Foundation.close(ends[1])
        let data = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true).readDataToEndOfFile()
        #expect(String(decoding: data, as: UTF8.self) == "a b,c\n", "the record went through the pipe")
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("csvstream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
