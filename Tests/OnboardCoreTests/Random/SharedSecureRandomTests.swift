import Dispatch
import OnboardCore
import Synchronization
import Testing

struct SharedSecureRandomTests {
    @Test("threads drawing at once never get the same words")
    func concurrentDrawsAreDistinct() {
        let random = SharedSecureRandom()
        let drawn = Mutex<[UInt64]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            var draw = random.draw()
            // Odd counts, so callers stop mid-way through their eight words.
            let words = (0..<2_001).map { _ in draw.next() }
            drawn.withLock { $0 += words }
        }
        let words = drawn.withLock { $0 }
        #expect(words.count == 8 * 2_001)
        #expect(Set(words).count == words.count, "no word handed out twice (64-bit words repeat ~never)")
    }

    @Test("the words are spread over all 64 bits")
    func wordsUseEveryBit() {
        var draw = SharedSecureRandom().draw()
        var ones = 0
        var zeros = 0
        for _ in 0..<64 {
            let word = draw.next()
            ones |= Int(bitPattern: UInt(word))
            zeros |= Int(bitPattern: UInt(~word))
        }
        #expect(ones == -1 && zeros == -1, "every bit is seen both set and clear in 64 words")
    }

    @Test("passwords generated from it meet the policy and differ")
    func passwordsFromSharedDraws() throws {
        let random = SharedSecureRandom()
        let passwords = (0..<1_000).map { _ in
            TemporaryPassword.makeGenerated(avoiding: "alice", from: random).secret.revealed
        }
        #expect(Set(passwords).count == passwords.count, "no password repeats")
        for password in passwords.prefix(100) {
            _ = try TemporaryPassword.parse(password, userName: "alice")
        }
    }
}
