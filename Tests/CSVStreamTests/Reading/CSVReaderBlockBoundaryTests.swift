import CSVStream
import Testing

/// The reader finds delimiters, quotes, line breaks, NUL and non-ASCII bytes 16 and 64 bytes at a
/// time (SIMD bit masks) and only the last few bytes of a window one at a time. These tests put each
/// such byte at every offset across several blocks, and read with chunk sizes around the block sizes
/// too, so every byte is seen at a block edge, at a chunk edge and by the one-at-a-time path.
struct CSVReaderBlockBoundaryTests {
    /// Chunk sizes around the 16- and 64-byte blocks, on top of the sizes `read(_:)` always uses.
    static let blockChunkSizes = [15, 16, 17, 31, 32, 33, 63, 64, 65, 100]

    /// `read(_:)` (which compares chunk sizes 1, 2, 3, 7 and 65536), then expects the block-sized
    /// chunks to read exactly the same.
    func readAtBlockEdges(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Reading
    {
        let reading = try read(bytes, sourceLocation: sourceLocation)
        for size in Self.blockChunkSizes {
            var options = CSVReaderOptions()
            options.chunkSize = size
            let reader = CSVReader(bytes: bytes, options: options)
            var outcomes: [Outcome] = []
            while let result = try reader.next() {
                switch result {
                case .success(let record):
                    outcomes.append(
                        .record(record.fields, line: record.position.line, record: record.position.record))
                case .failure(let issue): outcomes.append(.issue(issue))
                }
            }
            #expect(
                outcomes == reading.outcomes, "chunk size \(size) reads the same as chunk size 1",
                sourceLocation: sourceLocation)
            let counted = try CSVReader(bytes: bytes, options: options).countRemaining()
            #expect(
                counted.records == reading.records.count && counted.issues == reading.issues.count,
                "countRemaining agrees at chunk size \(size)", sourceLocation: sourceLocation)
        }
        return reading
    }

    func readAtBlockEdges(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Reading
    {
        try readAtBlockEdges(Array(text.utf8), sourceLocation: sourceLocation)
    }

    @Test(arguments: 0..<140)
    func aDelimiterAtAnyOffsetSplitsTheField(offset: Int) throws {
        let (left, right) = (
            String(repeating: "a", count: offset), String(repeating: "b", count: 140 - offset)
        )
        let reading = try readAtBlockEdges("h1,h2\n\(left),\(right)\n\(right),\(left)\n")
        #expect(
            reading.records == [["h1", "h2"], [left, right], [right, left]],
            "a comma after \(offset) bytes ends the first field")
    }

    @Test(arguments: 0..<70, ["\n", "\r\n", "\r"])
    func aLineBreakAtAnyOffsetEndsTheRecord(offset: Int, lineBreak: String) throws {
        let field = String(repeating: "a", count: offset)
        let reading = try readAtBlockEdges("id,\(field)\(lineBreak)next,1\(lineBreak)")
        #expect(
            reading.outcomes == [
                .record(["id", field], line: 1, record: 1), .record(["next", "1"], line: 2, record: 2),
            ], "\(lineBreak.debugDescription) after \(offset + 3) bytes ends record 1")
    }

    @Test(arguments: 0..<70)
    func nonASCIIAtAnyOffsetIsKeptAndCountsAsOneCharacter(offset: Int) throws {
        let field = String(repeating: "a", count: offset) + "é🙂東" + String(repeating: "b", count: 10)
        let reading = try readAtBlockEdges("\(field),x\n\(field)\0,x\nok,1\n")
        #expect(reading.records == [[field, "x"], ["ok", "1"]], "the field is kept whole")
        let issue = try #require(reading.issues.first, "the NUL is an issue")
        #expect(issue.kind == .nulByte, "kind")
        #expect(
            (issue.line, issue.column) == (2, offset + 3 + 10 + 1),
            "the NUL's column counts é, 🙂 and 東 as one character each")
    }

    @Test(arguments: 0..<70)
    func anInvalidUTF8ByteAtAnyOffsetIsAnIssueAtItsColumn(offset: Int) throws {
        let bytes = Array(String(repeating: "a", count: offset).utf8) + [0xFF] + Array("b,c\nok,1\n".utf8)
        let reading = try readAtBlockEdges(bytes)
        #expect(reading.records == [["ok", "1"]], "the next record is read")
        let issue = try #require(reading.issues.first, "one issue")
        #expect(issue.kind == .invalidUTF8, "kind")
        #expect((issue.line, issue.column) == (1, offset + 1), "at the invalid byte")
    }

    @Test(arguments: 0..<70)
    func syntaxInsideQuotesAtAnyOffsetIsContent(offset: Int) throws {
        let start = String(repeating: "a", count: offset)
        let tail = String(repeating: "b", count: 20)
        let reading = try readAtBlockEdges("\"\(start),\"\"\n\(tail)\",z\nnext\n")
        #expect(
            reading.outcomes == [
                .record(["\(start),\"\n\(tail)", "z"], line: 1, record: 1),
                .record(["next"], line: 3, record: 2),
            ], "the comma, the doubled quote and the line break after \(offset + 1) bytes are content")
    }

    @Test(arguments: [0, 1, 15, 16, 17, 63, 64, 65])
    func aClosingQuoteAtAnyOffsetEndsTheQuotedField(offset: Int) throws {
        let content = String(repeating: "q", count: offset)
        let reading = try readAtBlockEdges("\"\(content)\",after\n\"\(content)\"x,y\nok\n")
        #expect(reading.records == [[content, "after"], ["ok"]], "the quoted field ends at its quote")
        #expect(reading.issues.map(\.kind) == [.textAfterClosingQuote], "text after the second closing quote")
        #expect(reading.issues.first?.column == offset + 3, "at the text after the closing quote")
    }

    @Test func fieldsLongerThanManyBlocksAreKeptWhole() throws {
        let ascii = String(repeating: "abcdefghij", count: 100)
        let accents = String(repeating: "é", count: 500)
        let quoted = String(repeating: "x,y\"\"z\n", count: 100)
        let reading = try readAtBlockEdges("\(ascii),\(accents),\"\(quoted)\"\n\(accents)\0\nend\n")
        #expect(
            reading.records == [
                [ascii, accents, quoted.replacingOccurrences(of: "\"\"", with: "\"")], ["end"],
            ],
            "each field is read whole")
        let issue = try #require(reading.issues.first, "the NUL is an issue")
        #expect(
            (issue.line, issue.column) == (102, 501), "on the line after the quoted field's 100 line breaks")
    }
}

extension String {
    /// Replaces every `target` with `replacement` (without Foundation).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
