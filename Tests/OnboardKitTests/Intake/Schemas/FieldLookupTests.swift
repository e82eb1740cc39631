import Testing

@testable import OnboardKit

/// The fast look-ups of a field's column and of trimmed text say what the plain ones say.
struct FieldLookupTests {
    @Test func ordinalsAreThePositionsInAllCases() {
        for (index, field) in IntakeField.allCases.enumerated() {
            #expect(field.ordinal == index, "\(field) is case \(index)")
        }
    }

    @Test(arguments: [IntakeFixtures.usersHeader, IntakeFixtures.customersHeader])
    func columnsAgreeWithTheMapping(header: [String]) throws {
        var mapping = try HeaderMapping.detect(header: header)
        for field in IntakeField.allCases {
            #expect(mapping.column(of: field) == mapping.columnOfField[field], "\(field)")
        }
        mapping.columnOfField[.jobTitle] = 0
        #expect(mapping.column(of: .jobTitle) == 0, "a changed mapping is seen by the look-up")
    }

    static let pieces = [
        "a", "Z", " ", "\t", "\n", "\u{A0}", "\u{3000}", "é", "\u{1}", "\u{7F}", "\u{85}", "😀", "'",
    ]

    @Test(arguments: 0..<4)
    func trimmingAgreesWithScalarPropertiesOnRandomTexts(seed: Int) {
        var random = KeyLedgerTableTests.SplitMix(state: UInt64(seed) &+ 101)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...5, using: &random)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let scalars = text.unicodeScalars
            let expected: String
            if let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) {
                let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
                expected = String(scalars[first...last])
            } else {
                expected = ""
            }
            #expect(text.trimmingWhitespace == expected, "\(text.debugDescription)")
        }
    }

    @Test(
        arguments: [
            ("'=1+1", "=1+1"), ("'+49", "+49"), ("'-x", "-x"), ("'@a", "@a"), ("'\tx", "\tx"), ("'\r", "\r"),
            ("'\r\n", "\r\n"), ("'a", "'a"), ("'\u{301}=", "'\u{301}="), ("''=", "''="), ("'", "'"), ("", ""),
            ("=1", "=1"), ("é'=", "é'="),
        ])
    func theFormulaGuardIsDroppedOnlyBeforeAFormulaCharacter(field: String, meant: String) {
        #expect(field.removingFormulaGuard == meant, "\(field.debugDescription)")
    }
}
