/// Turns a person's or company's name into the ASCII letters a mail address or domain prefix is made of.
///
/// Follows the local conventions partners use (`Müller` → `mueller`, `Łódź` → `lodz`, `Ærø` → `aeroe`)
/// and drops everything that is not a letter or digit. Names in other scripts carry their own
/// romanization in the catalog, because no table can guess it.
enum ASCIIFolding {
    /// Lower-case letters and digits only: `Müller & Söhne` → `muellersoehne`.
    static func slug(_ text: String) -> String {
        fold(text, keep: { $0.isLetterOrDigit })
    }

    /// Like `slug`, keeping `-` and `.` (for mail addresses): `Jean-Luc` → `jean-luc`.
    static func mailPart(_ text: String) -> String {
        fold(text, keep: { $0.isLetterOrDigit || $0 == "-" })
    }

    private static func fold(_ text: String, keep: (Character) -> Bool) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            let folded: Substring
            if let replacement = table[scalar] {
                folded = Substring(replacement)
            } else if scalar.isASCII {
                folded = Substring(String(scalar))
            } else {
                continue
            }
            for character in folded where keep(character) { result.append(character) }
        }
        return result
    }

    private static let table: [Unicode.Scalar: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "à": "a", "á": "a", "â": "a", "ã": "a", "å": "a",
        "æ": "ae", "ç": "c", "è": "e", "é": "e", "ê": "e", "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i",
        "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ø": "oe", "ù": "u", "ú": "u", "û": "u", "ý": "y",
        "ÿ": "y", "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ś": "s", "ź": "z", "ż": "z", "œ": "oe",
        "č": "c", "ř": "r", "š": "s", "ž": "z", "ğ": "g", "ı": "i", "ş": "s",
    ]
}

extension Character {
    fileprivate var isLetterOrDigit: Bool {
        isASCII && (isLetter || isNumber)
    }
}
