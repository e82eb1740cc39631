/// Encodes records as CSV bytes that any RFC 4180 reader reads back exactly, and that a spreadsheet opens
/// without running anything.
///
/// Quoting: a field is put in quotes, with inner quotes doubled, when it holds the delimiter, a quote, CR
/// or LF, or when it begins or ends with a space. RFC 4180 keeps such spaces as part of the field, but
/// many readers (and Excel on import) trim unquoted ones; quoting keeps the field exact everywhere. A
/// record of a single empty field is written as `""`, because an empty line is a blank line to readers
/// and the record would vanish.
///
/// Formula guard (OWASP "CSV Injection"): with `guardsFormulas` on, a field that begins with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'`, which spreadsheets take as "this cell is text" and do not
/// show. The trade-off: the file no longer holds the exact value for other readers; a phone number
/// `+49 30 1234567` comes out as `'+49 30 1234567` and a negative number `-5` as `'-5`. onboard's
/// intake strips that apostrophe again when it reads such a file back. Turn the guard off for files
/// meant for programs rather than people.
///
/// ```swift
/// let writer = CSVWriter()
/// writer.encode(["Müller, Anna", "=1+1", "say \"hi\""])  // "\"Müller, Anna\",'=1+1,\"say \"\"hi\"\"\"\n"
/// ```
public struct CSVWriter: Sendable {
    public let options: CSVWriterOptions
    private let lineEnding: [UInt8]

    public init(options: CSVWriterOptions = .init()) {
        self.options = options
        self.lineEnding = options.lineEnding.bytes
    }

    /// Appends one record, followed by the line ending, to `buffer`.
    public func append(_ fields: [String], to buffer: inout [UInt8]) {
        if fields.count == 1, fields[0].isEmpty {
            buffer.append(Self.quote)
            buffer.append(Self.quote)
        } else {
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(options.delimiter) }
                appendField(field, to: &buffer)
            }
        }
        buffer.append(contentsOf: lineEnding)
    }

    /// One record, with its line ending, as a string.
    public func encode(_ fields: [String]) -> String {
        var buffer: [UInt8] = []
        append(fields, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private func appendField(_ field: String, to buffer: inout [UInt8]) {
        // Native strings are contiguous UTF-8; the copy is only for bridged or lazy ones.
        if let done = field.utf8.withContiguousStorageIfAvailable({ appendField(bytes: $0, to: &buffer) }) {
            return done
        }
        Array(field.utf8).withUnsafeBufferPointer { appendField(bytes: $0, to: &buffer) }
    }

    private func appendField(bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        guard let first = bytes.first, let last = bytes.last else { return }
        let guarded = options.guardsFormulas && Self.isFormulaStart(first)
        var needsQuotes = first == Self.space || last == Self.space
        if !needsQuotes {
            for byte in bytes where byte == options.delimiter || Self.isSpecial(byte) {
                needsQuotes = true
                break
            }
        }
        if !needsQuotes {
            if guarded { buffer.append(Self.apostrophe) }
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(Self.quote)
        if guarded { buffer.append(Self.apostrophe) }
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == Self.quote {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
            buffer.append(Self.quote)
            start = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        buffer.append(Self.quote)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let space = UInt8(ascii: " ")
    private static let apostrophe = UInt8(ascii: "'")

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == quote || byte == 0x0A || byte == 0x0D
    }

    /// The field as it was before the formula guard: a leading `'` before `=`, `+`, `-`, `@`, tab or
    /// CR is the guard (or Excel's text marker) and is dropped; any other field is returned as it is.
    public static func unguarded(_ field: String) -> String {
        // The first byte decides most fields without breaking the string into characters.
        guard field.utf8.first == apostrophe, let second = field.utf8.dropFirst().first, isFormulaStart(second)
        else { return field }
        return String(field.unicodeScalars.dropFirst())
    }

    /// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }
}
