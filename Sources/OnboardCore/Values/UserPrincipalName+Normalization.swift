internal import Foundation

extension UserPrincipalName {
    /// The Unicode NFKC form of a name.
    ///
    /// ASCII text is already in NFKC, so the common case returns at once without Foundation. Other
    /// text goes through Foundation's `precomposedStringWithCompatibilityMapping`: NFKC needs the
    /// Unicode compatibility-decomposition tables, which the standard library does not expose, and a
    /// home-made subset (full-width forms only) would silently miss ligatures, circled and
    /// mathematical letters. This file is the only place the core uses Foundation.
    static func compatibilityNormalized(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCompatibilityMapping
    }
}
