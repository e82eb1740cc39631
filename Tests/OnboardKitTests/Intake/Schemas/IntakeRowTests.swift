import Testing

@testable import OnboardKit

struct IntakeRowTests {
    @Test(
        arguments: [
            ("'=1+2", "=1+2"), ("'+49 30 1234", "+49 30 1234"), ("'-5", "-5"), ("'@home", "@home"),
            ("'\tx", "\tx"), ("'\rx", "\rx"), ("'hello", "'hello"), ("O'Brien", "O'Brien"), ("'", "'"),
        ])
    func dropsTheFormulaGuardOnly(written: String, meant: String) throws {
        let guarded = try IntakeFixtures.user(["display_name": written])
        #expect(
            guarded.raw(.displayName) == meant,
            "\(written.debugDescription) is read as \(meant.debugDescription)")
    }

    @Test func aShortRowReadsMissingFieldsAsEmpty() throws {
        let row = try IntakeFixtures.row(IntakeFixtures.usersHeader, ["contoso", "alice@contoso.de"])
        #expect(row.text(.role) == "", "role beyond the row's end")
    }
}
