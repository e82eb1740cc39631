import Testing

@testable import OnboardKit

struct StringIntakeTests {
    @Test func whiteSpaceWithoutTheTableIsUnicodesWhiteSpace() {
        var disagreeing: [UInt32] = []
        for value in UInt32(0)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if String.isWhitespace(scalar) != scalar.properties.isWhitespace { disagreeing.append(value) }
        }
        #expect(
            disagreeing.isEmpty, "scalars decided otherwise than the White_Space property: \(disagreeing)")
    }

    @Test(arguments: [
        ("  alice ", "alice"), ("\u{A0}Zoë\u{3000}", "Zoë"), ("Chloé", "Chloé"), ("", ""), (" \t ", ""),
        ("a b", "a b"), ("\u{2003}é", "é"),
    ])
    func trimmingRemovesWhiteSpaceAtBothEnds(_ text: String, _ trimmed: String) {
        #expect(text.trimmingWhitespace == trimmed, "\(text.debugDescription) trimmed")
    }
}
