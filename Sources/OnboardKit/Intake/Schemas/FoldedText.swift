import Foundation

/// Text reduced for comparison: compatibility-normalised (NFKC), case- and accent-folded.
///
/// Used where two spellings must count as one: country names, company names, display names.
/// Identity keys (UPN, domain prefix) use the core's own normalisation instead.
enum FoldedText {
    /// NFKC, case- and accent-folded, white space runs collapsed to one space and trimmed.
    static func fold(_ text: String) -> String {
        // ASCII needs only lower-casing and spacing; Foundation's folding costs far more per name.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
