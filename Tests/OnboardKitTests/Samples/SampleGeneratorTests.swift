import CSVStream
import Foundation
import Testing

@testable import OnboardKit

struct SampleGeneratorTests {
    @Test func theSameArgumentsGiveTheSameBytes() throws {
        let configuration = SampleConfiguration(
            customers: 30, users: 400, errorRate: 0.1, duplicateRate: 0.1, seed: 42)
        let first = try GeneratedSamples(configuration)
        let second = try GeneratedSamples(configuration)
        for name in ["customers.csv", "users.csv", "expected.json"] {
            #expect(
                try first.bytes(name) == second.bytes(name),
                "\(name) is byte for byte the same for the same seed")
        }
    }

    @Test func anotherSeedGivesOtherData() throws {
        let first = try GeneratedSamples(SampleConfiguration(customers: 10, users: 50, seed: 1))
        let second = try GeneratedSamples(SampleConfiguration(customers: 10, users: 50, seed: 2))
        #expect(try first.bytes("customers.csv") != second.bytes("customers.csv"), "customers differ by seed")
        #expect(try first.bytes("users.csv") != second.bytes("users.csv"), "users differ by seed")
    }

    @Test(arguments: [(1, 0), (1, 1), (7, 93), (120, 2500)])
    func writesTheAskedNumberOfRowsInOnboardsColumns(customers: Int, users: Int) throws {
        let samples = try GeneratedSamples(SampleConfiguration(customers: customers, users: users, seed: 5))
        let customerRows = try samples.records("customers.csv")
        let userRows = try samples.records("users.csv")
        #expect(customerRows.first == CustomerSampler.header, "customers.csv starts with its header")
        #expect(userRows.first == UserSampler.header, "users.csv starts with its header")
        #expect(customerRows.count == customers + 1, "one customer row per --customers")
        #expect(userRows.count == users + 1, "one user row per --users")
        #expect(customerRows.allSatisfy { $0.count == 16 }, "every customer row has the 16 columns")
        #expect(userRows.allSatisfy { $0.count == 11 }, "every user row has the 11 columns")
    }

    @Test(arguments: [(0.0, 0.0), (0.1, 0.0), (0.0, 0.2), (0.15, 0.1), (0.3, 0.3)])
    func brokenAndRepeatedRowsMatchExpectedJSON(errorRate: Double, duplicateRate: Double) throws {
        let samples = try GeneratedSamples(
            SampleConfiguration(
                customers: 80, users: 1500, errorRate: errorRate, duplicateRate: duplicateRate, seed: 9))
        let expected = try JSONDecoder().decode(ExpectedFile.self, from: Data(samples.bytes("expected.json")))
        #expect(expected.seed == 9, "expected.json records the seed")
        #expect(
            expected.customers.invalid == Int((errorRate * 80).rounded())
                && expected.users.invalid == Int((errorRate * 1500).rounded()),
            "the invalid counts are the asked share, rounded: \(expected)")

        let check = SampleChecker()
        let customers = check.customers(try samples.records("customers.csv"))
        #expect(customers == expected.customers, "customers.csv holds what expected.json says")
        let users = check.users(try samples.records("users.csv"), tenants: customers.validTenants)
        #expect(users == expected.users, "users.csv holds what expected.json says")
        #expect(users.upnsOnForeignDomains == 0, "every valid user's UPN is on its own tenant's domain")
        #expect(
            customers.validTenants.count + customers.invalid + customers.duplicate + customers.conflict == 80,
            "every customer row is valid, invalid, a duplicate or a conflict")
    }

    @Test func onboardsReaderReadsTheFilesAsWritten() throws {
        let samples = try GeneratedSamples(
            SampleConfiguration(customers: 60, users: 800, errorRate: 0.2, duplicateRate: 0.1, seed: 11))
        for name in ["customers.csv", "users.csv"] {
            let reader = CSVReader(bytes: try samples.bytes(name), name: name)
            var records: [[String]] = []
            while let result = try reader.next() { records.append(try result.get().fields) }
            #expect(reader.delimiter == UInt8(ascii: ","), "\(name): the comma is detected")
            #expect(
                try records == samples.records(name),
                "\(name): the reader sees the same records as a strict parser")
        }
    }

    @Test func usersAreSpreadOverTheTenantsWithSomeLargeOnes() throws {
        var random = SampleRandom(seed: 3)
        let shares = SampleGenerator.usersPerTenant(total: 10_000, tenants: 100, using: &random)
        #expect(shares.reduce(0, +) == 10_000, "every user goes to a tenant")
        #expect(
            shares.max()! > 5 * shares.sorted()[50], "the largest tenant has many more users than the median")
    }

    @Test func refusesRatesThatLeaveNoValidRow() {
        #expect(
            throws: SampleGenerationError.ratesTooHigh(rows: 10), "the first row of a file is always valid"
        ) {
            try SampleConfiguration(customers: 10, users: 0, errorRate: 0.5, duplicateRate: 0.5).validate()
        }
        #expect(throws: SampleGenerationError.usersWithoutCustomers, "users need a tenant") {
            try SampleConfiguration(customers: 0, users: 10).validate()
        }
        #expect(throws: SampleGenerationError.rateOutOfRange, "a rate is a share") {
            try SampleConfiguration(customers: 1, users: 1, errorRate: 1.5).validate()
        }
    }
}

/// The counts of `expected.json`, as a reader other than the generator sees them.
struct ExpectedFile: Decodable, CustomStringConvertible {
    struct Counts: Decodable, Equatable {
        var rows, invalid, duplicate, conflict: Int
    }

    var customers: Counts
    var users: Counts
    var seed: UInt64

    var description: String { "customers \(customers), users \(users)" }
}

/// Generates samples into a temporary folder, removed when the value goes away.
final class GeneratedSamples {
    let folder: URL

    init(_ configuration: SampleConfiguration) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("samples-\(UUID().uuidString)")
        try SampleGenerator(configuration: configuration).write(to: folder.path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    }

    func records(_ name: String) throws -> [[String]] {
        try RFC4180Records.parse(bytes(name))
    }
}
