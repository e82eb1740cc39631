extension RecordParser {
    /// Parses `buffer[start..<end]` (decoded offset of `buffer[0]` is `base`) until the sink asks to
    /// stop after a record, the bytes run out, or, when `isFinal` (no bytes follow `end`), the input
    /// ends. Returns the index of the first byte not consumed.
    mutating func parse<Sink: RecordSink>(
        _ buffer: UnsafePointer<UInt8>, from start: Int, to end: Int, base: Int, isFinal: Bool,
        into sink: inout Sink
    ) -> (index: Int, event: Event) {
        var p = start
        while true {
            scanning: while p < end {
                switch state {
                case .recordStart:
                    let byte = buffer[p]
                    if byte == ASCII.lf || byte == ASCII.cr {
                        guard let next = lineBreakEnd(buffer, at: p, end: end, isFinal: isFinal) else {
                            return (p, .needMore)
                        }
                        p = next
                        blankLines += 1
                        newLine(at: base + p)
                        continue
                    }
                    beginRecord(at: base + p, &sink)
                    state = .fieldStart

                case .fieldStart:
                    beginField(at: base + p)
                    if buffer[p] == ASCII.quote {
                        state = .quoted
                        quoteLine = line
                        quoteColumn = column(at: base + p)
                        resumeOffset = nil
                        p += 1
                    } else {
                        state = .unquoted
                    }

                case .unquoted:
                    // The hot path: runs, delimiters, unquoted fields after them and valid UTF-8 stay
                    // in this loop, without a round through the `switch`.
                    var byte: UInt8
                    while true {
                        let run = p
                        p = stops.nextStop(buffer, from: p, to: end, base: base)
                        if p > run { append(buffer + run, count: p - run, endOffset: base + p, &sink) }
                        if p == end { continue scanning }
                        byte = buffer[p]
                        if byte == delimiter {
                            p = endFieldAtDelimiter(at: p, base: base, &sink)
                            // A quoted field, or the window's end: back through `.fieldStart`.
                            guard p < end && buffer[p] != ASCII.quote else { continue scanning }
                            beginField(at: base + p)
                            state = .unquoted
                        } else if byte >= 0x80 {
                            guard
                                let next = nonASCII(
                                    buffer, at: p, end: end, base: base, isFinal: isFinal, &sink)
                            else { return (p, .needMore) }
                            p = next
                        } else {
                            break
                        }
                    }
                    if byte == ASCII.lf || byte == ASCII.cr {
                        guard let next = lineBreakEnd(buffer, at: p, end: end, isFinal: isFinal) else {
                            return (p, .needMore)
                        }
                        p = next
                        endField(&sink)
                        newLine(at: base + p)
                        if endRecord(&sink) { return (p, .record) }
                    } else if byte == ASCII.quote {
                        flag(.quoteInUnquotedField, line: line, column: column(at: base + p))
                        p += 1
                    } else {
                        // NUL, the only stop byte left.
                        flag(.nulByte, line: line, column: column(at: base + p))
                        p += 1
                    }

                case .quoted:
                    let run = p
                    p = stops.nextQuotedStop(buffer, from: p, to: end, base: base, delimiter: delimiter)
                    if base + p - fieldStart > maxFieldBytes {
                        // Far too long for a real field: a quote that never closes, or (still on the
                        // quote's line) one huge field. Report it and go back to the line after the
                        // quote, or drop the rest of this line.
                        p = abandonOverlongQuotedField(at: p, base: base)
                        let stop = endRecord(&sink)
                        state = resumeState
                        if stop { return (p, .record) }
                        continue
                    }
                    if p > run { append(buffer + run, count: p - run, endOffset: nil, &sink) }
                    if p == end { break }
                    let byte = buffer[p]
                    if byte == ASCII.quote {
                        if p + 1 == end && !isFinal { return (p, .needMore) }
                        if p + 1 < end && buffer[p + 1] == ASCII.quote {
                            append(buffer + p, count: 1, endOffset: nil, &sink)
                            p += 2
                        } else {
                            p += 1
                            state = .afterClosingQuote
                        }
                    } else if byte == ASCII.lf || byte == ASCII.cr {
                        guard let next = lineBreakEnd(buffer, at: p, end: end, isFinal: isFinal) else {
                            return (p, .needMore)
                        }
                        append(buffer + p, count: next - p, endOffset: nil, &sink)
                        p = next
                        newLine(at: base + p)
                        if resumeOffset == nil { resumeOffset = base + p }
                    } else if byte == 0 {
                        flag(.nulByte, line: line, column: column(at: base + p))
                        p += 1
                    } else {
                        guard
                            let next = nonASCII(buffer, at: p, end: end, base: base, isFinal: isFinal, &sink)
                        else { return (p, .needMore) }
                        p = next
                    }

                case .afterClosingQuote:
                    let byte = buffer[p]
                    if byte == delimiter {
                        p = endFieldAtDelimiter(at: p, base: base, &sink)
                    } else if byte == ASCII.lf || byte == ASCII.cr {
                        guard let next = lineBreakEnd(buffer, at: p, end: end, isFinal: isFinal) else {
                            return (p, .needMore)
                        }
                        p = next
                        endField(&sink)
                        newLine(at: base + p)
                        if endRecord(&sink) { return (p, .record) }
                    } else {
                        // The record is malformed; read on as if unquoted to find where it ends.
                        flag(.textAfterClosingQuote, line: line, column: column(at: base + p))
                        state = .unquoted
                    }

                case .skippingLine:
                    let byte = buffer[p]
                    if byte == ASCII.lf || byte == ASCII.cr {
                        guard let next = lineBreakEnd(buffer, at: p, end: end, isFinal: isFinal) else {
                            return (p, .needMore)
                        }
                        p = next
                        newLine(at: base + p)
                        state = .recordStart
                    } else {
                        p += 1
                    }
                }
            }
            guard isFinal else { return (p, .needMore) }
            // The end of the input.
            switch state {
            case .recordStart:
                return (p, .endOfInput)
            case .skippingLine:
                state = .recordStart
                return (p, .endOfInput)
            case .fieldStart, .unquoted, .afterClosingQuote:
                endField(&sink)
                if endRecord(&sink) { return (p, .record) }
            case .quoted:
                p = abandonOpenQuote(at: p, base: base)
                let stop = endRecord(&sink)
                state = resumeState
                if stop { return (p, .record) }
            }
        }
    }

    /// Index after the line break at `p` (LF, CR, or CR LF), or nil when the byte after a CR is not
    /// in the window yet.
    @inline(__always)
    private func lineBreakEnd(_ buffer: UnsafePointer<UInt8>, at p: Int, end: Int, isFinal: Bool) -> Int? {
        if buffer[p] == ASCII.lf { return p + 1 }
        if p + 1 < end { return buffer[p + 1] == ASCII.lf ? p + 2 : p + 1 }
        return isFinal ? p + 1 : nil
    }

    /// Ends the field at the delimiter at `p`; returns the index after it.
    @inline(__always)
    private mutating func endFieldAtDelimiter<Sink: RecordSink>(at p: Int, base: Int, _ sink: inout Sink)
        -> Int
    {
        endField(&sink)
        if fieldCount == maxFields && issue == nil {
            // The field after this delimiter is one too many.
            flag(.tooManyFields(limit: maxFields), line: line, column: column(at: base + p) + 1)
        }
        state = .fieldStart
        return p + 1
    }

    /// Reports a quoted field over the size limit and returns where reading goes on. Still on the
    /// quote's own line, it is one field over the limit, whether or not a quote closes it later (a
    /// 50 MB field is not an unclosed quote): reported as such, the rest of the line dropped. Past a
    /// line break it is most likely a quote that never closes (see `abandonOpenQuote`).
    private mutating func abandonOverlongQuotedField(at p: Int, base: Int) -> Int {
        guard resumeOffset == nil else { return abandonOpenQuote(at: p, base: base) }
        flag(.fieldTooLarge(limit: maxFieldBytes), line: quoteLine, column: quoteColumn)
        resumeState = .skippingLine
        return p
    }

    /// Reports the open quote as unterminated and returns where reading goes on: the start of the line
    /// after the quote's line (`resumeState` becomes `.recordStart`), or, when that line has not ended
    /// yet, here, dropping the rest of the line (`.skippingLine`).
    private mutating func abandonOpenQuote(at p: Int, base: Int) -> Int {
        flag(.unterminatedQuote, line: quoteLine, column: quoteColumn)
        guard let resume = resumeOffset else {
            resumeState = .skippingLine
            return p
        }
        resumeOffset = nil
        line = quoteLine
        newLine(at: resume)
        resumeState = .recordStart
        return resume - base
    }

    /// Handles a non-ASCII byte at `p`: a valid UTF-8 sequence is kept (and counted as one character),
    /// an invalid byte makes the record malformed. Nil when the sequence continues past the window.
    @inline(__always)
    private mutating func nonASCII<Sink: RecordSink>(
        _ buffer: UnsafePointer<UInt8>, at p: Int, end: Int, base: Int, isFinal: Bool, quoted: Bool = false,
        _ sink: inout Sink
    ) -> Int? {
        switch UTF8Sequence.length(buffer, at: p, end: end, isFinal: isFinal) {
        case .complete(let length):
            append(buffer + p, count: length, endOffset: quoted ? nil : base + p + length, &sink)
            continuationsOnLine += length - 1
            return p + length
        case .invalid:
            flag(.invalidUTF8, line: line, column: column(at: base + p))
            return p + 1
        case .incomplete:
            return nil
        }
    }
}
