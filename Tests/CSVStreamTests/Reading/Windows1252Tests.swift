import CSVStream
import Testing

/// Every one of the 256 Windows-1252 bytes decodes to the right character.
struct Windows1252Tests {
    /// The WHATWG index for 0x80–0x9F (the only range that differs from Latin-1).
    static let block: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152,
        0x8D,
        0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161,
        0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ]

    static func expected(_ byte: UInt8) -> String {
        let value = (0x80..<0xA0).contains(byte) ? block[Int(byte) - 0x80] : UInt32(byte)
        return String(Character(Unicode.Scalar(value)!))
    }

    @Test(arguments: Array(UInt8(1)...UInt8(255)).filter { ![0x0A, 0x0D, 0x22, 0x2C].contains($0) })
    func decodesByte(byte: UInt8) throws {
        let reader = CSVReader(
            bytes: [0x61, byte, 0x62, 0x0A],
            options: CSVReaderOptions(delimiter: ASCII.comma, encoding: .windows1252))
        let record = try reader.next()?.get()
        #expect(record?.fields == ["a" + Self.expected(byte) + "b"], "byte \(byte)")
    }
}
