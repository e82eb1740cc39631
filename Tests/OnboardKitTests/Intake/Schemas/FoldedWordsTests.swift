import Testing

@testable import OnboardKit

/// Folding word by word with a memo gives exactly `FoldedText.fold` of the whole text.
struct FoldedWordsTests {
    /// Pieces that exercise every branch: ASCII, ASCII white space, no-break and ideographic spaces,
    /// precomposed and combining accents, full-width letters, ligatures, a lone mark, case changes
    /// that grow (`ß`, `İ`), emoji.
    static let pieces = [
        "a", "B", "z", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{A0}", "\u{3000}", "é", "E\u{301}",
        "\u{301}",
        "Ｗ", "ｅ", "ﬁ", "ß", "İ", "Σ", "ς", "Ø", "Ł", "ñ", "\u{1F600}", "-", ".", "Navárro", "José", "Müller",
        "ÅSA", "ｌｉｃｅ", "\u{200B}", "x\u{A0}", "\u{2003}y",
    ]

    @Test(arguments: 0..<8)
    func agreesWithFoldingTheWholeTextOnRandomTexts(seed: Int) {
        var random = KeyLedgerTableTests.SplitMix(state: UInt64(seed) &+ 11)
        var memo = FoldedWords(limit: 16)  // small, so the memo also starts afresh during the test
        for _ in 0..<800 {
            let count = Int.random(in: 0...8, using: &random)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let expected = FoldedText.fold(text)
            let folded = memo.fold(text)
            #expect(folded == expected, "\(text.debugDescription): \(folded.debugDescription)")
            #expect(memo.fold(text) == expected, "again, from the memo: \(text.debugDescription)")
            var state = StableHash.State()
            memo.fold(text) { state.add(byte: $0) }
            #expect(
                state.finish() == StableHash(expected),
                "emitted bytes hash as the fold: \(text.debugDescription)")
        }
    }

    @Test(arguments: ["", " ", "Jorge Navárro", "  Jorge   Navárro ", "\u{A0}Zoë\u{A0}", "ＡＮＮＡ Weiß"])
    func agreesOnEdgeCases(text: String) {
        var memo = FoldedWords()
        #expect(memo.fold(text) == FoldedText.fold(text), "\(text.debugDescription)")
    }
}
