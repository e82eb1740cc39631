import Foundation
import Testing

@testable import onboard

/// The exit codes: one list in `ExitStatus`, shown by `onboard --help` and README's `## Exit codes`.
struct ExitCodesTests {
    /// README's `## Exit codes` table as (status, meaning) rows.
    func readmeTable() throws -> [(Int32, String)] {
        let readme = try String(
            contentsOf: OnboardProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(
            readme.components(separatedBy: "\n## Exit codes\n").dropFirst().first, "section")
        let body = section.components(separatedBy: "\n## ").first ?? section
        return body.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, let status = Int32(cells[0]) else { return nil }
            return (status, cells[1])
        }
    }

    @Test func readmeListsExactlyTheStatusesOfExitStatus() throws {
        let table = try readmeTable()
        #expect(
            table.map(\.0) == ExitStatus.allCases.map(\.rawValue),
            "the same statuses in the same order: \(table)")
        #expect(table.map(\.1) == ExitStatus.allCases.map(\.meaning), "the same meanings: \(table)")
        #expect(table.map(\.0) == [0, 1, 64, 65, 66, 74, 75, 130, 143], "the documented statuses")
    }

    @Test func helpListsEveryExitStatus() throws {
        let run = try OnboardProcess.run(["--help"])
        #expect(run.status == 0, "\(run)")
        for status in ExitStatus.allCases {
            #expect(run.stdout.contains("\(status.rawValue)"), "status \(status.rawValue) in --help: \(run)")
            #expect(run.stdout.contains(status.meaning.prefix(30)), "its meaning: \(run)")
        }
    }
}
