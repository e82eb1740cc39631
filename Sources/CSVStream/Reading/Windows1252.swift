/// Windows-1252 ("ANSI" on Western Windows, Excel's "CSV (Windows)" export) decoded to UTF-8.
///
/// 0x00–0x7F are ASCII and 0xA0–0xFF are the same code points in Unicode (Latin-1); only 0x80–0x9F
/// differ: typographic quotes, dashes, `€`, `Š`, `Ž`, `Œ`, `Ÿ`… The five bytes Windows leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as the WHATWG
/// Encoding Standard does, so every byte decodes to something.
enum Windows1252 {
    /// The Unicode scalars of bytes 0x80–0x9F.
    static let highControls: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar a Windows-1252 byte stands for.
    @inline(__always)
    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(highControls[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }

    /// Writes `raw` as UTF-8 into `output` (which holds at least three bytes per input byte).
    static func decode(_ raw: ArraySlice<UInt8>, into output: UnsafeMutableRawBufferPointer) -> Int {
        var out = UTF8Output(output)
        for byte in raw { out.append(scalar(byte)) }
        return out.count
    }
}
