import CSVStream
import Testing

/// What a reader produced for one record, comparable across chunk sizes.
enum Outcome: Hashable, CustomStringConvertible {
    case record([String], line: Int, record: Int)
    case issue(CSVIssue)

    var description: String {
        switch self {
        case .record(let fields, let line, let record): "record \(record) line \(line): \(fields)"
        case .issue(let issue): "issue record \(issue.position.record): \(issue)"
        }
    }

    var fields: [String]? {
        if case .record(let fields, _, _) = self { return fields }
        return nil
    }
}

/// The chunk sizes every reading test runs with: tiny ones put every boundary inside every construct.
let chunkSizes = [1, 2, 3, 7, 65536]

/// Everything one reader produced, plus its properties at the end.
struct Reading: Hashable {
    var outcomes: [Outcome]
    var blankLines: Int
    var delimiter: UInt8?
    var encoding: CSVEncoding
    var hadByteOrderMark: Bool
    var hadSeparatorHint: Bool

    var records: [[String]] { outcomes.compactMap(\.fields) }
    var issues: [CSVIssue] {
        outcomes.compactMap {
            if case .issue(let issue) = $0 { return issue }
            return nil
        }
    }
}

/// Reads `bytes` with each chunk size, expects every size to give the same result (and the fast
/// count to agree with it), and returns that result.
func read(
    _ bytes: [UInt8], options: CSVReaderOptions = .init(), sourceLocation: SourceLocation = #_sourceLocation
) throws -> Reading {
    var readings: [Reading] = []
    for size in chunkSizes {
        var sized = options
        sized.chunkSize = size
        let reader = CSVReader(bytes: bytes, options: sized)
        var outcomes: [Outcome] = []
        while let result = try reader.next() {
            switch result {
            case .success(let record):
                outcomes.append(
                    .record(record.fields, line: record.position.line, record: record.position.record))
            case .failure(let issue): outcomes.append(.issue(issue))
            }
        }
        let reading = Reading(
            outcomes: outcomes, blankLines: reader.blankLines, delimiter: reader.delimiter,
            encoding: reader.encoding, hadByteOrderMark: reader.hadByteOrderMark,
            hadSeparatorHint: reader.hadSeparatorHint)
        readings.append(reading)

        let counted = try CSVReader(bytes: bytes, options: sized).countRemaining()
        let expected = CSVCount(
            records: reading.records.count, fields: reading.records.map(\.count).reduce(0, +),
            issues: reading.issues.count, blankLines: reading.blankLines)
        #expect(
            counted == expected, "countRemaining agrees with next() at chunk size \(size)",
            sourceLocation: sourceLocation)
    }
    for (size, reading) in zip(chunkSizes, readings).dropFirst() {
        #expect(
            reading == readings[0], "chunk size \(size) reads the same as chunk size \(chunkSizes[0])",
            sourceLocation: sourceLocation)
    }
    return readings.last!
}

/// Reads UTF-8 text (see `read(_:options:)`).
func read(
    _ text: String, options: CSVReaderOptions = .init(), sourceLocation: SourceLocation = #_sourceLocation
) throws -> Reading {
    try read(Array(text.utf8), options: options, sourceLocation: sourceLocation)
}
