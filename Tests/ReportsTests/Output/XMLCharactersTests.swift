import Testing

@testable import Reports

/// `xmlSafe`'s byte check agrees with checking every scalar.
struct XMLCharactersTests {
    static let pieces = [
        "a", "<", "&", "\"", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "é",
        "\u{FFFD}",
        "\u{FFFE}", "\u{FFFF}", "\u{FF21}", "\u{E000}", "\u{D7FF}", "\u{10000}", "😀", "\u{F000}",
    ]

    @Test func agreesWithTheScalarRuleOnRandomTexts() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let text = (0..<next(6)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            var expected = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let allowed: Bool =
                    switch scalar.value {
                    case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
                    default: false
                    }
                expected.append(allowed ? scalar : "\u{FFFD}")
            }
            #expect(text.xmlSafe == String(expected), "\(text.debugDescription)")
        }
    }
}
