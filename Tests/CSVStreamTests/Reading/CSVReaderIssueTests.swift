import CSVStream
import Testing

/// Malformed records: reported where they go wrong, and reading carries on.
struct CSVReaderIssueTests {
    @Test func aQuoteInsideAnUnquotedFieldIsAnIssueAtItsColumn() throws {
        let reading = try read("h1,h2\nab\"c,d\nok,1\n")
        #expect(reading.records == [["h1", "h2"], ["ok", "1"]], "the next record is read")
        let issue = try #require(reading.issues.first, "one issue")
        #expect(issue.kind == .quoteInUnquotedField, "kind")
        #expect((issue.line, issue.column) == (2, 3), "line 2 column 3")
        #expect(issue.position == CSVPosition(line: 2, record: 2, byteOffset: 6), "record 2 on line 2")
    }

    @Test func textAfterAClosingQuoteIsAnIssueAtThatText() throws {
        let reading = try read("h\nö,\"ab\"c,d\nok\n")
        let issue = try #require(reading.issues.first, "one issue")
        #expect(issue.kind == .textAfterClosingQuote, "kind")
        #expect((issue.line, issue.column) == (2, 7), "column 7 counts ö as one character")
        #expect(reading.records == [["h"], ["ok"]], "carries on")
    }

    @Test func aMalformedRecordSkipsToItsEndEvenAcrossAQuotedLineBreak() throws {
        let reading = try read("a\"b,\"x\ny\"\nnext\n")
        #expect(reading.records == [["next"]], "the quoted line break belongs to the bad record")
        #expect(reading.issues.map(\.position.record) == [1], "record 1 is malformed")
        #expect(reading.outcomes.last == .record(["next"], line: 3, record: 2), "record 2 on line 3")
    }

    @Test func anUnterminatedQuoteIsReportedWhereItOpensAndReadingResumesOnTheNextLine() throws {
        let reading = try read("name,city\nAda,\"London\nBob,Paris\nCy,Rome\n")
        let issue = try #require(reading.issues.first, "one issue")
        #expect(issue.kind == .unterminatedQuote, "kind")
        #expect((issue.line, issue.column) == (2, 5), "where the quote opened")
        #expect(
            issue.description
                == "2:5: a quoted field opened here is never closed; add the missing closing quote (\")",
            "message")
        #expect(
            reading.outcomes.dropFirst(2) == [
                .record(["Bob", "Paris"], line: 3, record: 3), .record(["Cy", "Rome"], line: 4, record: 4),
            ], "rows after the stray quote are read")
    }

    @Test func anUnterminatedQuoteOverTheFieldLimitResumesBeforeTheEndOfTheInput() throws {
        var text = "h\n\"stray\n"
        for row in 0..<40 { text += "row \(row)\n" }
        text += "\"fine\"\n"
        let reading = try read(text, options: CSVReaderOptions(maxFieldBytes: 64))
        #expect(reading.issues.map(\.kind) == [.unterminatedQuote], "reported once")
        #expect(reading.records.count == 42, "header, 40 rows and the last record")
        #expect(reading.records.last == ["fine"], "the last record is read")
    }

    @Test func anOverlongOpenQuoteOnOneLineIsAFieldOverTheLimitAndSkipsThatLine() throws {
        let text = "h\n\"" + String(repeating: "x", count: 100) + "\nnext\n"
        let reading = try read(text, options: CSVReaderOptions(maxFieldBytes: 16))
        #expect(reading.issues.map(\.kind) == [.fieldTooLarge(limit: 16)], "reported as over the limit")
        #expect(reading.records == [["h"], ["next"]], "the next line is read")
    }

    @Test func aClosedQuotedFieldOverTheLimitIsNotCalledUnclosed() throws {
        let text = "h,i\n\"" + String(repeating: "x", count: 100) + "\",tail\nnext,row\n"
        let reading = try read(text, options: CSVReaderOptions(maxFieldBytes: 16))
        let issue = try #require(reading.issues.first, "one issue")
        #expect(issue.kind == .fieldTooLarge(limit: 16), "the field is too large, its quote does close")
        #expect((issue.line, issue.column) == (2, 1), "where the field starts")
        #expect(
            reading.records == [["h", "i"], ["next", "row"]], "the rest of its line is dropped, the next read"
        )
    }

    @Test func aFieldOverTheLimitIsAnIssueAndTheNextRecordIsRead() throws {
        let text = "h\nshort,\(String(repeating: "y", count: 40))\nok\n"
        let reading = try read(text, options: CSVReaderOptions(maxFieldBytes: 32))
        let issue = try #require(reading.issues.first, "one issue")
        #expect(issue.kind == .fieldTooLarge(limit: 32), "kind")
        #expect((issue.line, issue.column) == (2, 7), "where the field starts")
        #expect(reading.records == [["h"], ["ok"]], "carries on")
    }

    @Test func aFieldAtTheLimitIsFine() throws {
        let field = String(repeating: "z", count: 32)
        let reading = try read(
            "\(field)\n\"\(field.dropLast(2))\"\n", options: CSVReaderOptions(maxFieldBytes: 32))
        #expect(reading.records == [[field], [String(field.dropLast(2))]], "32 bytes, quotes included")
    }

    @Test func tooManyFieldsIsAnIssue() throws {
        let reading = try read("a,b,c\na,b,c,d\nx\n", options: CSVReaderOptions(maxFields: 3))
        let issue = try #require(reading.issues.first, "one issue")
        #expect(issue.kind == .tooManyFields(limit: 3), "kind")
        #expect((issue.line, issue.column) == (2, 7), "at the fourth field")
        #expect(reading.records == [["a", "b", "c"], ["x"]], "carries on")
    }

    @Test(arguments: ["a\0b\n", "\"a\0b\"\n"])
    func aNULByteIsAnIssue(record: String) throws {
        let reading = try read("h\n" + record + "ok\n")
        #expect(reading.issues.map(\.kind) == [.nulByte], "NUL in \(record.debugDescription)")
        #expect(reading.issues.first?.line == 2, "line 2")
        #expect(reading.records == [["h"], ["ok"]], "carries on")
    }

    @Test func malformedRecordsCountAsRecords() throws {
        let reading = try read("h\n\"x\"y\n\ngood\n")
        #expect(reading.outcomes.last == .record(["good"], line: 4, record: 3), "good is record 3 on line 4")
    }
}
