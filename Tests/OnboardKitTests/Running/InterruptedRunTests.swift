import Foundation
import OnboardCore
import Reports
import Testing

@testable import OnboardKit

/// A run asked to stop: reading stops, what was read is applied and reported, marked interrupted.
struct InterruptedRunTests {
    static func request(_ folder: URL, jobs: Int = 1) -> ImportRequest {
        ImportRequest(
            plan: PlanRequest(
                customersPath: ImporterTests.sample("customers.csv"),
                usersPaths: [ImporterTests.sample("users.csv")],
                outputDirectory: folder.appendingPathComponent("out").path),
            jobs: jobs, batchSize: 1)
    }

    static func summary(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("out/summary.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test func anImportStoppedBeforeItsFirstRowReportsNothingReadAndTheSignal() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let interruption = RunInterruption()
        interruption.request(.interrupt)
        let report = try Importer(directory: InMemoryDirectory(), interruption: interruption).run(
            Self.request(folder))
        #expect(report.rows.read == 0, "no row read: \(report.rows)")
        #expect(report.interruption == .interrupt, "the report names the signal")
        #expect(
            report.text.contains("Interrupted by SIGINT after 0 rows"), "the text says so: \(report.text)")
        let summary = try Self.summary(folder)
        #expect(summary["interrupted"] as? String == "SIGINT", "summary.json names the signal: \(summary)")
    }

    @Test func anImportStoppedMidwayAppliesWhatItReadAndReportsOnlyThat() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 50 ms per call, one at a time: the 222 sample rows would take over ten seconds.
        let store = InMemoryDirectory()
        let directory = SimulatedDirectory(wrapping: store, settings: .init(latency: .milliseconds(50)))
        let interruption = RunInterruption()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) {
            interruption.request(.terminate)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let report = try Importer(directory: directory, interruption: interruption).run(Self.request(folder))
        let took = clock.now - start
        #expect(took < .seconds(5), "stopped soon after the signal, not after every row: \(took)")
        #expect(report.interruption == .terminate, "interrupted by SIGTERM")
        #expect(report.rows.read > 0 && report.rows.read < 222, "some rows read, not all: \(report.rows)")
        #expect(report.rows.isBalanced, "every row read in exactly one count: \(report.rows)")
        let tenants = store.tenants().count
        #expect(
            tenants == report.customers.created, "the tenants reported created are in the store: \(tenants)")
        let summary = try Self.summary(folder)
        #expect(summary["interrupted"] as? String == "SIGTERM", "summary.json: \(summary)")
        #expect(
            (summary["rows"] as? [String: Int])?["read"] == report.rows.read,
            "summary.json counts the rows read")

        let xml = folder.appendingPathComponent("out/report.xml").path
        let errors = try ReportSchema(path: PlannedReports.schemaPath).validate(fileAt: xml)
        #expect(errors.isEmpty, "the interrupted report is valid: \(errors)")
        let text = try String(contentsOfFile: xml, encoding: .utf8)
        #expect(text.contains("interrupted=\"true\" signal=\"SIGTERM\""), "report.xml names the signal")
        let html = try String(
            contentsOfFile: folder.appendingPathComponent("out/report.html").path, encoding: .utf8)
        #expect(html.contains("interrupted by SIGTERM"), "report.html says so")
    }

    @Test func aPlanStoppedBeforeItsFirstRowIsMarkedInterrupted() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let interruption = RunInterruption()
        interruption.request(.terminate)
        let report = try Planner(interruption: interruption).plan(Self.request(folder).plan)
        #expect(
            report.rows.read == 0 && report.interruption == .terminate,
            "nothing read, SIGTERM: \(report.rows)")
        #expect(report.text.contains("Interrupted by SIGTERM"), "the text says so: \(report.text)")
        #expect(
            try Self.summary(folder)["interrupted"] as? String == "SIGTERM", "summary.json names the signal")
    }

    @Test func aRunThatFinishesHasNoInterruptedKey() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Planner(interruption: RunInterruption()).plan(Self.request(folder).plan)
        #expect(report.interruption == nil && report.rows.read == 222, "finished: \(report.rows)")
        #expect(
            try Self.summary(folder)["interrupted"] == nil, "no interrupted key in a finished run's summary")
    }
}
