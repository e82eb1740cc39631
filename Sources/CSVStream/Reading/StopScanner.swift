/// Finds the parser's "stop" bytes in a window: the delimiter, `"`, CR, LF, NUL and every non-ASCII
/// byte. Everything between two stops is ordinary field content, so the parser steps only on stops.
///
/// It classifies 64 bytes at a time into a bit mask (16 bytes per SIMD comparison; SSE2/NEON width,
/// so no CPU-specific build flags) and then answers "the next stop at or after `p`" from the mask
/// with a shift and a trailing-zero count, which is what makes short fields cheap. The last bytes of
/// a window, fewer than 16, are classified one at a time with `ByteClasses`' table.
///
/// The mask is kept by decoded offset, not window index, so it stays valid across `parse` calls (one
/// per record for `next()`) while the reader shifts and refills its window: the byte at a decoded
/// offset never changes, and the parser only asks about bytes still in the window.
struct StopScanner {
    private let classes: ByteClasses
    // The bytes the SIMD comparisons look for, in every lane.
    private var delimiterLanes: SIMD16<UInt8>
    private let quote = SIMD16<UInt8>(repeating: ASCII.quote)
    private let cr = SIMD16<UInt8>(repeating: ASCII.cr)
    private let lf = SIMD16<UInt8>(repeating: ASCII.lf)
    private let one = SIMD16<Int8>(repeating: 1)
    /// The bytes at decoded offsets `blockStart..<blockStart + blockCount` (at most 64) that the mask
    /// describes.
    private var blockStart = 0
    private var blockCount = 0
    /// Bit `i` is set when the byte at decoded offset `blockStart + i` is a stop byte.
    private var mask: UInt64 = 0

    init(delimiter: UInt8) {
        classes = ByteClasses(delimiter: delimiter)
        delimiterLanes = SIMD16(repeating: delimiter)
    }

    /// Makes `delimiter` (and no other byte of `,;\t|`) a stop byte.
    mutating func setDelimiter(_ delimiter: UInt8) {
        classes.setDelimiter(delimiter)
        delimiterLanes = SIMD16(repeating: delimiter)
        blockCount = 0
    }

    /// Index of the first stop byte in `buffer[p..<end]`, or `end`: where an unquoted run ends.
    /// `base` is the decoded offset of `buffer[0]`.
    @inline(__always)
    mutating func nextStop(_ buffer: UnsafePointer<UInt8>, from p: Int, to end: Int, base: Int) -> Int {
        var p = p
        while p < end {
            let offset = base &+ p &- blockStart
            // One unsigned comparison also catches a `p` before the block: it can move back (an
            // abandoned quote resumes on an earlier line).
            if UInt(bitPattern: offset) >= UInt(bitPattern: blockCount) {
                classify(buffer, at: p, to: end, base: base)
                continue
            }
            let ahead = mask &>> UInt64(offset)
            if ahead != 0 { return p &+ ahead.trailingZeroBitCount }
            p = blockStart &+ blockCount &- base
        }
        return end
    }

    /// Index of the first byte in `buffer[p..<end]` that ends a quoted run (a stop byte other than
    /// the delimiter, which is content inside quotes), or `end`.
    @inline(__always)
    mutating func nextQuotedStop(
        _ buffer: UnsafePointer<UInt8>, from p: Int, to end: Int, base: Int, delimiter: UInt8
    ) -> Int {
        var stop = nextStop(buffer, from: p, to: end, base: base)
        while stop < end && buffer[stop] == delimiter {
            stop = nextStop(buffer, from: stop + 1, to: end, base: base)
        }
        return stop
    }

    /// Fills the mask for the up to 64 bytes from `p`.
    private mutating func classify(_ buffer: UnsafePointer<UInt8>, at p: Int, to end: Int, base: Int) {
        let count = min(64, end - p)
        var mask: UInt64 = 0
        var offset = 0
        while count - offset >= 16 {
            mask |= stopBits(buffer + p + offset) &<< UInt64(offset)
            offset += 16
        }
        while offset < count {
            if !classes.continuesUnquoted(buffer[p + offset]) { mask |= 1 &<< UInt64(offset) }
            offset += 1
        }
        (self.mask, blockStart, blockCount) = (mask, base + p, count)
    }

    /// Bit `i` set when byte `i` of the 16 at `start` is a stop byte.
    @inline(__always)
    private func stopBits(_ start: UnsafePointer<UInt8>) -> UInt64 {
        // Written as plain comparisons of whole vectors (no scalar operands, no `any(_:)`), which
        // compile to single vector instructions; the other forms currently become per-lane loops.
        let block = UnsafeRawPointer(start).loadUnaligned(as: SIMD16<UInt8>.self)
        let syntax: SIMDMask<SIMD16<Int8>> =
            (block .== delimiterLanes) .| (block .== quote) .| (block .== cr)
            .| (block .== lf)
        // As signed bytes, NUL is the only one that is 0 and the non-ASCII ones are negative.
        let signed = unsafeBitCast(block, to: SIMD16<Int8>.self)
        let nulOrNonASCII: SIMDMask<SIMD16<Int8>> = signed .< one
        let stops = SIMD16<Int8>(repeating: 0).replacing(with: -1, where: syntax .| nulOrNonASCII)
        // A stop lane is now an all-ones byte; as two little-endian words, byte `i` of a word is lane `i`.
        let words = unsafeBitCast(stops, to: SIMD2<UInt64>.self)
        return Self.highBits(words[0]) | Self.highBits(words[1]) &<< 8
    }

    /// The top bit of each byte of `word`, packed into 8 bits (byte `i` gives bit `i`): the multiply
    /// shifts each top bit to its own place in the highest byte without any two colliding.
    @inline(__always)
    static func highBits(_ word: UInt64) -> UInt64 {
        ((word & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) &>> 56
    }
}
