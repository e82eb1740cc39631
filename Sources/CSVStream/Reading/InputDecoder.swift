/// Turns the raw input into UTF-8 for the parser: finds and strips a byte-order mark, transcodes UTF-16
/// and Windows-1252, and passes UTF-8 through untouched (so the parser sees one encoding only).
///
/// Raw bytes are read `chunkSize` at a time; a caller must offer at least `outputCapacity(chunkSize:)`
/// bytes of room, because transcoding can grow the text (one Windows-1252 byte can become three).
struct InputDecoder {
    private var source: ByteSource
    let name: String
    private let chunkSize: Int
    /// The encoding in use; `.auto` until the first read has looked for a byte-order mark.
    private(set) var encoding: CSVEncoding
    private(set) var hadByteOrderMark = false
    /// Bytes of the byte-order mark skipped at the start of the input.
    private(set) var byteOrderMarkLength = 0
    /// Raw input bytes consumed so far.
    private(set) var bytesRead = 0

    /// Raw bytes read but not yet decoded (the byte-order-mark sniff, an odd UTF-16 byte).
    private var pending: [UInt8] = []
    private var rawBuffer: [UInt8]
    private var sourceEnded = false
    private var isStarted = false
    /// A UTF-16 high surrogate waiting for its low half in the next chunk.
    private var pendingHighSurrogate: UInt16?
    /// A UTF-16 input ended in the middle of a code unit.
    private var oddByteAtEnd = false

    init(source: ByteSource, name: String, encoding: CSVEncoding, chunkSize: Int) {
        self.source = source
        self.name = name
        self.encoding = encoding
        self.chunkSize = max(1, chunkSize)
        self.rawBuffer = [UInt8](repeating: 0, count: self.chunkSize + 4)
    }

    /// The room a read needs so one chunk always fits once decoded.
    static func outputCapacity(chunkSize: Int) -> Int { 3 * max(1, chunkSize) + 16 }

    /// Closes the source once: the reader closes at the end of the input and again when it goes
    /// away, and a second `close(2)` of the same number would close whatever file has it by then.
    mutating func close() {
        source.close()
        source = .bytes([], offset: 0)
    }

    /// Decodes the next piece of input into `output` as UTF-8; 0 means the end of the input.
    mutating func read(into output: UnsafeMutableRawBufferPointer) throws(CSVInputError) -> Int {
        if !isStarted { try start() }
        if encoding == .utf8 && pending.isEmpty {
            // UTF-8 needs no decoding: read straight into `output`, which saves copying every byte.
            guard !sourceEnded else { return 0 }
            let room = UnsafeMutableRawBufferPointer(rebasing: output[..<min(chunkSize, output.count)])
            let count = try source.read(into: room, name: name)
            if count == 0 { sourceEnded = true }
            bytesRead += count
            return count
        }
        while true {
            let raw = try readRaw()
            if raw.isEmpty { return finishUTF16(into: output) }
            let written: Int
            switch encoding {
            case .utf8, .auto: written = copy(raw, into: output)
            case .windows1252: written = Windows1252.decode(raw, into: output)
            case .utf16le: written = decodeUTF16(raw, bigEndian: false, into: output)
            case .utf16be: written = decodeUTF16(raw, bigEndian: true, into: output)
            }
            if written > 0 { return written }
        }
    }

    /// Reads the first bytes and decides the encoding from a byte-order mark (or the options).
    private mutating func start() throws(CSVInputError) {
        isStarted = true
        // Enough bytes for the longest mark (3), whatever the chunk size.
        while pending.count < 3, !sourceEnded {
            let count = try fillRawBuffer()
            pending.append(contentsOf: rawBuffer[0..<count])
        }
        let markUTF8: [UInt8] = [0xEF, 0xBB, 0xBF]
        let markLE: [UInt8] = [0xFF, 0xFE]
        let markBE: [UInt8] = [0xFE, 0xFF]
        func has(_ mark: [UInt8]) -> Bool { pending.starts(with: mark) }
        var mark = 0
        switch encoding {
        case .auto:
            if has(markUTF8) {
                encoding = .utf8
                mark = 3
            } else if has(markLE) {
                encoding = .utf16le
                mark = 2
            } else if has(markBE) {
                encoding = .utf16be
                mark = 2
            } else {
                encoding = .utf8
            }
        case .utf8: mark = has(markUTF8) ? 3 : 0
        case .utf16le: mark = has(markLE) ? 2 : 0
        case .utf16be: mark = has(markBE) ? 2 : 0
        case .windows1252: mark = 0
        }
        hadByteOrderMark = mark > 0
        byteOrderMarkLength = mark
        pending.removeFirst(mark)
    }

