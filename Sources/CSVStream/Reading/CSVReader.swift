#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads CSV records one at a time from a file, standard input or bytes, with memory that stays flat
/// however long the input is.
///
/// It reads large chunks, decodes them to UTF-8 (stripping a byte-order mark, transcoding UTF-16 and
/// Windows-1252), detects the delimiter and Excel's `sep=` hint, and runs a byte state machine over
/// them. A malformed record is returned as a `CSVIssue` and reading goes on with the next record.
///
/// ```swift
/// let reader = try CSVReader(path: "users.csv")
/// while let result = try reader.next() {
///     switch result {
///     case .success(let record): print(record.fields)
///     case .failure(let issue): print("users.csv:\(issue)")
///     }
/// }
/// ```
///
/// A class because it is a resource: it owns the file descriptor (closed when the reader goes away)
/// and its buffers. Use it from one thread at a time; it is not `Sendable`.
///
/// `CSVPosition.byteOffset` counts bytes of the original input for UTF-8 (a byte-order mark
/// included); for UTF-16 and Windows-1252 input it counts bytes of the UTF-8 text the reader decoded
/// the input to, without the byte-order mark.
public final class CSVReader {
    /// The input's name for messages: the path as given, or `<stdin>`.
    public let name: String
    /// The delimiter: given in the options, or detected (known once the first record has been read).
    public internal(set) var delimiter: UInt8?
    /// The encoding in use: given, or detected from a byte-order mark (`.auto` until reading starts).
    public internal(set) var encoding: CSVEncoding
    /// The input started with a byte-order mark (which was skipped).
    public internal(set) var hadByteOrderMark = false
    /// The first line was Excel's `sep=X` hint, which was honoured and skipped.
    public internal(set) var hadSeparatorHint = false
    /// Zero-length lines skipped so far.
    public var blankLines: Int { parser.blankLines }
    /// Input bytes consumed so far (before decoding), for progress.
    public private(set) var bytesRead = 0

    let options: CSVReaderOptions
    var decoder: InputDecoder
    // The reader is used from one thread at a time and its methods never access the parser or the
    // collector while an access to the same one is open, so the per-record run-time exclusivity
    // checks (a few percent of `next()`) are left out.
    @exclusivity(unchecked) var parser: RecordParser
    @exclusivity(unchecked) private var collector: FieldCollector

    /// Decoded bytes; `window[0]` is at decoded offset `windowBase`, valid bytes are `..<windowEnd`,
    /// the parser has consumed `..<windowIndex`.
    private(set) var window: UnsafeMutablePointer<UInt8>
    private var windowCapacity: Int
    private(set) var windowBase = 0
    var windowIndex = 0
    private(set) var windowEnd = 0
    private(set) var isInputEnded = false
    var isStarted = false
    private var isFinished = false

    /// Opens the file at `path` (`-` is standard input).
    public convenience init(path: String, options: CSVReaderOptions = .init()) throws(CSVInputError) {
        if path == "-" {
            self.init(source: .descriptor(0, ownsDescriptor: false), name: "<stdin>", options: options)
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CSVInputError(path: path, operation: "open", code: errno) }
        self.init(source: .descriptor(fd, ownsDescriptor: true), name: path, options: options)
    }

    /// Reads from an open descriptor, which the caller keeps (the reader does not close it).
    public convenience init(fileDescriptor: Int32, name: String, options: CSVReaderOptions = .init()) {
        self.init(source: .descriptor(fileDescriptor, ownsDescriptor: false), name: name, options: options)
    }

    /// Reads bytes in memory, `options.chunkSize` at a time (so tests can exercise chunk boundaries).
    public convenience init(bytes: [UInt8], name: String = "<bytes>", options: CSVReaderOptions = .init()) {
        self.init(source: .bytes(bytes, offset: 0), name: name, options: options)
    }

