import OnboardCore
import Testing

/// A small seeded generator for repeatable tests.
typealias SeededGenerator = SplitMix64

struct TemporaryPasswordTests {
    @Test(arguments: [
        "Abcdefg1", "abcdefg1!", "ABCDEFG1!", "Pass word 1", "Tr0ub4dor&3",
        String(repeating: "Aa1", count: 85) + "x",
    ])
    func validPasswords(raw: String) throws {
        let password = try TemporaryPassword.parse(raw, userName: "alice")
        #expect(password.secret.revealed == raw, "kept exactly")
    }

    @Test(arguments: [
        ("Abcde1!", [Rule.passwordLength]),
        (String(repeating: "Aa1", count: 85) + "xy", [.passwordLength]),
        ("abcdefgh", [.passwordClasses]),
        ("abcdefg1", [.passwordClasses]),
        ("ABCDEFGH!", [.passwordClasses]),
        ("Ab1", [.passwordLength]),
        ("abc", [.passwordLength, .passwordClasses]),
        ("Ünïcode1!", [.passwordCharacters]),
        ("Tab\tbed1A", [.passwordCharacters]),
        ("xxALICExx1!", [.passwordContainsUserName]),
        ("alice", [.passwordLength, .passwordClasses, .passwordContainsUserName]),
    ])
    func invalidPasswordsReportEveryRule(raw: String, expected: [Rule]) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try TemporaryPassword.parse(raw, userName: "alice") }
                == expected,
            "rules for a password of \(raw.count) characters")
    }

    @Test func shortUserNamesAreNotChecked() throws {
        _ = try TemporaryPassword.parse("Albert12!", userName: "al")
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try TemporaryPassword.parse("xBobx123!", userName: "bob")
            }
                == [.passwordContainsUserName], "3 characters are checked")
    }

    @Test func checkedAgainstAUserPrincipalName() throws {
        let upn = try UserPrincipalName.parse("Alice@contoso.com")
        #expect(
            rulesBroken { () throws(DomainViolations) in try TemporaryPassword.parse("MyaLiCe!2", for: upn) }
                == [.passwordContainsUserName], "the local part, ignoring case")
    }

    @Test func messagesNeverContainThePassword() {
        let secret = "alice"
        let text = messages { () throws(DomainViolations) in
            try TemporaryPassword.parse(secret, userName: "alice")
        }
        #expect(text.count == 3, "three violations")
        let other = "Sünny"
        let more = messages { () throws(DomainViolations) in try TemporaryPassword.parse(other, userName: nil)
        }
        #expect(
            !more.isEmpty && more.allSatisfy { !$0.contains(other) && !$0.contains("ü") },
            "no password text: \(more)")
    }

    @Test func printingNeverShowsThePassword() throws {
        let password = try TemporaryPassword.parse("Tr0ub4dor&3", userName: nil)
        var dumped = ""
        dump(password, to: &dumped)
        #expect(
            !"\(password)".contains("Tr0ub") && !dumped.contains("Tr0ub")
                && !String(reflecting: password).contains("Tr0ub"), "redacted")
    }

    @Test func generatedPasswordsAlwaysMeetThePolicy() {
        var generator = SeededGenerator(seed: 42)
        var seen = Set<String>()
        var failures: [DomainViolations] = []
        for _ in 0..<1000 {
            let secret = TemporaryPassword.generate(avoiding: "admin", using: &generator)
            do throws(DomainViolations) {
                _ = try TemporaryPassword.parse(secret.revealed, userName: "admin")
            } catch {
                failures.append(error)
            }
            if secret.revealed.count == 16 { seen.insert(secret.revealed) }
        }
        #expect(failures == [], "every generated password meets the policy")
        #expect(seen.count == 1000, "1,000 distinct 16-character passwords")
        let used = Set(seen.joined())
        let alphabet = Set("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!#$%&*?^_~")
        #expect(
            used == alphabet,
            "every character of the alphabet is drawn, no other: \(used.symmetricDifference(alphabet))")
    }

    @Test func generatedPasswordsAvoidTheUserName() {
        // About 4 in 10,000 random passwords contain "abc" in some case, so 5,000 draws make a retry likely.
        var generator = SeededGenerator(seed: 7)
        let containing = (0..<5000).map { _ in
            TemporaryPassword.generate(avoiding: "abc", using: &generator).revealed
        }
        .filter { $0.lowercased().contains("abc") }
        #expect(containing == [], "never contains the user name")
    }
}
