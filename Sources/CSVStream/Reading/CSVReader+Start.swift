extension CSVReader {
    /// The longest first line looked at for the `sep=` hint and delimiter detection.
    static let sniffLimit = 1 << 16

    /// Before the first record: learns the encoding, honours a `sep=` line, and detects the delimiter
    /// from the header line when none was given.
    func start() throws(CSVInputError) {
        isStarted = true
        var line = try firstLine()
        encoding = decoder.encoding
        hadByteOrderMark = decoder.hadByteOrderMark
        parser.offsetBias = encoding == .utf8 ? decoder.byteOrderMarkLength : 0

        if let hinted = separatorHint(in: line) {
            hadSeparatorHint = true
            if delimiter == nil { delimiter = hinted }
            windowIndex = line.next
            parser.skipLine(nextLineStart: windowBase + windowIndex)
            line = try firstLine()
        }
        if delimiter == nil {
            // The header is the first line that is not blank.
            if line.start == line.end && line.next > line.end {
                line = try firstLine(skippingBlankLines: true)
            }
            delimiter = detectDelimiter(in: line)
        }
        parser.setDelimiter(delimiter!)
    }

    /// The next line in the window (up to a line break outside quotes), reading until it is complete,
    /// the input ends or it is longer than `sniffLimit`. `next` is the index after its line break.
    private func firstLine(skippingBlankLines: Bool = false) throws(CSVInputError) -> (
        start: Int, end: Int, next: Int
    ) {
        var lineStart = windowIndex
        var scanned = windowIndex
        var inQuotes = false
        while true {
            while scanned < windowEnd {
                let byte = window[scanned]
                if byte == ASCII.quote {
                    inQuotes.toggle()
                } else if !inQuotes && (byte == ASCII.lf || byte == ASCII.cr) {
                    if skippingBlankLines && scanned == lineStart {
                        scanned += 1
                        lineStart = scanned
                        continue
                    }
                    if byte == ASCII.cr && scanned + 1 == windowEnd && !isInputEnded { break }
                    let crlf = byte == ASCII.cr && scanned + 1 < windowEnd && window[scanned + 1] == ASCII.lf
                    return (lineStart, scanned, scanned + (crlf ? 2 : 1))
                }
                scanned += 1
            }
            if isInputEnded || windowEnd - windowIndex > Self.sniffLimit {
                return (lineStart, scanned, scanned)
            }
            let (offset, startOffset) = (scanned - windowIndex, lineStart - windowIndex)
            try fill()
            (scanned, lineStart) = (windowIndex + offset, windowIndex + startOffset)
        }
    }

    /// The delimiter of a `sep=X` line (Excel's hint), for the four delimiters onboard reads.
    private func separatorHint(in line: (start: Int, end: Int, next: Int)) -> UInt8? {
        guard line.end - line.start == 5 else { return nil }
        let prefix = (0..<4).map { window[line.start + $0] | 0x20 }  // ASCII lower case
        guard prefix == Array("sep=".utf8) else { return nil }
        let candidate = window[line.start + 4]
        return Self.delimiters.contains(candidate) ? candidate : nil
    }

    /// The delimiters onboard detects, in order of preference when counts tie.
    static let delimiters: [UInt8] = [ASCII.comma, ASCII.semicolon, ASCII.tab, ASCII.pipe]

    /// The delimiter that occurs most often outside quotes in the header line; `,` on a tie or none.
    private func detectDelimiter(in line: (start: Int, end: Int, next: Int)) -> UInt8 {
        var counts = [Int](repeating: 0, count: Self.delimiters.count)
        var inQuotes = false
        for index in line.start..<line.end {
            let byte = window[index]
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if !inQuotes, let which = Self.delimiters.firstIndex(of: byte) {
                counts[which] += 1
            }
        }
        var best = 0
        for which in counts.indices where counts[which] > counts[best] { best = which }
        return Self.delimiters[best]
    }
}
