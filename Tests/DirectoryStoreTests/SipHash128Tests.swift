import Testing

@testable import DirectoryStore

struct SipHash128Tests {
    /// The reference implementation's first 128-bit test vector: key 00 01 … 0f, empty message.
    @Test func matchesTheReferenceVector() {
        let hash = [UInt8]().withUnsafeBytes {
            SipHash128.hash($0, key0: 0x0706_0504_0302_0100, key1: 0x0f0e_0d0c_0b0a_0908)
        }
        #expect(hash.0 == 0xe6a8_25ba_047f_81a3, "first word: a3 81 7f 04 ba 25 a8 e6")
        #expect(hash.1 == 0x9302_55c7_1472_f66d, "second word: 6d f6 72 14 c7 55 02 93")
    }

    @Test(arguments: [1, 7, 8, 9, 15, 16, 17, 100])
    func everyByteCounts(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let hash = bytes.withUnsafeBytes { SipHash128.hash($0) }
        for position in 0..<length {
            var changed = bytes
            changed[position] ^= 1
            let other = changed.withUnsafeBytes { SipHash128.hash($0) }
            #expect(other != hash, "flipping a bit at \(position) of \(length) changes the hash")
        }
        let longer = (bytes + [0]).withUnsafeBytes { SipHash128.hash($0) }
        #expect(longer != hash, "a trailing zero byte changes the hash")
    }
}
