import Testing

@testable import OnboardKit

struct InvisibleCharactersTests {
    @Test(arguments: [
        ("a\u{0007}b", "U+0007"), ("Bob\u{200B}", "U+200B"), ("\u{202E}evil", "U+202E"),
        ("x\u{2066}y", "U+2066"), ("a\u{FEFF}", "U+FEFF"),
    ])
    func findsControlZeroWidthAndBidiCharacters(text: String, code: String) {
        #expect(InvisibleCharacters.first(in: text) == code, "\(text.debugDescription)")
    }

    @Test(arguments: ["Zoë Ångström", "李小龙", "مريم", "O'Brien-Smith"])
    func leavesOrdinaryNamesAlone(text: String) {
        #expect(InvisibleCharacters.first(in: text) == nil, "\(text)")
    }
}
