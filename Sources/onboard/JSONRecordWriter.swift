import CSVStream

/// Writes records as a JSON array of arrays of strings, one record per line (easy to diff):
/// `[` / `["a","b"],` / `["1","2"]` / `]`.
///
/// Works on the reader's raw field bytes, so no `String` is made per field. The bytes are valid UTF-8
/// (the reader checked them), so non-ASCII is written as is; quotes, backslashes and control
/// characters are escaped as JSON requires.
struct JSONRecordWriter {
    private let output: StandardStream
    private var recordCount = 0

    init(output: StandardStream) {
        self.output = output
    }

    mutating func begin() throws(StandardStream.WriteError) { try output.write(UInt8(ascii: "[")) }

    mutating func write(_ record: CSVRawRecord) throws(StandardStream.WriteError) {
        try output.write(recordCount == 0 ? "\n[" : ",\n[")
        recordCount += 1
        for index in 0..<record.count {
            if index > 0 { try output.write(UInt8(ascii: ",")) }
            try writeString(record[index])
        }
        try output.write(UInt8(ascii: "]"))
    }

    mutating func end() throws(StandardStream.WriteError) {
        try output.write("\n]\n")
        try output.flush()
    }

    /// Writes `bytes` as a JSON string: runs of plain bytes in one go, escapes one by one.
    private func writeString(_ bytes: UnsafeBufferPointer<UInt8>) throws(StandardStream.WriteError) {
        try output.write(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count where Self.needsEscape[Int(bytes[index])] {
            try output.write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            try output.write(Self.escape(bytes[index]))
            runStart = index + 1
        }
        try output.write(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        try output.write(UInt8(ascii: "\""))
    }

    /// Bytes JSON strings cannot hold as they are: control characters, quote, backslash.
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    /// The JSON escape for a quote, backslash or control character.
    static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\t"): return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        default:
            let hex = Array("0123456789abcdef".utf8)
            return "\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
        }
    }
}
