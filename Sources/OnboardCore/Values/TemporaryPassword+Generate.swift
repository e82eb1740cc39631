extension TemporaryPassword {
    /// The length of generated passwords.
    public static let generatedLength = 16

    // Look-alikes (0 O o, 1 l I) are left out: these passwords are read off a sheet and typed by hand.
    // Symbols exclude `= + - @` (a cell starting with one is a formula in a spreadsheet), quotes,
    // `,` `;` (CSV separators) and `\`: the password must survive a CSV credential sheet untouched.
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
    static let lower = Array("abcdefghijkmnpqrstuvwxyz".utf8)
    static let digits = Array("23456789".utf8)
    static let symbols = Array("!#$%&*?^_~".utf8)
    static let all = upper + lower + digits + symbols
    /// The four kinds a password has one of each of, in the order they are drawn.
    static let kinds = [upper, lower, digits, symbols]

    /// Whether `bytes` contain `name`, both lower-cased (ASCII letters only, as the name's key is).
    private static func contains(_ bytes: UnsafeMutableBufferPointer<UInt8>, _ name: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard bytes.count >= name.count else { return false }
        return (0...(bytes.count - name.count)).contains { start in
            name.indices.allSatisfy { ASCII.lowercased(bytes[start + $0]) == ASCII.lowercased(name[$0]) }
        }
    }

    /// Generates a 16-character password that meets the policy: at least one character of each of the
    /// four kinds, the rest drawn uniformly from all of them, shuffled, and never containing
    /// `userName`.
    ///
    /// Pass `SecureRandom` (the system's cryptographically secure generator) in
    /// production; a seeded generator only in tests.
    public static func generate(
        avoiding userName: String? = nil, using generator: inout some RandomNumberGenerator
    ) -> Secret {
        makeGenerated(avoiding: userName, using: &generator).secret
    }

    /// Generates a password from `random`, shared with other threads (see ``SharedSecureRandom``).
    /// Here, in the core, the generation is specialised for it: called from another module, the
    /// generic one draws every byte through a protocol witness.
    public static func makeGenerated(avoiding userName: String? = nil, from random: SharedSecureRandom)
        -> TemporaryPassword
    {
        var draw = random.draw()
        return makeGenerated(avoiding: userName, using: &draw)
    }

    /// Like ``generate(avoiding:using:)``, as a ``TemporaryPassword``.
    public static func makeGenerated(
        avoiding userName: String? = nil, using generator: inout some RandomNumberGenerator
    ) -> TemporaryPassword {
        var name = userName ?? ""
        // The bytes are drawn into a buffer on the stack: a million users make a million passwords.
        return name.withUTF8 { name in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: generatedLength) { bytes in
                var draw = RandomByteDraw()
                while true {
                    for (index, kind) in kinds.enumerated() {
                        bytes[index] = kind[draw.index(below: kind.count, using: &generator)]
                    }
                    for index in 4..<generatedLength {
                        bytes[index] = all[draw.index(below: all.count, using: &generator)]
                    }
                    for index in stride(from: generatedLength - 1, to: 0, by: -1) {  // Fisher–Yates
                        bytes.swapAt(index, draw.index(below: index + 1, using: &generator))
                    }
                    // A random 16-character string containing a 3+ letter user name is rare; draw again then.
                    if name.count >= 3, contains(bytes, name) { continue }
                    return TemporaryPassword(checked: Secret(String(decoding: bytes, as: UTF8.self)))
                }
            }
        }
    }
}

/// Uniform small random indices from the bytes of 64-bit draws: one generator call yields up to eight
/// indices. The system generator makes a system call per draw, so this cuts a password's cost ~5×.
/// Rejection sampling (bytes at or above the largest multiple of `bound` are skipped) keeps every
/// index equally likely.
struct RandomByteDraw {
    private var word: UInt64 = 0
    private var left = 0

    mutating func index(below bound: Int, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(bound > 0 && bound <= 256, "bound must be 1...256")
        let limit = 256 - 256 % bound
        while true {
            if left == 0 {
                word = generator.next()
                left = 8
            }
            let byte = Int(word & 0xFF)
            word >>= 8
            left -= 1
            if byte < limit { return byte % bound }
        }
    }
}
