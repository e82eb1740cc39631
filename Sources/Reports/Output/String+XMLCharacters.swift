extension String {
    /// The string with every character XML 1.0 forbids (C0 controls other than tab, line feed and
    /// carriage return, NUL, U+FFFE, U+FFFF) replaced by U+FFFD.
    ///
    /// libxml2 escapes `<`, `&` and quotes but passes such characters through, which would make the
    /// report ill-formed; an input row can hold anything. A NUL would also cut the C string short.
    var xmlSafe: String {
        // Fast path: no byte below 0x20 but tab, line feed and carriage return, and no 0xEF (the lead
        // byte of U+FFFE and U+FFFF) means no forbidden character; only then are the scalars looked at.
        var copy = self
        let plain = copy.withUTF8 { bytes in
            bytes.allSatisfy { $0 >= 0x20 ? $0 != 0xEF : $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
        if plain { return self }
        guard unicodeScalars.contains(where: { !$0.isXMLCharacter }) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            result.append(scalar.isXMLCharacter ? scalar : "\u{FFFD}")
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    fileprivate var isXMLCharacter: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
