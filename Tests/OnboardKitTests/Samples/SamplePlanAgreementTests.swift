import Foundation
import Testing

@testable import OnboardKit

/// What `onboard samples` promises in `expected.json` is exactly what a plan of its files reports.
struct SamplePlanAgreementTests {
    @Test(arguments: [(0.0, 0.2, UInt64(3)), (0.1, 0.2, 11), (0.1, 0.1, 12), (0.05, 0.3, 13)])
    func planCountsEqualExpectedJSON(errorRate: Double, duplicateRate: Double, seed: UInt64) throws {
        let samples = try GeneratedSamples(
            SampleConfiguration(
                customers: 150, users: 3000, errorRate: errorRate, duplicateRate: duplicateRate, seed: seed))
        let expected = try JSONDecoder().decode(ExpectedFile.self, from: Data(samples.bytes("expected.json")))
        let out = samples.folder.appendingPathComponent("plan").path
        let report = try Planner().plan(
            PlanRequest(
                customersPath: samples.folder.appendingPathComponent("customers.csv").path,
                usersPaths: [samples.folder.appendingPathComponent("users.csv").path], outputDirectory: out))
        for (name, counts, file) in [
            ("customers", report.customers, expected.customers), ("users", report.users, expected.users),
        ] {
            #expect(counts.read == file.rows, "\(name): every row read: \(counts) vs \(file)")
            #expect(counts.duplicate == file.duplicate, "\(name): duplicates: \(counts) vs \(file)")
            #expect(counts.conflict == file.conflict, "\(name): conflicts: \(counts) vs \(file)")
            #expect(
                counts.rejected == file.invalid + file.conflict,
                "\(name): rejected are the invalid rows and the conflicts: \(counts) vs \(file)")
            #expect(
                counts.created == file.rows - file.invalid - file.duplicate - file.conflict,
                "\(name): every other row would be created: \(counts) vs \(file)")
        }
    }
}
