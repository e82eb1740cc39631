/// Small ASCII and whitespace checks shared by the parsers; no Foundation.
extension Unicode.Scalar {
    var isASCIIUpper: Bool { (0x41...0x5A).contains(value) }
    var isASCIILower: Bool { (0x61...0x7A).contains(value) }
    var isASCIILetter: Bool { isASCIIUpper || isASCIILower }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
    var isASCIILetterOrDigit: Bool { isASCIILetter || isASCIIDigit }
    /// Printable ASCII: space through tilde.
    var isASCIIPrintable: Bool { (0x20...0x7E).contains(value) }
}

extension String {
    /// The text without leading and trailing whitespace (including no-break spaces and newlines).
    var trimmed: String {
        // Fast path: a first and last byte that are printable ASCII other than space need no trimming.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F
        {
            return self
        }
        // Nor does a name ending in a Latin letter (`Chloé`), without breaking it into characters: a
        // scalar U+00A1–U+02FF always starts a grapheme of its own (no combining mark is among them),
        // so the last character is not white space either.
        if let first = utf8.first, first > 0x20, first < 0x7F, let last = unicodeScalars.last,
            (0xA1...0x2FF).contains(last.value)
        {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// Lower-cases ASCII letters only; other characters stay as they are.
    var asciiLowercased: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.map { $0.isASCIIUpper ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    /// Upper-cases ASCII letters only; other characters stay as they are.
    var asciiUppercased: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.map { $0.isASCIILower ? Unicode.Scalar($0.value - 32)! : $0 }))
    }

    /// The text lower-cased with spaces, `-` and `_` removed: how names of roles and modes are
    /// compared, so `Site Recovery Reader`, `site-recovery-reader` and `SITE_RECOVERY_READER` match.
    var looseKey: String {
        withASCIIBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes where byte != 0x20 && byte != 0x2D && byte != 0x5F {
                    out[count] = ASCII.lowercased(byte)
                    count += 1
                }
                return count
            }
        }
    }
}

/// Quotes a value for a message: `"con toso"`.
func quoted(_ value: String) -> String { "\"\(value)\"" }

/// Lists distinct offending characters for a message: `" ", "."`.
func listed(_ characters: some Sequence<Character>) -> String {
    var seen: [Character] = []
    for character in characters where !seen.contains(character) { seen.append(character) }
    return seen.map { $0 == " " ? "space" : quoted(String($0)) }.joined(separator: ", ")
}