    private init(source: ByteSource, name: String, options: CSVReaderOptions) {
        self.name = name
        self.options = options
        self.delimiter = options.delimiter
        self.encoding = options.encoding
        let chunkSize = max(1, options.chunkSize)
        decoder = InputDecoder(source: source, name: name, encoding: options.encoding, chunkSize: chunkSize)
        parser = RecordParser(
            delimiter: options.delimiter ?? ASCII.comma, maxFieldBytes: max(1, options.maxFieldBytes),
            maxFields: options.maxFields)
        collector = FieldCollector(maxFields: max(1, options.maxFields))
        windowCapacity = InputDecoder.outputCapacity(chunkSize: chunkSize) + 64
        window = .allocate(capacity: windowCapacity)
    }

    deinit {
        decoder.close()
        collector.deallocate()
        window.deallocate()
    }

    /// Next record, or the problem with the next record (the reader then carries on), or nil at the end.
    public func next() throws(CSVInputError) -> Result<CSVRecord, CSVIssue>? {
        try nextRaw { CSVRecord(fields: $0.strings, position: $0.position) }
    }

    /// Next record handed to `body` as byte slices, without making a `String`: the allocation-free path
    /// for hot loops. Returns what `body` returns, or the record's issue (`body` is not called), or nil
    /// at the end. The record is only valid inside `body`; see `CSVRawRecord`.
    @inlinable
    public func nextRaw<Value>(_ body: (CSVRawRecord) -> Value) throws(CSVInputError) -> Result<
        Value, CSVIssue
    >? {
        // Inlinable so the caller's specialisation avoids generic metadata look-ups per record.
        switch try nextRawRecord() {
        case nil: return nil
        case .failure(let issue)?: return .failure(issue)
        case .success(let record)?: return .success(body(record))
        }
    }

    /// The next record as a raw view into the collector, or its issue, or nil at the end.
    @usableFromInline
    func nextRawRecord() throws(CSVInputError) -> Result<CSVRawRecord, CSVIssue>? {
        guard try parse(into: &collector) else { return nil }
        if let issue = collector.issue { return .failure(issue) }
        return .success(collector.rawRecord)
    }

    /// String-free fast path: counts the remaining records and fields; malformed records are counted as
    /// issues and, when given, handed to `onIssue` as they are found.
    public func countRemaining(onIssue: ((CSVIssue) -> Void)? = nil) throws(CSVInputError) -> CSVCount {
        var counter = RecordCounter(onIssue: onIssue)
        while try parse(into: &counter) {}
        counter.count.blankLines = blankLines
        return counter.count
    }

    /// Runs the parser until the sink stops it after a record (true) or the input ends (false).
    private func parse<Sink: RecordSink>(into sink: inout Sink) throws(CSVInputError) -> Bool {
        if !isStarted { try start() }
        while !isFinished {
            let (index, event) = parser.parse(
                window, from: windowIndex, to: windowEnd, base: windowBase, isFinal: isInputEnded, into: &sink
            )
            windowIndex = index
            switch event {
            case .record: return true
            case .needMore: try fill()
            case .endOfInput:
                isFinished = true
                decoder.close()
            }
        }
        return false
    }

    /// Reads more decoded bytes, first dropping what the parser no longer needs.
    func fill() throws(CSVInputError) {
        var keep = windowIndex
        if let retained = parser.retainedOffset { keep = min(keep, retained - windowBase) }
        if keep > 0 {
            UnsafeMutableRawPointer(window).copyMemory(from: window + keep, byteCount: windowEnd - keep)
            windowBase += keep
            windowIndex -= keep
            windowEnd -= keep
        }
        let room = InputDecoder.outputCapacity(chunkSize: max(1, options.chunkSize))
        if windowEnd + room > windowCapacity {
            // Only while an open quote keeps its resume point (bounded by maxFieldBytes) or a long line
            // is being sniffed.
            let newCapacity = max(windowCapacity * 2, windowEnd + room)
            let newWindow = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newWindow.update(from: window, count: windowEnd)
            window.deallocate()
            window = newWindow
            windowCapacity = newCapacity
        }
        let count = try decoder.read(
            into: UnsafeMutableRawBufferPointer(start: window + windowEnd, count: room))
        windowEnd += count
        if count == 0 { isInputEnded = true }
        bytesRead = decoder.bytesRead
    }
}
