import Foundation
import Reports
import ReportTestSupport
import Testing

struct HTMLReportWriterTests {
    private func writeSample(_ run: SampleRun = SampleRun(), in folder: TemporaryFolder, rowCap: Int = 1_000)
        throws
        -> ParsedDocument
    {
        let path = folder.file("report.html")
        try run.write(to: HTMLReportWriter(path: path, rowCap: rowCap))
        return try ParsedDocument(htmlAt: path)
    }

    @Test func hostileValuesShowAsTextAndInjectNoElement() throws {
        let folder = try TemporaryFolder()
        let page = try writeSample(in: folder)
        #expect(page.elements(named: "script").isEmpty, "no <script> element may come from input")
        #expect(page.elements(named: "img").isEmpty, "no <img> element may come from input")
        let text = page.allText
        #expect(text.contains(SampleRun.script), "the script tag shows as text")
        #expect(text.contains(SampleRun.imageTag), "the attribute-breaking value shows as text")
        #expect(page.elements(named: "style").count == 1, "one inline stylesheet, ours")
    }

    @Test func nonASCIIStaysUTF8WithACharsetDeclaration() throws {
        let folder = try TemporaryFolder()
        _ = try writeSample(in: folder)
        let raw = try folder.contents("report.html")
        #expect(raw.hasPrefix("<!DOCTYPE html>"), "an HTML5 doctype")
        #expect(raw.contains("charset=UTF-8"), "the page declares UTF-8")
        #expect(raw.contains(SampleRun.nonASCII), "non-ASCII is written as UTF-8, not as entities")
        #expect(!raw.contains("&#"), "no numeric character references")
    }

    @Test func theSummaryShowsTheModelsTotals() throws {
        let folder = try TemporaryFolder()
        let run = SampleRun()
        let page = try writeSample(run, in: folder)
        let totals = run.totals
        let cards = Dictionary(
            page.elements(named: "div").filter { $0.attributes["class"]?.hasPrefix("card ") == true }
                .map { ($0.attributes["class"]!, $0.text.filter { !$0.isWhitespace }) },
            uniquingKeysWith: { first, _ in first })
        #expect(cards["card rows"]?.hasPrefix(grouped(totals.rows.total)) == true, "rows card: \(cards)")
        #expect(cards["card created"]?.hasPrefix(grouped(totals.rows.created)) == true, "created card")
        #expect(cards["card rejected"]?.hasPrefix(grouped(totals.rows.rejected)) == true, "rejected card")
        #expect(cards["card duplicate"]?.hasPrefix(grouped(totals.rows.duplicate)) == true, "duplicate card")
        #expect(cards["card warnings"]?.hasPrefix(grouped(totals.warnings)) == true, "warnings card")
        let breakdown = page.elements(named: "tr").map(\.text)
        let customers = [
            totals.customers.created, totals.customers.updated, totals.customers.unchanged,
            totals.customers.rejected, totals.customers.duplicate, totals.customers.total,
        ].map(String.init)
        #expect(
            breakdown.contains { $0.filter { !$0.isWhitespace } == "Customers" + customers.joined() },
            "customers row")
        #expect(page.allText.contains("2 of them conflict with an earlier row"), "conflicts are called out")
    }

    @Test func noPasswordAppearsInTheReport() throws {
        let folder = try TemporaryFolder()
        let run = SampleRun()
        _ = try writeSample(run, in: folder)
        let raw = try folder.contents("report.html")
        for password in run.passwords {
            #expect(!raw.contains(password.revealed), "a password leaked into report.html")
        }
    }

    @Test func overTheCapOnlyTheFirstRowsAreShownWithAPointerToTheRest() throws {
        let folder = try TemporaryFolder()
        var run = SampleRun(tenantCount: 1, usersPerTenant: 1)
        for index in 0..<1_205 {
            run.outcomes.append(
                RowOutcome(
                    position: .init(file: "users.csv", line: 100 + index, record: 100 + index),
                    kind: .rejected,
                    entity: .user, key: "reject\(index)@tenant0.onmicrosoft.com", tenant: "tenant0",
                    findings: [
                        Finding(
                            code: "invalid-role", severity: .error, field: "role", message: "unknown role",
                            value: "Boss")
                    ]))
        }
        let writer = HTMLReportWriter(path: folder.file("report.html"))
        try run.write(to: writer)
        let page = try ParsedDocument(htmlAt: folder.file("report.html"))
        let attention = run.totals.rowsNeedingAttention
        #expect(attention == 1_211, "the sample has 1,211 rows needing attention, got \(attention)")
        #expect(
            page.allText.contains(
                "Showing the first 1,000 of 1,211 rows. All of them are in report.xml and in the rejects files (rejects/)."
            ),
            "the pointer says how many and where the rest are")
        #expect(!page.allText.contains("reject1000@"), "row 1,001 of the rejects is not on the page")
        #expect(page.allText.contains("reject993@"), "the 1,000th row needing attention is on the page")
    }

    @Test func theSinkKeepsAtMostTheCapInMemory() throws {
        let folder = try TemporaryFolder()
        let writer = HTMLReportWriter(path: folder.file("report.html"), rowCap: 10)
        let run = SampleRun()
        try writer.begin(run.metadata, files: run.files)
        for index in 0..<50 {
            try writer.record(
                RowOutcome(
                    position: .init(file: "u.csv", line: index + 2, record: index + 2), kind: .duplicate,
                    entity: .user, key: "k\(index)"))
        }
        #expect(writer.heldRows == 10, "held \(writer.heldRows) rows, cap is 10")
    }

    @Test func deterministicRunsWriteIdenticalBytes() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        _ = try writeSample(SampleRun(seed: 5), in: first)
        _ = try writeSample(SampleRun(seed: 5), in: second)
        let a = try Data(contentsOf: URL(fileURLWithPath: first.file("report.html")))
        let b = try Data(contentsOf: URL(fileURLWithPath: second.file("report.html")))
        #expect(a == b, "same seed and SOURCE_DATE_EPOCH: same bytes")
    }
}

/// A count as the page writes it, `1,234`.
private func grouped(_ value: Int) -> String {
    value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
}
