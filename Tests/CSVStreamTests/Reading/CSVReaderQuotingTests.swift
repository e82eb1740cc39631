import CSVStream
import Testing

/// RFC 4180 quoting.
struct CSVReaderQuotingTests {
    @Test(arguments: [
        ("a,b,c\n", [["a", "b", "c"]]),
        ("\"a,b\",c\n", [["a,b", "c"]]),
        ("\"say \"\"hi\"\"\",x\n", [["say \"hi\"", "x"]]),
        ("\"line one\nline two\",x\n", [["line one\nline two", "x"]]),
        ("\"line one\r\nline two\",x\r\n", [["line one\r\nline two", "x"]]),
        ("\"\",,\"\"\n", [["", "", ""]]),
        ("  a , b \n", [["  a ", " b "]]),
        ("\" a \",b\n", [[" a ", "b"]]),
        ("\"\"\"\"\n", [["\""]]),
        ("a,\n", [["a", ""]]),
        (",\n", [["", ""]]),
        ("Zoë,Łódź,東京,🙂\n", [["Zoë", "Łódź", "東京", "🙂"]]),
    ])
    func readsFieldsExactlyAsWritten(text: String, expected: [[String]]) throws {
        let reading = try read(text)
        #expect(reading.records == expected, "fields of \(text.debugDescription)")
        #expect(reading.issues.isEmpty, "no issues in \(text.debugDescription)")
    }

    @Test func aMultiLineFieldKeepsTheLineItStartsOn() throws {
        let reading = try read("h1,h2\n\"a\nb\nc\",x\nnext,row\n")
        #expect(
            reading.outcomes == [
                .record(["h1", "h2"], line: 1, record: 1), .record(["a\nb\nc", "x"], line: 2, record: 2),
                .record(["next", "row"], line: 5, record: 3),
            ], "the record after a three-line field starts on line 5")
    }
}
