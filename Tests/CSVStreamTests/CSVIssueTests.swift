import CSVStream
import Testing

struct CSVIssueTests {
    @Test func describesWhereAndWhatForAPerson() {
        let issue = CSVIssue(
            kind: .unterminatedQuote, position: CSVPosition(line: 4, record: 3, byteOffset: 90), line: 4,
            column: 12)
        #expect(
            issue.description
                == "4:12: a quoted field opened here is never closed; add the missing closing quote (\")",
            "line:column then the message")
    }
}
