import Testing

@testable import OnboardKit

struct InboxBatchTests {
    let run = InboxRunID(rawValue: "20261125-110000-abcdef")

    func file(_ name: String, _ format: InputFormat?, sha: String? = nil) -> InboxFile {
        InboxFile(
            name: name, path: "inbox/" + name, sha256: sha ?? name,
            verdict: format.map { .importable($0) } ?? .unusable(reason: "no header"))
    }

    @Test func customersGoFirstThenUsersByNameThenTheRest() {
        let ordered = InboxBatch.ordered(
            [
                file("b-users.csv", .users), file("0-notes.txt", nil), file("z-customers.csv", .customers),
                file("a-portal.csv", .portalBulkCreate),
            ], runID: run)
        #expect(
            ordered.map(\.name) == ["z-customers.csv", "a-portal.csv", "b-users.csv", "0-notes.txt"],
            "\(ordered.map(\.name))")
        #expect(ordered.prefix(3).allSatisfy { $0.importFormat != nil }, "all three imported")
    }

    @Test func aSecondCustomersFileAndTheUsersFilesWaitForTheNextRun() {
        let ordered = InboxBatch.ordered(
            [
                file("customers-2.csv", .customers), file("users.csv", .users),
                file("customers-1.csv", .customers),
            ],
            runID: run)
        #expect(ordered.map(\.name) == ["customers-1.csv", "customers-2.csv", "users.csv"], "by name")
        #expect(ordered[0].importFormat == .customers, "the first customers file is imported")
        for waiting in ordered.dropFirst() {
            guard case .waiting = waiting.verdict else {
                Issue.record("\(waiting.name) should wait: \(waiting.verdict)")
                continue
            }
        }
    }

    @Test func aCopyInTheSameRunIsAlreadyProcessedByThisRun() {
        let ordered = InboxBatch.ordered(
            [file("users.csv", .users, sha: "same"), file("users-copy.csv", .users, sha: "same")], runID: run)
        #expect(ordered.map(\.name) == ["users-copy.csv", "users.csv"], "by name: - sorts before .")
        #expect(ordered[0].importFormat == .users, "the first by name is imported")
        #expect(
            ordered[1].verdict
                == .alreadyProcessed(InboxLedger.Entry(sha256: "same", runID: run, name: "users-copy.csv")),
            "the second is archived as processed by this run: \(ordered[1].verdict)")
    }
}
