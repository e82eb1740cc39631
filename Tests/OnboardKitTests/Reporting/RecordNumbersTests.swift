import Testing

@testable import OnboardKit

struct RecordNumbersTests {
    @Test func findsTheRecordOfEveryRowNotedAcrossMultiLineRecordsAndBlankLines() {
        // Records 2–6 of one file: record 3 spans lines 3–4, a blank line 6 is skipped.
        let rows = [(2, 2), (3, 3), (5, 4), (7, 5), (8, 6)]
        var numbers = RecordNumbers(fileCount: 2)
        for (line, record) in rows { numbers.note(file: 0, line: line, record: record) }
        numbers.note(file: 1, line: 2, record: 2)
        for (line, record) in rows {
            #expect(numbers.record(file: 0, line: line) == record, "line \(line) is record \(record)")
        }
        #expect(numbers.record(file: 1, line: 2) == 2, "each file has its own numbers")
        #expect(numbers.record(file: 0, line: 1) == nil, "nothing before the first row noted")
        #expect(numbers.record(file: 5, line: 2) == nil, "no such file")
    }
}
