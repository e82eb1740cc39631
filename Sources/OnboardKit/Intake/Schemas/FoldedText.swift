import Foundation

/// Text reduced for comparison: compatibility-decomposed (NFKD), accents dropped, Cyrillic and Greek
/// look-alikes made the Latin letter they imitate (see `LookAlikeLetters`), lower-cased, white space
/// runs collapsed to one space.
///
/// Used where two spellings must count as one: country names, company names, display names
/// (`Navárro` ~ `navarro`, `Ｃｏｎｔｏｓｏ` ~ `contoso`). Identity keys (UPN, domain prefix) use the
/// core's own normalisation instead.
enum FoldedText {
    /// The folded form of `text`, trimmed.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        // ASCII needs no decomposition; Foundation's NFKD is the only costly step, taken for the rest.
        let source =
            text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.decomposedStringWithCompatibilityMapping
        for scalar in source.unicodeScalars {
            // ASCII without Unicode property look-ups: they are most of the cost of folding a name.
            let isSpace: Bool
            let isMark: Bool
            if scalar.isASCII {
                isSpace = scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
                isMark = false
            } else {
                isSpace = scalar.properties.isWhitespace
                isMark = scalar.properties.generalCategory == .nonspacingMark
            }
            if isSpace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if isMark { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            if scalar.isASCII {
                scalars.append(
                    (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if let latin = LookAlikeLetters.latin(for: scalar) {
                scalars.append(latin)
            } else {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// `fold(_:)` keeping only letters and digits: "U.S.A." and "usa" are the same.
    static func lettersAndDigits(_ text: String) -> String {
        String(
            fold(text).unicodeScalars.filter {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }
            .map(Character.init))
    }
}
