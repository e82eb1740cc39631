import CSVStream
import Testing

/// Line breaks, final lines and blank lines.
struct CSVReaderLineBreakTests {
    @Test(arguments: [
        "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\r\n1,2\n", "a,b\r1,2\r\n", "a,b\n1,2",
    ])
    func readsEveryKindOfLineBreak(text: String) throws {
        let reading = try read(text)
        #expect(reading.records == [["a", "b"], ["1", "2"]], "records of \(text.debugDescription)")
        #expect(
            reading.outcomes.map { if case .record(_, let line, _) = $0 { line } else { 0 } } == [1, 2],
            "lines of \(text.debugDescription)")
    }

    @Test(arguments: [
        ("a\n\nb\n", 1), ("a\r\n\r\nb\r\n", 1), ("a\r\rb\r", 1), ("\n\na\n\n\nb\n\n", 5), ("a\nb\n\n", 1),
    ])
    func skipsAndCountsBlankLines(text: String, blank: Int) throws {
        let reading = try read(text)
        #expect(reading.records == [["a"], ["b"]], "blank lines are not records in \(text.debugDescription)")
        #expect(reading.blankLines == blank, "blank lines counted in \(text.debugDescription)")
    }

    @Test func blankLinesStillAdvanceLineNumbersButNotRecordNumbers() throws {
        let reading = try read("h\n\n\nx\n")
        #expect(
            reading.outcomes == [.record(["h"], line: 1, record: 1), .record(["x"], line: 4, record: 2)],
            "x is on line 4 and is record 2")
    }

    @Test func aLineOfSpacesIsARecord() throws {
        let reading = try read("a\n  \n")
        #expect(reading.records == [["a"], ["  "]], "only zero-length lines are blank")
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try read("").outcomes.isEmpty, "nothing in, nothing out")
    }
}
