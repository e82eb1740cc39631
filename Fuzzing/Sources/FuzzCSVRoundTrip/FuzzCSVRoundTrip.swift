import CSVStream
import FuzzSupport

/// Fuzzes `CSVWriter` against `CSVReader`: any records written must read back as the same fields (with
/// the formula guard's `'` in front of guarded fields), whatever the delimiter, line ending and
/// byte-order mark.
///
/// Input: option byte 1 picks the writer's options; in the rest, 0xFE ends a field and 0xFF ends a
/// record (neither byte occurs in UTF-8); each field's bytes are decoded as UTF-8. NUL bytes are left
/// out: the reader refuses a record with a NUL (a binary file), by design.
func fuzzCSVRoundTrip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let shape = input.optionByte()
    let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
    let options = CSVWriterOptions(
        delimiter: delimiters[Int(shape) % delimiters.count], lineEnding: shape & 0x04 == 0 ? .lf : .crlf,
        byteOrderMark: shape & 0x08 != 0, guardsFormulas: shape & 0x10 != 0)
    let records = input.payload.split(separator: 0xFF, omittingEmptySubsequences: false).map { record in
        record.split(separator: 0xFE, omittingEmptySubsequences: false).map {
            String(decoding: $0.filter { $0 != 0 }, as: UTF8.self)
        }
    }

    let writer = CSVWriter(options: options)
    var bytes: [UInt8] = options.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    for record in records { writer.append(record, to: &bytes) }

    let reader = CSVReader(
        bytes: bytes,
        options: CSVReaderOptions(delimiter: options.delimiter, chunkSize: Int(shape >> 5) + 1))
    var read: [[String]] = []
    while let result = try? reader.next() {
        switch result {
        case .success(let record): read.append(record.fields)
        case .failure(let issue): fuzzExpect(false, "written CSV read back with an issue: \(issue)")
        }
    }
    let expected = records.map { $0.map { guarded($0, options) } }
    fuzzExpect(read == expected, "wrote \(expected) as \(bytes) but read back \(read)")
    return 0
}

/// `field` as the writer's formula guard leaves it: `'` in front of `=`, `+`, `-`, `@`, tab or CR.
func guarded(_ field: String, _ options: CSVWriterOptions) -> String {
    guard options.guardsFormulas, let first = field.utf8.first, "=+-@\t\r".utf8.contains(first) else {
        return field
    }
    return "'" + field
}
