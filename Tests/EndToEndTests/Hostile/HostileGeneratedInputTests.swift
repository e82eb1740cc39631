import Foundation
import Testing

/// Hostile inputs too big to commit, generated into a temporary folder (or a pipe) at test time.
struct HostileGeneratedInputTests {
    static let usersHeader =
        "tenant,user_principal_name,display_name,first_name,last_name,job_title,department,usage_location,role,"
        + "block_sign_in,password\n"

    static func user(_ name: String, display: String) -> String {
        "contoso,\(name)@contoso.onmicrosoft.com,\(display),Bob,Stone,,,DE,Reader,no,\n"
    }

    /// Writes `parts` one after the other into `folder/name`, without holding the whole file in memory.
    static func write(_ parts: [Data], to folder: URL, name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        for part in parts { try handle.write(contentsOf: part) }
        return path
    }

    /// A line far longer than the field limit, streamed through a pipe into `onboard csv -` (a 2 GB
    /// line takes minutes in a debug build; 48 MiB shows the same: the field is reported, the next
    /// record is read, and the process never holds the line). Python runs the pipe and reads its
    /// children's peak memory (`RUSAGE_CHILDREN`): a small parent, so the figure is onboard's own.
    @Test(.disabled(if: OnboardProcess.sanitizer != nil, "a sanitizer's shadow memory counts in the peak"))
    func aHugeLineFromAPipeIsReportedAndMemoryStaysBounded() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let megabytes = 48
        let measure = """
            import resource, subprocess, sys
            status = subprocess.run(["bash", "-c", sys.argv[3], sys.argv[1], sys.argv[2]]).returncode
            print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        // $0 is onboard, $1 the folder.
        let pipe = """
            { printf 'name,note\\n'; head -c \(megabytes << 20) /dev/zero | tr '\\0' x; printf ',tail\\nnext,row\\n'; } \
            | "$0" csv - > "$1/out.json" 2> "$1/err.txt"
            """
        let run = try OnboardProcess.run(
            [folder.path, pipe], launcher: ["/usr/bin/env", "python3", "-c", measure])
        let figures = run.stdout.split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try #require(figures.count == 2, "python3 measured the pipe: \(run)")
        let output = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
        let errors = try String(contentsOf: folder.appendingPathComponent("err.txt"), encoding: .utf8)
        #expect(figures[0] == 65, "a malformed record: \(errors)")
        #expect(
            errors
                == "<stdin>:2:1: error: a field is longer than the limit of 1048576 bytes; this is not a normal CSV field\n",
            "one clear message: \(errors)")
        #expect(
            output == "[\n[\"name\",\"note\"],\n[\"next\",\"row\"]\n]\n", "the records around it: \(output)")
        #expect(
            figures[1] < megabytes << 10,
            "peak memory \(figures[1]) KiB stays below the line's \(megabytes) MiB")
    }

    @Test func aFiftyMegabyteFieldRejectsItsRowOnly() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let field = Data(repeating: UInt8(ascii: "x"), count: 50 << 20)
        let users = try Self.write(
            [
                Data((Self.usersHeader + Self.user("a", display: "Ann Lee")).utf8),
                Data("contoso,b@contoso.onmicrosoft.com,\"".utf8), field,
                Data("\",Bob,Stone,,,DE,Reader,no,\n".utf8),
                Data(Self.user("c", display: "Cy Roe").utf8),
            ], to: folder, name: "users-50mb-field.csv")
        let result = try HostileRun(
            "plan", ["--customers", HostileRun.fixture("base-customers.csv"), "--users", users], in: folder)
        #expect(result.run.status == 1, "one row rejected: \(result.run)")
        #expect(RowCounts(result.counts("users")) == RowCounts(3, created: 2, rejected: 1), "\(result.run)")
        #expect(
            result.run.stdout.contains(
                "users-50mb-field.csv:3: Line 3, column 35: a field is longer than the limit of 1048576 bytes"
            ),
            "the field is named as too long, not as an unclosed quote: \(result.run.stdout)")
        #expect(try result.findingCodes() == ["row.malformed"], "one finding")
        try result.expectWellFormedReports("50 MB field")
    }

    @Test func aHeaderOfAHundredThousandColumnsIsRefusedWithTheLimit() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = (["user_principal_name"] + (1..<100_000).map { "c\($0)" }).joined(separator: ",")
        let users = try Self.write(
            [Data((header + "\na@contoso.onmicrosoft.com\n").utf8)], to: folder, name: "wide.csv")
        let result = try HostileRun(
            "plan", ["--customers", HostileRun.fixture("base-customers.csv"), "--users", users], in: folder)
        #expect(result.run.status == 65, "the file is refused: \(result.run)")
        #expect(
            result.run.stderr.contains("wide.csv:1:")
                && result.run.stderr.contains(
                    ": the header line is not readable CSV: the record has more than 4096 fields"),
            "where the limit was passed: \(result.run.stderr)")
        result.expectNothingWritten("100,000 columns")
    }

    @Test func aRowOfAHundredThousandFieldsIsRejectedAndTheNextRead() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wide = "contoso,w@contoso.onmicrosoft.com" + String(repeating: ",", count: 99_998) + "\n"
        let users = try Self.write(
            [Data((Self.usersHeader + wide + Self.user("a", display: "Ann Lee")).utf8)], to: folder,
            name: "wide-row.csv")
        let result = try HostileRun(
            "plan", ["--customers", HostileRun.fixture("base-customers.csv"), "--users", users], in: folder)
        #expect(result.run.status == 1, "one row rejected: \(result.run)")
        #expect(RowCounts(result.counts("users")) == RowCounts(2, created: 1, rejected: 1), "\(result.run)")
        #expect(result.run.stdout.contains("the record has more than 4096 fields"), "\(result.run.stdout)")
        try result.expectWellFormedReports("100,000 fields")
    }

    @Test func tenThousandCopiesOfOneRowImportOneUser() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row = Data(Self.user("a", display: "Ann Lee").utf8)
        let users = try Self.write(
            [Data(Self.usersHeader.utf8)] + Array(repeating: row, count: 10_000), to: folder,
            name: "copies.csv")
        let result = try HostileRun(
            "import", ["--customers", HostileRun.fixture("base-customers.csv"), "--users", users], in: folder)
        #expect(result.run.status == 0, "duplicates are skipped, not rejected: \(result.run)")
        #expect(
            RowCounts(result.counts("users")) == RowCounts(10_000, created: 1, duplicate: 9_999),
            "\(result.run)")
        #expect(
            result.run.stdout.contains("more lines not shown"),
            "the list is capped: \(result.run.stdout.suffix(400))")
        let listing = try OnboardProcess.run([
            "users", "--tenant", "contoso", "--store", result.store, "--json",
        ])
        #expect(
            listing.stdout.components(separatedBy: "\"userPrincipalName\"").count - 1 == 2,
            "the store holds the admin and one user: \(listing)")
        try result.expectWellFormedReports("10,000 copies")
    }
}
