import Foundation
import Reports
import ReportTestSupport
import Testing

@testable import OnboardKit

/// Every plan writes report.xml, report.html and summary.json; they validate and agree.
struct RunRecorderTests {
    /// Every input in `samples/`: the customers files alone, each users file with `customers.csv`.
    static let sampleRuns: [(customers: String, users: [String])] = [
        ("customers.csv", []),
        ("customers-with-errors.csv", []),
        ("customers-with-errors.csv", ["users-with-errors.csv"]),
        ("customers.csv", ["users.csv"]),
        ("customers.csv", ["users-with-errors.csv"]),
        ("customers.csv", ["users-duplicates.csv"]),
        ("customers.csv", ["users-excel.csv"]),
        ("customers.csv", ["users-portal-template.csv"]),
        ("customers.csv", ["users-admin-center.csv"]),
        ("customers.csv", ["users-unicode-text.txt"]),
    ]

    @Test(arguments: sampleRuns)
    func reportsOfEverySampleValidateAndAgreeWithTheSummary(run: (customers: String, users: [String])) throws
    {
        let planned = try PlannedReports(
            customers: PlannedReports.sample(run.customers), users: run.users.map(PlannedReports.sample))
        try expectValidAndAgreeing(planned, "\(run)")
    }

    @Test func aGeneratedRunWithErrorsAndDuplicatesValidatesAndAgrees() throws {
        let samples = try GeneratedSamples(
            SampleConfiguration(customers: 60, users: 1200, errorRate: 0.1, duplicateRate: 0.1, seed: 4))
        let planned = try PlannedReports(
            customers: samples.folder.appendingPathComponent("customers.csv").path,
            users: [samples.folder.appendingPathComponent("users.csv").path])
        try expectValidAndAgreeing(planned, "generated")
        let xml = try String(contentsOfFile: planned.xmlPath, encoding: .utf8)
        #expect(xml.contains("conflict=\"true\""), "the generated conflicts are flagged")
        #expect(xml.contains("<firstSeen "), "duplicates and conflicts say where the key was first seen")
    }

    func expectValidAndAgreeing(_ planned: PlannedReports, _ name: String) throws {
        let errors = try ReportSchema(path: PlannedReports.schemaPath).validate(fileAt: planned.xmlPath)
        #expect(errors.isEmpty, "\(name): report.xml is valid (libxml2): \(errors.prefix(5))")
        if let valid = try xmllintValidates(planned.xmlPath, schema: PlannedReports.schemaPath) {
            #expect(valid, "\(name): report.xml is valid (xmllint --noout --schema)")
        } else {
            print("xmllint not installed (apt-get install libxml2-utils): its half of the check is skipped")
        }
        let summary = try planned.summaryTotals()
        #expect(
            summary["rows"]?.values.reduce(0, +) == planned.report.rows.read,
            "\(name): summary covers every row")
        #expect(try planned.xmlTotals() == summary, "\(name): report.xml's totals are summary.json's")
        #expect(try planned.htmlTotals() == summary, "\(name): report.html's totals are summary.json's")
    }

    @Test func aPlansPageSaysWhatAnImportWouldDo() throws {
        let planned = try PlannedReports(
            customers: PlannedReports.sample("customers-with-errors.csv"),
            users: [PlannedReports.sample("users-with-errors.csv")])
        let elements = try ParsedDocument(htmlAt: planned.htmlPath).elements
        let headings = elements.filter { $0.name == "th" }.map(\.text)
        #expect(
            headings.contains("To create") && headings.contains("Users to create"),
            "columns say would: \(headings)")
        #expect(
            !headings.contains("Created") && !headings.contains("Steps done"), "nothing was done: \(headings)"
        )
        let badges = elements.filter { $0.attributes["class"]?.hasPrefix("badge") == true }.map(\.text)
        #expect(
            badges.contains("would create") && !badges.contains("created"), "tenant results: \(Set(badges))")
        let attention = elements.filter { $0.name == "li" }.map(\.text)
        #expect(
            attention.contains { $0.hasPrefix("28 rows would be rejected") }
                && attention.contains { $0.hasPrefix("1 duplicate row would be skipped") },
            "what needs attention, as a plan: \(attention)")
    }

    @Test func firstSeenNamesTheEarlierRowByLineAndRecord() throws {
        let planned = try PlannedReports(
            customers: PlannedReports.sample("customers-with-errors.csv"), users: [])
        let rows = try ParsedDocument(xmlAt: planned.xmlPath).elements
        let duplicate = rows.indices.first {
            rows[$0].name == "row" && rows[$0].attributes["kind"] == "duplicate"
        }
        let firstSeen = duplicate.map { rows[$0 + 1] }
        #expect(firstSeen?.name == "firstSeen", "the duplicate row has a firstSeen element")
        #expect(
            firstSeen?.attributes["line"] == "6" && firstSeen?.attributes["record"] == "6",
            "line 14 repeats line 6 (record 6): \(String(describing: firstSeen))")
    }

    @Test func deterministicPlansWriteIdenticalBytes() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-det-\(UUID().uuidString)")
        let arguments = (
            PlannedReports.sample("customers-with-errors.csv"),
            [PlannedReports.sample("users-with-errors.csv")]
        )
        var first: [String: Data] = [:]
        do {
            let planned = try PlannedReports(
                customers: arguments.0, users: arguments.1, deterministic: true, seed: 7, out: out)
            for path in [planned.xmlPath, planned.htmlPath, planned.summaryPath] {
                first[path] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        let again = try PlannedReports(
            customers: arguments.0, users: arguments.1, deterministic: true, seed: 7, out: out)
        for path in [again.xmlPath, again.htmlPath, again.summaryPath] {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: path)) == first[path], "\(path) is byte-identical")
        }
        let xml = try String(contentsOfFile: again.xmlPath, encoding: .utf8)
        #expect(xml.contains("deterministic=\"true\""), "the report says it is deterministic")
        #expect(xml.contains("seconds=\"0.000\""), "durations are written as zero")
    }

    @Test func reportsAreOnlyTheirOwnersAndNoTemporaryFileIsLeft() throws {
        let planned = try PlannedReports(
            customers: PlannedReports.sample("customers.csv"), users: [PlannedReports.sample("users.csv")])
        for file in planned.files {
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file.lastPathComponent) is 0600, got \(String(mode ?? 0, radix: 8))")
            #expect(
                !file.lastPathComponent.hasPrefix("."), "no temporary file left: \(file.lastPathComponent)")
        }
        for folder in [planned.folder, planned.folder.appendingPathComponent("rejects")] {
            let mode =
                try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(folder.lastPathComponent)/ is 0700, got \(String(mode ?? 0, radix: 8))")
        }
        let names = Set(planned.files.map(\.lastPathComponent))
        #expect(
            names == [
                "report.xml", "report.html", "summary.json", "customers.rejects.csv", "users.rejects.csv",
            ],
            "every output of a plan: \(names)")
    }

    @Test func aFailedPlanLeavesNoReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-fail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("no,known,columns\n1,2,3\n".utf8).write(to: bad)
        #expect(throws: PlanError.self, "the header matches no format") {
            try Planner().plan(
                PlanRequest(
                    customersPath: PlannedReports.sample("customers.csv"), usersPaths: [bad.path],
                    outputDirectory: folder.appendingPathComponent("out").path))
        }
        let left =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path))
            ?? []
        #expect(left.allSatisfy { $0 == "rejects" }, "no report, not even a temporary one: \(left)")
    }
}
