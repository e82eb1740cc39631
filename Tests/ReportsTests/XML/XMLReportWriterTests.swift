import Foundation
import Reports
import ReportTestSupport
import Testing

struct XMLReportWriterTests {
    private func writeSample(_ run: SampleRun = SampleRun(), in folder: TemporaryFolder) throws -> String {
        let path = folder.file("report.xml")
        try run.write(to: XMLReportWriter(path: path))
        return path
    }

    @Test func aRichRunValidatesAgainstThePublishedSchemaInSwiftAndInXmllint() throws {
        let folder = try TemporaryFolder()
        let path = try writeSample(in: folder)
        let schema = try ReportSchema(path: schemaPath)
        let errors = schema.validate(fileAt: path)
        #expect(errors.isEmpty, "libxml2 schema validation errors: \(errors)")
        let xmllint = try xmllintValidates(path, schema: schemaPath)
        #expect(xmllint != false, "xmllint rejects the report that libxml2 accepted")
        if xmllint == nil {
            print("note: xmllint not installed (apt-get install libxml2-utils); checked in Swift only")
        }
    }

    @Test func aReportThatBreaksTheSchemaIsRejectedByBothValidators() throws {
        let folder = try TemporaryFolder()
        let path = try writeSample(in: folder)
        let broken = try folder.contents("report.xml").replacingOccurrences(
            of: "kind=\"duplicate\"", with: "kind=\"twice\"")
        try broken.write(toFile: folder.file("broken.xml"), atomically: true, encoding: .utf8)
        let errors = try ReportSchema(path: schemaPath).validate(fileAt: folder.file("broken.xml"))
        #expect(
            !errors.isEmpty && errors.contains { $0.contains("twice") },
            "an unknown row kind must fail: \(errors)")
        #expect(
            try xmllintValidates(folder.file("broken.xml"), schema: schemaPath) != true, "xmllint must agree")
        _ = path
    }

    @Test func totalsInTheReportEqualTheModelsTotals() throws {
        let folder = try TemporaryFolder()
        let run = SampleRun()
        let report = try ParsedDocument(xmlAt: writeSample(run, in: folder))
        let expected = run.totals
        #expect(expected.isConsistent, "the sample's totals must add up")
        let totals = try #require(report.elements(named: "totals").first)
        #expect(totals.attributes["warnings"] == String(expected.warnings), "warnings")
        #expect(totals.attributes["conflicts"] == String(expected.conflicts), "conflicts")
        for (name, counts) in [
            ("rows", expected.rows), ("customers", expected.customers), ("users", expected.users),
        ] {
            let element = try #require(report.elements(named: name).last, "<\(name)> in totals")
            for kind in RowOutcome.Kind.allCases {
                #expect(element.attributes[kind.rawValue] == String(counts[kind]), "\(name) \(kind)")
            }
            #expect(element.attributes["total"] == String(counts.total), "\(name) total")
        }
        #expect(report.elements(named: "row").count == run.outcomes.count, "one <row> per outcome")
        #expect(expected.rows.total == run.outcomes.count && expected.conflicts == 2, "sample shape")
    }

    @Test func hostileAndNonASCIIValuesReadBackExactly() throws {
        let folder = try TemporaryFolder()
        let report = try ParsedDocument(xmlAt: writeSample(in: folder))
        let values = report.elements(named: "value").map(\.text)
        #expect(values.contains(SampleRun.script), "the script tag is text, read back as written")
        #expect(values.contains(SampleRun.imageTag), "the quote-breaking value is text")
        #expect(values.contains(SampleRun.nonASCII), "non-ASCII survives as UTF-8")
        #expect(values.contains("tab\there\u{FFFD}bell\u{FFFD}"), "characters XML forbids become U+FFFD")
        let keys = report.elements(named: "row").compactMap { $0.attributes["key"] }
        #expect(keys.contains(SampleRun.imageTag), "attribute values are escaped too")
        #expect(
            report.elements(named: "script").isEmpty && report.elements(named: "img").isEmpty,
            "no markup injected")
        let raw = try folder.contents("report.xml")
        #expect(raw.contains("Zoë Ærøskøbing"), "UTF-8 in the file, not character references")
    }

    @Test func noPasswordAppearsInTheReport() throws {
        let folder = try TemporaryFolder()
        let run = SampleRun()
        _ = try writeSample(run, in: folder)
        let raw = try folder.contents("report.xml")
        for password in run.passwords {
            #expect(!raw.contains(password.revealed), "a password leaked into report.xml")
        }
        #expect(raw.contains("&lt;redacted&gt;"), "the message that interpolated a Secret shows it redacted")
    }

    @Test func deterministicRunsWriteIdenticalBytes() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        _ = try writeSample(SampleRun(seed: 42), in: first)
        _ = try writeSample(SampleRun(seed: 42), in: second)
        let a = try Data(contentsOf: URL(fileURLWithPath: first.file("report.xml")))
        let b = try Data(contentsOf: URL(fileURLWithPath: second.file("report.xml")))
        #expect(a == b, "same seed and SOURCE_DATE_EPOCH: same bytes")
        let text = try first.contents("report.xml")
        #expect(text.contains("started=\"2025-11-24T16:00:00Z\""), "the start time is SOURCE_DATE_EPOCH")
        #expect(
            text.contains("seconds=\"0.000\"") && !text.contains("seconds=\"7.500\""), "durations are zeroed")
        _ = try writeSample(SampleRun(seed: 43), in: second)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: second.file("report.xml"))) != a,
            "another seed, another run id")
    }

    @Test func aReportIsOnlyInPlaceWhenFinished() throws {
        let folder = try TemporaryFolder()
        let run = SampleRun()
        let writer = XMLReportWriter(path: folder.file("report.xml"))
        try writer.begin(run.metadata, files: run.files)
        for outcome in run.outcomes { try writer.record(outcome) }
        #expect(
            !FileManager.default.fileExists(atPath: folder.file("report.xml")), "no final name before finish")
        writer.abandon()
        #expect(try folder.names().isEmpty, "abandoning leaves nothing behind")
    }
}
