import Testing

@testable import OnboardKit

/// Cyrillic and Greek letters that imitate Latin ones fold to them, so near-duplicate names built
/// from look-alikes are caught; real letters of those scripts that look like no Latin letter stay.
struct LookAlikeLettersTests {
    @Test(arguments: [
        ("\u{0410}lice P\u{0430}rk", "alice park"),  // Cyrillic А, а
        ("C\u{043E}nt\u{043E}s\u{043E}", "contoso"),  // Cyrillic о
        ("\u{0412}\u{041E}\u{0412}", "bob"),  // Cyrillic В, О: capitals only look alike
        ("\u{03A1}\u{03B1}ul", "paul"),  // Greek Ρ, α
        ("\u{0455}\u{0456}\u{0458}", "sij"),  // Cyrillic ѕ, і, ј
    ])
    func lookAlikesFoldToTheLatinLetter(text: String, folded: String) {
        #expect(FoldedText.fold(text) == folded, "\(text) reads as \(folded)")
    }

    @Test(arguments: ["\u{0416}", "\u{0431}", "\u{03C9}", "\u{03BB}"])  // Ж, б, ω, λ
    func lettersThatImitateNoLatinLetterStay(letter: String) {
        #expect(FoldedText.fold(letter) == letter.lowercased(), "\(letter) is kept")
    }

    @Test func theCompanyKeyOfALookAlikeNameIsTheOriginals() {
        #expect(
            CompanyNameKey.make("C\u{043E}ntoso Ltd") == CompanyNameKey.make("Contoso Ltd"),
            "a Cyrillic о in a company name")
    }
}