    /// Reads one chunk from the source into `rawBuffer`.
    private mutating func fillRawBuffer() throws(CSVInputError) -> Int {
        // Moved out while it is filled, so the source (another property) can be used meanwhile.
        var buffer: [UInt8] = []
        swap(&buffer, &rawBuffer)
        defer { swap(&buffer, &rawBuffer) }
        let (size, name) = (chunkSize, name)
        let result = buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(CSVInputError) -> Int in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[0..<size]), name: name)
            }
        }
        let count = try result.get()
        if count == 0 { sourceEnded = true }
        bytesRead += count
        return count
    }

    /// The next raw bytes to decode: pending ones first, then a fresh chunk; empty at the end.
    private mutating func readRaw() throws(CSVInputError) -> ArraySlice<UInt8> {
        if !pending.isEmpty {
            if pending.count == 1, !sourceEnded {
                // A lone byte (an odd UTF-16 half) needs its partner before it can be decoded.
                let count = try fillRawBuffer()
                pending.append(contentsOf: rawBuffer[0..<count])
            }
            let slice = ArraySlice(pending)
            pending.removeAll(keepingCapacity: true)
            return slice
        }
        guard !sourceEnded else { return [] }
        let count = try fillRawBuffer()
        return rawBuffer[0..<count]
    }

    private func copy(_ raw: ArraySlice<UInt8>, into output: UnsafeMutableRawBufferPointer) -> Int {
        raw.withUnsafeBytes { output.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return raw.count
    }

    private mutating func decodeUTF16(
        _ raw: ArraySlice<UInt8>, bigEndian: Bool, into output: UnsafeMutableRawBufferPointer
    ) -> Int {
        var bytes = raw
        var out = UTF8Output(output)
        if bytes.count % 2 == 1 {
            let odd = bytes.removeLast()
            // An odd byte waits for its partner in the next chunk; at the very end it has none.
            if sourceEnded && pending.isEmpty { oddByteAtEnd = true } else { pending.append(odd) }
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            let unit = bigEndian ? first << 8 | second : second << 8 | first
            index += 2
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if UTF16.isTrailSurrogate(unit) {
                    let scalar = 0x10000 + (UInt32(high - 0xD800) << 10 | UInt32(unit - 0xDC00))
                    out.append(Unicode.Scalar(scalar)!)
                    continue
                }
                out.append(Unicode.Scalar.replacement)
            }
            if UTF16.isLeadSurrogate(unit) {
                pendingHighSurrogate = unit
            } else if UTF16.isTrailSurrogate(unit) {
                out.append(Unicode.Scalar.replacement)
            } else {
                out.append(Unicode.Scalar(unit)!)
            }
        }
        if oddByteAtEnd {
            oddByteAtEnd = false
            out.append(Unicode.Scalar.replacement)
        }
        return out.count
    }

    /// At the end of a UTF-16 input, a lone high surrogate or odd byte becomes U+FFFD.
    private mutating func finishUTF16(into output: UnsafeMutableRawBufferPointer) -> Int {
        var out = UTF8Output(output)
        if pendingHighSurrogate != nil {
            pendingHighSurrogate = nil
            out.append(Unicode.Scalar.replacement)
        }
        return out.count
    }
}

extension Unicode.Scalar {
    /// U+FFFD, written where UTF-16 input holds an unpaired surrogate.
    static let replacement = Unicode.Scalar(0xFFFD)!
}

/// Appends scalars as UTF-8 to a raw buffer.
struct UTF8Output {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableRawBufferPointer) {
        base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            base[count] = UInt8(value)
            count += 1
        } else {
            for unit in UTF8.encode(scalar)! {
                base[count] = unit
                count += 1
            }
        }
    }
}
