import Testing

@testable import OnboardKit

/// A user draft's fingerprint, hashed value by value, is the hash of its values joined.
struct FingerprintTests {
    @Test(arguments: 0..<3)
    func hashingStepByStepMatchesTheJoinedFields(seed: Int) throws {
        var random = KeyLedgerTableTests.SplitMix(state: UInt64(seed) &+ 5)
        let validator = UserValidator()
        let options: [String: [String]] = [
            "display_name": ["Alice Meyer", "José Müller", "", "ＡＮＮＡ"],
            "first_name": ["", "Alice", "Zoë"], "last_name": ["", "Meyer"],
            "usage_location": ["", "DE", "fr"], "role": ["", "Reader", "Contributor"],
            "block_sign_in": ["", "yes", "no"], "password": ["", "Xk4!mP9#qL2w", "Rt7$vN3@pZ8e"],
            "tenant": ["contoso", ""],
        ]
        var checked = 0
        for index in 0..<300 {
            var values: [String: String] = [:]
            for (column, choices) in options { values[column] = choices.randomElement(using: &random)! }
            values["user_principal_name"] = "user\(index % 7)@contoso.de"
            let row = try IntakeFixtures.user(values, line: index + 2)
            guard let draft = try validator.check(row, tenants: IntakeFixtures.tenants).draft else {
                continue
            }
            checked += 1
            #expect(draft.fingerprint == draft.referenceFingerprint, "\(values)")
        }
        #expect(checked > 50, "enough valid rows were compared (\(checked))")
    }
}
