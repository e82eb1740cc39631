/// Which bytes end a run in an unquoted field (delimiter, quote, CR, LF, NUL, non-ASCII): a 256-entry
/// table for the bytes `StopScanner` classifies one at a time (the last few of a window).
///
/// A class (not a struct) so the table is allocated once and freed with the parser; the parser is
/// owned by one `CSVReader` and never shared.
final class ByteClasses {
    /// 1 for a byte that stops an unquoted run.
    private let table: UnsafeMutablePointer<UInt8>

    init(delimiter: UInt8) {
        table = .allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        setDelimiter(delimiter)
    }

    deinit { table.deallocate() }

    /// Makes `delimiter` (and no other delimiter) stop unquoted runs.
    func setDelimiter(_ delimiter: UInt8) {
        for byte in 0..<256 { table[byte] = byte >= 0x80 ? 1 : 0 }
        for byte in [delimiter, ASCII.quote, ASCII.cr, ASCII.lf, 0] { table[Int(byte)] = 1 }
    }

    /// True when `byte` is ordinary content inside an unquoted field.
    @inline(__always)
    func continuesUnquoted(_ byte: UInt8) -> Bool { table[Int(byte)] == 0 }
}

/// The ASCII bytes CSV syntax is made of.
enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let tab = UInt8(ascii: "\t")
    static let pipe = UInt8(ascii: "|")
}

/// UTF-8 validation of one sequence, following the Unicode standard's table of well-formed sequences
/// (no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Sequence {
    enum Length {
        case complete(Int)
        case invalid
        /// The sequence is fine so far but continues past the window.
        case incomplete
    }

    /// The length of the valid sequence starting with the non-ASCII byte at `p`.
    @inline(__always)
    static func length(_ buffer: UnsafePointer<UInt8>, at p: Int, end: Int, isFinal: Bool) -> Length {
        let lead = buffer[p]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return .invalid
        }
        for offset in 1..<length {
            guard p + offset < end else { return isFinal ? .invalid : .incomplete }
            let byte = buffer[p + offset]
            guard byte >= low && byte <= high else { return .invalid }
            low = 0x80
            high = 0xBF
        }
        return .complete(length)
    }
}
