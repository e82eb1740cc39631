/// The system's secure random bytes (``SecureRandom``) shared by threads that each need a few at a
/// time: the import's workers, a temporary password each.
///
/// Holding one lock for the whole of each password's generation made the workers queue for it: at a
/// million users, the lock was taken a million times for some 2 µs each, by eight threads. Here a
/// caller takes the lock only to copy eight words (enough for a password, usually) and draws from
/// them alone; the words are cleared as they are handed out, as ``SecureRandom`` clears its own.
public final class SharedSecureRandom: Sendable {
    private let source = SharedState(SecureRandom())

    public init() {}

    /// A generator drawing from this source, eight words at a time.
    public func draw() -> Draw { Draw(source: self) }

    fileprivate func take(_ words: inout InlineArray<8, UInt64>) {
        source.withLock { random in
            for index in words.indices { words[index] = random.next() }
        }
    }

    /// One caller's generator: not to be shared, only made again.
    public struct Draw: RandomNumberGenerator {
        private let source: SharedSecureRandom
        private var words = InlineArray<8, UInt64>(repeating: 0)
        private var position = 8

        fileprivate init(source: SharedSecureRandom) { self.source = source }

        public mutating func next() -> UInt64 {
            if position == words.count {
                source.take(&words)
                position = 0
            }
            let word = words[position]
            words[position] = 0
            position += 1
            return word
        }
    }
}
