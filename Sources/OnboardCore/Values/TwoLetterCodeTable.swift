/// A set of two-letter codes as a 26 × 26 bit table: a lookup is two subtractions and an index,
/// with no hashing or allocation, which matters when a million user rows each carry a country.
struct TwoLetterCodeTable: Sendable {
    private let present: [Bool]
    let count: Int

    /// Builds the table from space-separated codes (case ignored).
    init(_ codes: String) {
        var present = [Bool](repeating: false, count: 26 * 26)
        var count = 0
        for code in codes.split(separator: " ") {
            guard let index = Self.index(of: Substring(code)) else { preconditionFailure("bad code \(code)") }
            if !present[index] { count += 1 }
            present[index] = true
        }
        self.present = present
        self.count = count
    }

    /// Whether the text is exactly two ASCII letters forming a listed code, in any case.
    func contains(_ text: some StringProtocol) -> Bool {
        guard let index = Self.index(of: text) else { return false }
        return present[index]
    }

    private static func index(of text: some StringProtocol) -> Int? {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), let second = bytes.next(), bytes.next() == nil,
            ASCII.isLetterOrDigit(first), ASCII.isLetterOrDigit(second), first > 0x39, second > 0x39
        else { return nil }
        return Int((first | 0x20) - 0x61) * 26 + Int((second | 0x20) - 0x61)
    }
}
