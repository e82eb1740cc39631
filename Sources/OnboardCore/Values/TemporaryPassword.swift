/// A temporary password that meets the sign-in policy: to be changed at first sign-in.
///
/// 8 to 256 printable ASCII characters, at least three of the four classes (upper-case, lower-case,
/// digit, symbol), and not containing the user's name (the part of the user principal name before
/// the `@`, ignoring case, when that has 3 or more characters). The value is held as a ``Secret``:
/// it prints as `<redacted>`, and no violation message ever quotes it.
public struct TemporaryPassword: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The fewest characters.
    public static let minimumLength = 8
    /// The most characters.
    public static let maximumLength = 256

    /// The password.
    public let secret: Secret

    /// Checks a given password against the policy for the user `userName` (the part before the `@`,
    /// e.g. from ``UserPrincipalName/userName``), reporting every rule it breaks.
    ///
    /// The text is taken exactly as given (not trimmed): a space may be part of a password.
    public static func parse(_ raw: String, userName: String?) throws(DomainViolations) -> TemporaryPassword {
        var problems = ViolationList()
        let count = raw.count
        if count < minimumLength || count > maximumLength {
            problems.add(
                .passwordLength,
                "The temporary password has \(count) characters; use \(minimumLength) to \(maximumLength).")
        }
        if !raw.unicodeScalars.allSatisfy(\.isASCIIPrintable) {
            problems.add(
                .passwordCharacters,
                "The temporary password contains a character that is not allowed; use only letters A–Z, digits, symbols and spaces (no accents, emoji or tabs)."
            )
        }
        let classes = CharacterClasses(raw)
        if classes.count < 3 {
            problems.add(
                .passwordClasses,
                "The temporary password uses \(classes.count) of the 4 kinds of characters (\(classes.present)); use at least 3 of upper-case letters, lower-case letters, digits and symbols."
            )
        }
        if let name = userName?.asciiLowercased, name.count >= 3, raw.asciiLowercased.contains(name) {
            problems.add(
                .passwordContainsUserName,
                "The temporary password contains the user's name; choose one that does not.")
        }
        try problems.throwIfAny()
        return TemporaryPassword(checked: Secret(raw))
    }

    /// Checks a given password for the user `user`.
    public static func parse(_ raw: String, for user: UserPrincipalName) throws(DomainViolations)
        -> TemporaryPassword
    {
        try parse(raw, userName: user.userName)
    }

    init(checked secret: Secret) { self.secret = secret }

    public var description: String { "TemporaryPassword(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Which of the four kinds of characters a password uses.
struct CharacterClasses {
    var hasUpper = false
    var hasLower = false
    var hasDigit = false
    var hasSymbol = false

    init(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar.isASCIIUpper {
                hasUpper = true
            } else if scalar.isASCIILower {
                hasLower = true
            } else if scalar.isASCIIDigit {
                hasDigit = true
            } else {
                hasSymbol = true
            }
        }
    }

    var count: Int { [hasUpper, hasLower, hasDigit, hasSymbol].count(where: { $0 }) }

    /// The kinds present, named for a message (never the characters themselves).
    var present: String {
        let names = [
            (hasUpper, "upper-case"), (hasLower, "lower-case"), (hasDigit, "digits"), (hasSymbol, "symbols"),
        ]
        .filter(\.0).map(\.1)
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
