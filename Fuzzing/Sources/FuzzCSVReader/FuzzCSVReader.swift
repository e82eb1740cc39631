import CSVStream
import FuzzSupport

/// Fuzzes `CSVReader`: any bytes, with options picked by the first bytes, must read without a crash or
/// a memory error, the same at a tiny chunk size as at a large one, and `countRemaining()` must agree
/// with `next()`.
///
/// Input: option byte 1 picks the delimiter (detected or given) and encoding, option byte 2 the small
/// chunk size and the limits; the rest is the file.
func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let shape = input.optionByte()
    let sizes = input.optionByte()
    let delimiters: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
    var options = CSVReaderOptions(
        delimiter: delimiters[Int(shape) % delimiters.count],
        encoding: CSVEncoding.allCases[Int(shape / 8) % CSVEncoding.allCases.count])
    // Small limits now and then, so the too-long-field and too-many-fields paths run on short inputs.
    if sizes & 0x80 != 0 {
        options.maxFieldBytes = Int(sizes & 0x0F) + 1
        options.maxFields = Int((sizes >> 4) & 0x07) + 1
    }
    let bytes = input.payload
    let whole = read(bytes, options: options, chunkSize: 1 << 16)
    let tiny = read(bytes, options: options, chunkSize: Int(sizes & 0x07) + 1)
    fuzzExpect(tiny == whole, "chunk size \(Int(sizes & 0x07) + 1) reads differently from 64 KiB")

    var counting = options
    counting.chunkSize = Int(sizes & 0x07) + 1
    let counted = try? CSVReader(bytes: bytes, options: counting).countRemaining()
    let records = whole.outcomes.compactMap(\.fields)
    let expected = CSVCount(
        records: records.count, fields: records.map(\.count).reduce(0, +),
        issues: whole.outcomes.count - records.count, blankLines: whole.blankLines)
    fuzzExpect(counted == expected, "countRemaining \(String(describing: counted)) but next() \(expected)")
    return 0
}

/// What one reader produced, comparable across chunk sizes.
struct Reading: Equatable {
    enum Outcome: Equatable {
        case record([String], CSVPosition)
        case issue(CSVIssue)

        var fields: [String]? {
            if case .record(let fields, _) = self { return fields }
            return nil
        }
    }

    var outcomes: [Outcome] = []
    var blankLines = 0
    var delimiter: UInt8?
    var encoding = CSVEncoding.auto
    var hadByteOrderMark = false
    var hadSeparatorHint = false
}

func read(_ bytes: [UInt8], options: CSVReaderOptions, chunkSize: Int) -> Reading {
    var options = options
    options.chunkSize = chunkSize
    let reader = CSVReader(bytes: bytes, options: options)
    var reading = Reading()
    // Reading bytes in memory has no I/O to fail.
    while let result = try? reader.next() {
        switch result {
        case .success(let record):
            fuzzExpect(record.position.byteOffset <= bytes.count * 3 + 3, "byte offset past the input")
            reading.outcomes.append(.record(record.fields, record.position))
        case .failure(let issue):
            _ = issue.description
            reading.outcomes.append(.issue(issue))
        }
    }
    reading.blankLines = reader.blankLines
    reading.delimiter = reader.delimiter
    reading.encoding = reader.encoding
    reading.hadByteOrderMark = reader.hadByteOrderMark
    reading.hadSeparatorHint = reader.hadSeparatorHint
    return reading
}
