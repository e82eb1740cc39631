/// A minimal, strict RFC 4180 parser for tests: the inverse of `CSVWriter`, independent of the reader.
enum RFC4180Records {
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "malformed CSV at byte \(offset)" }
    }

    /// The records of `bytes` (`,` delimiter, LF or CRLF line ends, fields unquoted).
    static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        var inQuotes = false
        var wasQuoted = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            wasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                guard field.isEmpty, !wasQuoted else { throw Malformed(offset: index) }
                inQuotes = true
                wasQuoted = true
            } else if byte == 0x2C {
                endField()
            } else if byte == 0x0A || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                if byte == 0x0D { index += 1 }
                endField()
                records.append(fields)
                fields = []
            } else {
                guard !wasQuoted else { throw Malformed(offset: index) }
                field.append(byte)
            }
            index += 1
        }
        guard !inQuotes, fields.isEmpty, field.isEmpty else { throw Malformed(offset: index) }
        return records
    }
}
