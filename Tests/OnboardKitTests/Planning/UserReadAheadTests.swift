import CSVStream
import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

/// The users file read a batch at a time, on a thread of its own (a plan) or inline (an import): the
/// same rows in the same batches either way, in input order, stopping when the run is asked to.
struct UserReadAheadTests {
    /// A users.csv of `count` rows of contoso's, with blank lines and a malformed record among them.
    static func file(count: Int) throws -> InputFile {
        var lines = ["tenant,user_principal_name,display_name,role"]
        for number in 0..<count {
            switch number % 97 {
            case 13: lines.append("")  // blank: skipped, not a row
            case 41: lines.append("contoso,\"broken@contoso.de,Broken \"quote\" here,Reader")  // malformed
            default: lines.append("contoso,user\(number)@contoso.de,User \(number),Reader")
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-readahead-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return try InputFile(path: url.path, options: CSVReaderOptions(), expecting: [.users])
    }

    static var tenants: TenantCatalog {
        var catalog = TenantCatalog()
        catalog.add(IntakeFixtures.tenant(["domains": "contoso.de"]))
        return catalog
    }

    /// Every batch's rows as (line, error count), until the end.
    static func drain(_ readAhead: UserReadAhead) throws -> [[String]] {
        var batches: [[String]] = []
        while let batch = try readAhead.next() {
            batches.append(batch.map { "\($0.row.line):\($0.checked.findings.errors.count)" })
        }
        return batches
    }

    @Test("a thread of its own hands on exactly the batches inline reading makes", arguments: [1, 4])
    func threadedEqualsInline(depth: Int) throws {
        var results: [[[String]]] = []
        for isThreaded in [false, true] {
            let readAhead = UserReadAhead(
                file: try Self.file(count: 1_234), validator: UserValidator(), tenants: Self.tenants,
                interruption: nil, batchSize: 100, isThreaded: isThreaded, depth: depth)
            results.append(try Self.drain(readAhead))
            #expect(try readAhead.next() == nil, "the end stays the end")
        }
        let (inline, threaded) = (results[0], results[1])
        #expect(threaded == inline, "same rows, same batches, same order")
        #expect(inline.dropLast().allSatisfy { $0.count == 100 }, "full batches but the last")
        let rows = inline.flatMap(\.self)
        #expect(rows.count == 1_234 - 13, "every row but the blank lines (13 of them)")
        #expect(rows.filter { !$0.hasSuffix(":0") }.count == 13, "the malformed records are rows with errors")
        #expect(rows.map { Int($0.prefix { $0 != ":" })! } == rows.map { Int($0.prefix { $0 != ":" })! }.sorted(),
            "in input order")
    }

    @Test("asked to stop, it reads no further row and says by which signal", arguments: [false, true])
    func stopsOnInterruption(isThreaded: Bool) throws {
        let interruption = RunInterruption()
        let readAhead = UserReadAhead(
            file: try Self.file(count: 5_000), validator: UserValidator(), tenants: Self.tenants,
            interruption: interruption, batchSize: 100, isThreaded: isThreaded, depth: 2)
        let first = try #require(try readAhead.next(), "a first batch")
        _ = interruption.request(.terminate)
        let rest = try Self.drain(readAhead)
        let read = first.count + rest.reduce(0) { $0 + $1.count }
        #expect(read < 5_000 - 52, "stopped before the end: \(read) rows")
        // Inline, nothing is read after the request; on a thread, at most the batches already queued.
        #expect(read <= 100 * (isThreaded ? 4 : 1), "at most what was read ahead: \(read)")
        #expect(readAhead.stoppedBy == .terminate, "by SIGTERM")
    }

    @Test("stopped early by its caller, it lets go of the file")
    func stopEarly() throws {
        let file = try Self.file(count: 3_000)
        let readAhead = UserReadAhead(
            file: file, validator: UserValidator(), tenants: Self.tenants, interruption: nil, batchSize: 50,
            isThreaded: true, depth: 1)
        _ = try readAhead.next()
        readAhead.stop()
        #expect(try readAhead.next() == nil, "nothing more after stop")
        // The file is the caller's again: reading it here races with nothing.
        var left = 0
        while try file.next() != nil { left += 1 }
        #expect(left < 3_000, "the reading stopped part-way: \(left) records left")
    }
}
