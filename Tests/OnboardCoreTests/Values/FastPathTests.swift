import OnboardCore
import Testing

/// The parsers check plain ASCII input on a fast byte path and everything else on a detailed path.
/// A leading space forces the detailed path, so parsing `s` and `" " + s` must always agree.
struct FastPathTests {
    static func randomText(_ generator: inout SeededGenerator, alphabet: [Character], maxLength: Int)
        -> String
    {
        let length = Int(generator.next(upperBound: UInt(maxLength + 1)))
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test func userPrincipalNamesAgreeOnBothPaths() {
        var generator = SeededGenerator(seed: 11)
        var accepted = 0
        var disagreements: [String] = []
        for _ in 0..<10_000 {
            // local@domain.tld shapes, with the odd space, accent, extra @ or dot mixed in.
            let local = Self.randomText(&generator, alphabet: Array("abZ1.-_'!~#^ é@"), maxLength: 8)
            let domain = Self.randomText(&generator, alphabet: Array("abc1-.."), maxLength: 8)
            let text = local + "@" + domain + (generator.next() % 4 == 0 ? "" : ".com")
            let fast = try? UserPrincipalName.parse(text)
            let slow = try? UserPrincipalName.parse(" " + text)
            if fast?.key != slow?.key || fast?.domain != slow?.domain { disagreements.append(text) }
            if fast != nil { accepted += 1 }
        }
        #expect(disagreements == [], "the two paths disagree on these")
        #expect(accepted > 100, "the sample includes valid names (\(accepted))")
    }

    @Test func domainsAndPrefixesAgreeOnBothPaths() {
        var generator = SeededGenerator(seed: 12)
        let alphabet = Array("ab.-9Z._ ")
        for _ in 0..<20_000 {
            let text = Self.randomText(&generator, alphabet: alphabet, maxLength: 10)
            #expect((try? DomainName.parse(text)) == (try? DomainName.parse(" " + text)), "domain \(text)")
            #expect(
                (try? DomainPrefix.parse(text)) == (try? DomainPrefix.parse(" " + text)), "prefix \(text)")
        }
    }

    @Test(arguments: [
        String(repeating: "a", count: 63) + ".com", String(repeating: "a", count: 64) + ".com",
        String(repeating: "abcdefghi.", count: 25) + "abc",
        String(repeating: "abcdefghi.", count: 25) + "abcd",
    ])
    func domainLengthLimitsAgreeOnBothPaths(text: String) {
        #expect(
            (try? DomainName.parse(text)) == (try? DomainName.parse(" " + text)), "\(text.count) characters")
    }
}
