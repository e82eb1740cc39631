import Foundation
import Testing

/// `onboard csv` run as a real process on files in a temporary folder.
struct CSVCommandTests {
    /// Writes `bytes` to a file in a fresh folder, runs `onboard` with `arguments` (`FILE` replaced by the
    /// file's path), and removes the folder.
    func run(_ arguments: [String], file bytes: [UInt8], name: String = "input.csv") throws -> OnboardRun {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appendingPathComponent(name))
        return try OnboardProcess.run(arguments.map { $0 == "FILE" ? name : $0 }, in: folder)
    }

    @Test func printsRecordsAsJSONOnePerLine() throws {
        let csv = "name,note\r\n\"Zoë \"\"Z\"\"\",\"two\nlines\"\r\nback\\slash,\"tab\there\"\r\n"
        let run = try run(["csv", "FILE"], file: Array(csv.utf8))
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout
                == "[\n[\"name\",\"note\"],\n[\"Zoë \\\"Z\\\"\",\"two\\nlines\"],\n[\"back\\\\slash\",\"tab\\there\"]\n]\n",
            "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
    }

    @Test func theOutputIsJSONThatParsesBackToTheFields() throws {
        let csv = "a,b\n\"\u{01}\u{1F}\",\"ü\"\n"
        let run = try run(["csv", "FILE"], file: Array(csv.utf8))
        let parsed = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String]]
        #expect(parsed == [["a", "b"], ["\u{01}\u{1F}", "ü"]], "\(run)")
    }

    @Test func readsStandardInput() throws {
        let run = try OnboardProcess.run(["csv", "-"], stdin: Data("x;y\n1;2\n".utf8))
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "[\n[\"x\",\"y\"],\n[\"1\",\"2\"]\n]\n", "\(run)")
    }

    @Test func countsRecordsAndFields() throws {
        let run = try run(["csv", "--count", "FILE"], file: Array("a,b,c\n1,2,3\n\n4,\"5\n6\",7\n".utf8))
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "3 records, 9 fields\n", "\(run)")
    }

    @Test(arguments: [false, true])
    func reportsMalformedRecordsAndExits65(counting: Bool) throws {
        let csv = "name,city\nAda,Lon\"don\nBob,\"Paris\nCy,Rome\n"
        let run = try run(
            ["csv"] + (counting ? ["--count"] : []) + ["FILE"], file: Array(csv.utf8), name: "bad.csv")
        #expect(run.status == 65, "\(run)")
        #expect(
            run.stderr == """
                bad.csv:2:8: error: a quote (") appears inside a field that does not start with a quote; \
                put the whole field in quotes and double the inner quote ("")
                bad.csv:3:5: error: a quoted field opened here is never closed; add the missing closing quote (")

                """, "\(run)")
        let expected = counting ? "2 records, 4 fields\n" : "[\n[\"name\",\"city\"],\n[\"Cy\",\"Rome\"]\n]\n"
        #expect(run.stdout == expected, "the good records are still printed: \(run)")
    }

    @Test func aMissingFileExits66WithOneLine() throws {
        let run = try OnboardProcess.run(["csv", "/nonexistent/users.csv"])
        #expect(run.status == 66, "\(run)")
        #expect(
            run.stderr
                == "onboard: error: could not open /nonexistent/users.csv: No such file or directory\n",
            "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
    }

    @Test func anUnreadableInputExits74() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.run(["csv", folder.path])
        #expect(run.status == 74, "a directory cannot be read: \(run)")
        #expect(run.stderr.hasPrefix("onboard: error: could not read "), "\(run)")
    }

    @Test(arguments: [["--delimiter", "x"], ["--encoding", "latin-9"], ["--max-field-bytes", "0"]])
    func aBadOptionValueIsAUsageError(option: [String]) throws {
        let run = try run(["csv"] + option + ["FILE"], file: Array("a\n".utf8))
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("Usage: onboard csv"), "\(run)")
    }

    @Test func detectsSemicolonsAByteOrderMarkAndCRLF() throws {
        let run = try run(
            ["csv", "FILE"], file: [0xEF, 0xBB, 0xBF] + Array("Name;Stadt\r\nZoë;Köln\r\n".utf8))
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "[\n[\"Name\",\"Stadt\"],\n[\"Zoë\",\"Köln\"]\n]\n", "\(run)")
    }

    @Test func readsExcelUnicodeTextInUTF16LE() throws {
        let text = "Name\tCity\r\nZoë\t東京\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let run = try run(["csv", "FILE"], file: bytes)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "[\n[\"Name\",\"City\"],\n[\"Zoë\",\"東京\"]\n]\n", "\(run)")
    }

    @Test(arguments: ["windows-1252", "cp1252"])
    func readsWindows1252WhenTold(name: String) throws {
        let run = try run(
            ["csv", "--encoding", name, "--delimiter", ";", "FILE"],
            file: [0x5A, 0x6F, 0xEB, 0x3B, 0x80, 0x0A])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "[\n[\"Zoë\",\"€\"]\n]\n", "\(run)")
    }

    @Test func anEmptyFileIsAnEmptyArray() throws {
        let run = try run(["csv", "FILE"], file: [])
        #expect(run.status == 0 && run.stdout == "[\n]\n", "\(run)")
    }
}
