extension TemporaryPassword {
    /// The length of generated passwords.
    public static let generatedLength = 16

    // Look-alikes (0 O o, 1 l I) are left out: these passwords are read off a sheet and typed by hand.
    // Symbols exclude `= + - @` (a cell starting with one is a formula in a spreadsheet), quotes,
    // `,` `;` (CSV separators) and `\`: the password must survive a CSV credential sheet untouched.
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let lower = Array("abcdefghijkmnpqrstuvwxyz")
    static let digits = Array("23456789")
    static let symbols = Array("!#$%&*?^_~")

    /// Generates a 16-character password that meets the policy: at least one character of each of the
    /// four kinds, the rest drawn uniformly from all of them, shuffled, and never containing
    /// `userName`.
    ///
    /// Pass `SystemRandomNumberGenerator` (the system's cryptographically secure generator) in
    /// production; a seeded generator only in tests.
    public static func generate(
        avoiding userName: String? = nil, using generator: inout some RandomNumberGenerator
    ) -> Secret {
        makeGenerated(avoiding: userName, using: &generator).secret
    }

    /// Like ``generate(avoiding:using:)``, as a ``TemporaryPassword``.
    public static func makeGenerated(
        avoiding userName: String? = nil, using generator: inout some RandomNumberGenerator
    ) -> TemporaryPassword {
        let all = upper + lower + digits + symbols
        let name = userName?.asciiLowercased ?? ""
        while true {
            var characters = [upper, lower, digits, symbols].map { $0.randomElement(using: &generator)! }
            for _ in characters.count..<generatedLength {
                characters.append(all.randomElement(using: &generator)!)
            }
            characters.shuffle(using: &generator)
            let text = String(characters)
            // A random 16-character string containing a 3+ letter user name is rare; draw again then.
            if name.count >= 3, text.asciiLowercased.contains(name) { continue }
            return TemporaryPassword(checked: Secret(text))
        }
    }
}
