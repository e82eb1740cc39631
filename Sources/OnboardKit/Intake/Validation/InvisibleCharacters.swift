/// Characters that make a name look different from what it is: control characters, bidirectional
/// overrides (which can reverse how a name displays) and zero-width characters.
enum InvisibleCharacters {
    /// The first such character in `text`, as `U+XXXX`, or `nil` when the text is clean.
    static func first(in text: String) -> String? {
        for scalar in text.unicodeScalars where isSuspicious(scalar) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return nil
    }

    static func isSuspicious(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls (tab and line breaks included)
        case 0x200B...0x200F: true  // zero-width space, joiners, LRM, RLM
        case 0x202A...0x202E: true  // bidi embeddings and overrides
        case 0x2060...0x2064, 0xFEFF: true  // word joiner, invisible operators, BOM / ZWNBSP
        case 0x2066...0x2069: true  // bidi isolates
        case 0x061C: true  // Arabic letter mark
        default: false
        }
    }
}
