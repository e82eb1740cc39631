import CSVStream
import Testing

/// Given and detected delimiters, and Excel's `sep=` hint.
struct CSVReaderDelimiterTests {
    @Test(arguments: [
        ("a,b,c\n1,2,3\n", ASCII.comma), ("a;b;c\n1;2;3\n", ASCII.semicolon),
        ("a\tb\tc\n1\t2\t3\n", ASCII.tab),
        ("a|b|c\n1|2|3\n", ASCII.pipe),
    ])
    func detectsTheDelimiterFromTheHeader(text: String, delimiter: UInt8) throws {
        let reading = try read(text)
        #expect(reading.delimiter == delimiter, "detected in \(text.debugDescription)")
        #expect(reading.records == [["a", "b", "c"], ["1", "2", "3"]], "split on it")
    }

    @Test(arguments: [
        ("a;b,c\n", ASCII.comma), ("\"x;y;z\",b\n", ASCII.comma), ("single\n", ASCII.comma),
        ("a;b\tc\n", ASCII.semicolon), ("\"a,b,c\";d;e\n", ASCII.semicolon),
    ])
    func countsOnlyOutsideQuotesAndPrefersCommaOnATie(text: String, delimiter: UInt8) throws {
        #expect(try read(text).delimiter == delimiter, "delimiter of \(text.debugDescription)")
    }

    @Test func detectsFromTheFirstLineThatIsNotBlank() throws {
        let reading = try read("\r\n\na;b\n1;2\n")
        #expect(reading.delimiter == ASCII.semicolon, "blank lines before the header are skipped")
        #expect(reading.records == [["a", "b"], ["1", "2"]], "split on it")
    }

    @Test func aGivenDelimiterIsUsed() throws {
        let reading = try read("a;b,c\n", options: CSVReaderOptions(delimiter: ASCII.semicolon))
        #expect(reading.records == [["a", "b,c"]], "split on the given delimiter only")
    }

    @Test(arguments: [
        ("sep=;\n", ASCII.semicolon), ("sep=,\r\n", ASCII.comma), ("SEP=|\n", ASCII.pipe),
        ("sep=\t\n", ASCII.tab),
    ])
    func honoursAndSkipsASeparatorHint(hint: String, delimiter: UInt8) throws {
        let d = Character(Unicode.Scalar(delimiter))
        let reading = try read(hint + "a\(d)b\n1\(d)2\n")
        #expect(reading.hadSeparatorHint, "hint seen in \(hint.debugDescription)")
        #expect(reading.delimiter == delimiter, "hint's delimiter")
        #expect(
            reading.outcomes == [
                .record(["a", "b"], line: 2, record: 1), .record(["1", "2"], line: 3, record: 2),
            ],
            "the hint is line 1, the header record 1 on line 2")
    }

    @Test func aSeparatorHintAfterAByteOrderMarkCounts() throws {
        let reading = try read([0xEF, 0xBB, 0xBF] + Array("sep=;\r\na;b\r\n".utf8))
        #expect(reading.records == [["a", "b"]], "BOM, hint, then the header")
        #expect(reading.hadSeparatorHint && reading.hadByteOrderMark, "both seen")
    }

    @Test func aLineThatOnlyLooksLikeAHintIsData() throws {
        let reading = try read("sep=x\n1\n")
        #expect(!reading.hadSeparatorHint, "x is not a delimiter onboard reads")
        #expect(reading.records == [["sep=x"], ["1"]], "read as data")
    }
}
