/// Cyrillic and Greek letters that look like a Latin letter, folded to that letter when names are
/// compared for near-duplicates, so `Аlice Pаrk` (Cyrillic А and а) warns against `Alice Park`.
///
/// A small, fixed set (a skeleton in the spirit of Unicode's confusables, not all of it): the letters
/// of these two scripts that render like a Latin letter in common fonts, upper case included where
/// only the capital looks alike (Cyrillic `В` like `B`, `Н` like `H`). Identity keys (UPNs, domain
/// prefixes) are ASCII-only by rule, so this only matters for display and company names.
enum LookAlikeLetters {
    /// The lower-case Latin letter `scalar` imitates, or nil when it imitates none.
    static func latin(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        table[scalar.value]
    }

    private static let table: [UInt32: Unicode.Scalar] = {
        let pairs: [(String, Unicode.Scalar)] = [
            // Cyrillic
            ("Аа", "a"), ("В", "b"), ("Ԁԁ", "d"), ("Ее", "e"), ("Һһ", "h"), ("Н", "h"), ("Іі", "i"),
            ("Јј", "j"), ("Кк", "k"), ("Ӏӏ", "l"), ("М", "m"), ("Оо", "o"), ("Рр", "p"), ("Ԛԛ", "q"),
            ("Ѕѕ", "s"), ("Сс", "c"), ("Т", "t"), ("Уу", "y"), ("Ԝԝ", "w"), ("Хх", "x"),
            // Greek
            ("Αα", "a"), ("Β", "b"), ("Ε", "e"), ("Η", "h"), ("Ιι", "i"), ("Κκ", "k"), ("Μ", "m"),
            ("Ν", "n"), ("ν", "v"), ("Οο", "o"), ("Ρρ", "p"), ("Τ", "t"), ("Υ", "y"), ("υ", "u"),
            ("Χχ", "x"), ("Ζ", "z"), ("ϲ", "c"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (letters, latin) in pairs {
            for scalar in letters.unicodeScalars { table[scalar.value] = latin }
        }
        return table
    }()
}
