import CSVStream
import Testing

/// Whatever `CSVWriter` writes, `CSVReader` reads back as the same fields, for every delimiter and line
/// ending: the writer's quoting and the reader's parsing agree.
struct RoundTripTests {
    struct Dialect: Sendable, CustomStringConvertible {
        var delimiter: UInt8
        var lineEnding: CSVLineEnding
        var description: String { "\(String(UnicodeScalar(delimiter)).debugDescription) \(lineEnding)" }
    }

    static let dialects: [Dialect] = [
        UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"),
    ]
    .flatMap { delimiter in
        [Dialect(delimiter: delimiter, lineEnding: .lf), Dialect(delimiter: delimiter, lineEnding: .crlf)]
    }

    /// The pieces fields are made of: everything that needs quoting, plus text that must survive as is.
    static let pieces = [
        "a", "Zoë", "Łódź", "漢字", "🙂", "👩‍👩‍👧", "é", "x y", " ", "\"", "\"\"", ",", ";", "\t", "|", "\r", "\n",
        "\r\n",
        "=1+1", "+49", "'", "0",
    ]

    @Test(arguments: dialects)
    func randomRecordsComeBackUnchanged(_ dialect: Dialect) throws {
        var random = SeededRandom(seed: 0x5EED_0000 + UInt64(dialect.delimiter))
        var records: [[String]] = [[""], ["", ""], [" padded "]]
        for _ in 0..<300 {
            let fieldCount = Int.random(in: 1...7, using: &random)
            records.append(
                (0..<fieldCount).map { _ in
                    let pieceCount = Int.random(in: 0...5, using: &random)
                    return (0..<pieceCount).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
                })
        }
        let writer = CSVWriter(
            options: CSVWriterOptions(
                delimiter: dialect.delimiter, lineEnding: dialect.lineEnding, guardsFormulas: false))
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for record in records {
            offsets.append(bytes.count)
            writer.append(record, to: &bytes)
        }

        let reader = CSVReader(
            bytes: bytes, name: "round-trip.csv",
            options: CSVReaderOptions(delimiter: dialect.delimiter, encoding: .utf8))
        var index = 0
        while let result = try reader.next() {
            let record = try result.get()
            try #require(index < records.count, "no more records than were written")
            #expect(record.fields == records[index], "record \(index + 1) reads back as written")
            #expect(record.position.record == index + 1, "records are numbered from 1")
            #expect(
                record.position.byteOffset == offsets[index],
                "record \(index + 1) starts where it was written")
            index += 1
        }
        #expect(index == records.count, "every record written is read, \(index) of \(records.count)")
    }
}

/// SplitMix64: a tiny seeded generator, so a failing case can be reproduced.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
