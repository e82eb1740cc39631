import CSVStream
import Testing

/// Byte-order marks, UTF-16, invalid UTF-8 and Windows-1252.
struct CSVReaderEncodingTests {
    @Test func stripsAUTF8ByteOrderMark() throws {
        let reading = try read([0xEF, 0xBB, 0xBF] + Array("name,city\nZoë,Köln\n".utf8))
        #expect(
            reading.records == [["name", "city"], ["Zoë", "Köln"]], "the mark is not part of the first field")
        #expect(reading.hadByteOrderMark, "the mark was seen")
        #expect(reading.encoding == .utf8, "UTF-8")
    }

    @Test func byteOffsetsCountTheUTF8ByteOrderMark() throws {
        let reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("a\nb\n".utf8))
        let offsets = try [reader.next(), reader.next()].map { try $0?.get().position.byteOffset }
        #expect(offsets == [3, 5], "offsets in the original bytes")
    }

    /// Excel's "Unicode text": UTF-16LE with a mark, tab-separated, CRLF.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        return mark
            + text.utf16.flatMap { unit in
                bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
    }

    @Test(arguments: [false, true])
    func transcodesUTF16WithAByteOrderMark(bigEndian: Bool) throws {
        let text = "name\tcity\r\nZoë\t東京 🙂\r\n\"a\tb\"\tx\r\n"
        let reading = try read(Self.utf16(text, bigEndian: bigEndian))
        #expect(
            reading.records == [["name", "city"], ["Zoë", "東京 🙂"], ["a\tb", "x"]],
            "UTF-16\(bigEndian ? "BE" : "LE") records")
        #expect(reading.encoding == (bigEndian ? .utf16be : .utf16le), "encoding detected from the mark")
        #expect(reading.delimiter == ASCII.tab, "tab detected")
    }

    @Test func readsUTF16WithoutAMarkOnlyWhenTold() throws {
        let bytes = Array(Self.utf16("a,b\n", bigEndian: false).dropFirst(2))
        let told = try read(bytes, options: CSVReaderOptions(encoding: .utf16le))
        #expect(told.records == [["a", "b"]], "read as UTF-16LE when the encoding is given")
        let guessed = try read(bytes)
        #expect(guessed.records != [["a", "b"]], "not guessed without a mark")
    }

    @Test func anUnpairedSurrogateBecomesAReplacementCharacter() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00, 0x0A, 0x00]
        #expect(try read(bytes).records == [["a\u{FFFD}b"]], "U+FFFD for the lone high surrogate")
    }

    @Test(
        arguments: [
            ([0xFF], 3), ([0xC3], 3), ([0xC3, 0x28], 3), ([0xE0, 0x80, 0x80], 3), ([0xED, 0xA0, 0x80], 3),
            ([0xF4, 0x90, 0x80, 0x80], 3), ([0xC0, 0xAF], 3),
        ] as [([UInt8], Int)])
    func invalidUTF8IsAnIssueNamingLineAndColumn(bad: [UInt8], column: Int) throws {
        let bytes = Array("h\nok\nZö".utf8) + bad + Array("x,y\nlast\n".utf8)
        let reading = try read(bytes)
        #expect(reading.records == [["h"], ["ok"], ["last"]], "the bad record is skipped, the next one read")
        #expect(reading.issues.map(\.kind) == [.invalidUTF8], "one issue for \(bad)")
        #expect(reading.issues.first?.line == 3, "line 3 for \(bad)")
        #expect(reading.issues.first?.column == column, "column counts characters (Zö = 2) for \(bad)")
    }

    @Test func readsWindows1252WhenTold() throws {
        let bytes: [UInt8] =
            Array("name,note\n".utf8) + [0x5A, 0x6F, 0xEB, 0x2C, 0x93, 0x80, 0x35, 0x94, 0x0A]
        let reading = try read(bytes, options: CSVReaderOptions(encoding: .windows1252))
        #expect(reading.records == [["name", "note"], ["Zoë", "“€5”"]], "Windows-1252 decoded")
        #expect(reading.issues.isEmpty, "no invalid UTF-8 when the encoding is given")
    }
}

/// The byte values CSV syntax uses, for expectations.
enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let semicolon = UInt8(ascii: ";")
    static let comma = UInt8(ascii: ",")
    static let pipe = UInt8(ascii: "|")
}
