/// The CSV state machine: turns UTF-8 bytes into fields and records, tracks lines and columns, and
/// notices malformed records. It never reads input itself: `CSVReader` hands it windows of bytes.
///
/// Speed comes from scanning runs: inside a field, `StopScanner` finds the next byte that matters
/// (delimiter, quote, line break, NUL, non-ASCII) with SIMD bit masks, and the run before it goes to
/// the sink in one copy. Non-ASCII bytes take a slower path that validates UTF-8 and counts characters for
/// columns. Whenever the parser must see a byte beyond the window (CR then LF?, `""`?, the rest of a
/// UTF-8 sequence) it returns `.needMore` and is called again with more bytes.
struct RecordParser {
    enum State: UInt8 {
        /// Between records: a line break here is a blank line.
        case recordStart
        /// At the first byte of a field: a quote makes it quoted.
        case fieldStart
        case unquoted
        case quoted
        /// After the closing quote of a quoted field: only a delimiter or line break may follow.
        case afterClosingQuote
        /// Dropping the rest of a line after an over-long quoted field that never closed on its line.
        case skippingLine
    }

    enum Event {
        /// The sink asked to stop after a record; call again to go on.
        case record
        /// Call again with the window refilled from the returned index.
        case needMore
        /// All input is parsed.
        case endOfInput
    }

    var state = State.recordStart
    var delimiter: UInt8
    /// Finds the bytes that matter; see `StopScanner`.
    var stops: StopScanner
    let maxFieldBytes: Int
    let maxFields: Int
    /// Added to decoded offsets to give `CSVPosition.byteOffset` (the UTF-8 byte-order mark's length).
    var offsetBias = 0

    // Where the parser is.
    /// 1-based physical line of the next byte.
    var line = 1
    /// Decoded offset of the current line's first byte.
    var lineStart = 0
    /// UTF-8 continuation bytes between `lineStart` and the next byte, so columns count characters.
    var continuationsOnLine = 0
    var blankLines = 0
    var recordNumber = 0

    // The current record.
    var recordLine = 0
    var recordOffset = 0
    var fieldCount = 0
    var fieldStart = 0
    var fieldStartContinuations = 0
    var issue: CSVIssue?

    // The open quoted field, for the unterminated-quote report and recovery.
    var quoteLine = 0
    var quoteColumn = 0
    /// Decoded offset of the line after the one where the open quote is; where reading resumes if the
    /// quote never closes. The reader keeps the bytes from here while the quote is open.
    var resumeOffset: Int?
    /// The state after an abandoned quote's record has ended.
    var resumeState = State.recordStart

    init(delimiter: UInt8, maxFieldBytes: Int, maxFields: Int) {
        self.delimiter = delimiter
        self.stops = StopScanner(delimiter: delimiter)
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = max(1, maxFields)
    }

    /// Changes the delimiter (before the first record, once it has been detected).
    mutating func setDelimiter(_ delimiter: UInt8) {
        self.delimiter = delimiter
        stops.setDelimiter(delimiter)
    }

    /// Decoded offset from which the reader must keep bytes (an open quote's resume point), if any.
    var retainedOffset: Int? { state == .quoted ? resumeOffset : nil }

    /// Skips a line the reader consumed itself (the `sep=` hint).
    mutating func skipLine(nextLineStart: Int) {
        newLine(at: nextLineStart)
    }

    @inline(__always)
    mutating func newLine(at offset: Int) {
        line += 1
        lineStart = offset
        continuationsOnLine = 0
    }

    /// 1-based column, in characters, of the byte at decoded `offset` on the current line.
    @inline(__always)
    func column(at offset: Int) -> Int { offset - lineStart - continuationsOnLine + 1 }

    var recordPosition: CSVPosition {
        CSVPosition(line: recordLine, record: recordNumber, byteOffset: recordOffset + offsetBias)
    }

    /// Records the record's first problem; later ones are consequences and not reported.
    mutating func flag(_ kind: CSVIssue.Kind, line: Int, column: Int) {
        if issue == nil { issue = CSVIssue(kind: kind, position: recordPosition, line: line, column: column) }
    }

    @inline(__always)
    mutating func beginRecord<Sink: RecordSink>(at offset: Int, _ sink: inout Sink) {
        recordNumber += 1
        recordLine = line
        recordOffset = offset
        fieldCount = 0
        issue = nil
        sink.beginRecord()
    }

    @inline(__always)
    mutating func beginField(at offset: Int) {
        fieldStart = offset
        fieldStartContinuations = continuationsOnLine
    }

    @inline(__always)
    mutating func endField<Sink: RecordSink>(_ sink: inout Sink) {
        fieldCount += 1
        if issue == nil { sink.endField() }
    }

    /// Ends the record; true when the sink wants the parser to stop.
    @inline(__always)
    mutating func endRecord<Sink: RecordSink>(_ sink: inout Sink) -> Bool {
        state = .recordStart
        if let issue { return sink.endMalformedRecord(issue) }
        return sink.endRecord(at: recordPosition, fieldCount: fieldCount)
    }

    /// Copies a run of field bytes to the sink, unless the record is already malformed or the field
    /// has grown too large (then nothing more is kept: memory stays bounded).
    /// In a quoted field pass `endOffset: nil`: its size is checked as a possibly unterminated quote.
    @inline(__always)
    mutating func append<Sink: RecordSink>(
        _ start: UnsafePointer<UInt8>, count: Int, endOffset: Int?, _ sink: inout Sink
    ) {
        guard issue == nil else { return }
        if let endOffset, endOffset - fieldStart > maxFieldBytes {
            let column = fieldStart - lineStart - fieldStartContinuations + 1
            flag(.fieldTooLarge(limit: maxFieldBytes), line: line, column: column)
            return
        }
        sink.append(start, count: count)
    }
}
